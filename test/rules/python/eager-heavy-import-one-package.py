# RUN: %check_lambda_lint --unsafe-fixes %s eager-heavy-import %t
# Two imports of one package are one decision: one finding, on the first, with the other as a
# related location. The fix would have to move both or neither; it moves neither (no fix).
import requests
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `requests` ({{.*}}) is loaded during Init on every cold start, but used only in `fetch`, which not every invocation runs; import it where it is used [eager-heavy-import]
from requests import Response


def fetch(url):
    response = requests.get(url, timeout=5)
    assert isinstance(response, Response)
    return response.json()


def lambda_handler(event, context):
    if event.get("url"):
        return fetch(event["url"])
    return {}

# CHECK-FIXES: {{^}}import requests{{$}}
# CHECK-FIXES: {{^}}from requests import Response{{$}}
# CHECK-FIXES: {{^}}def fetch(url):
# CHECK-FIXES-NEXT: {{^}}    response = requests.get(url, timeout=5)
