# RUN: %check_lambda_lint --unsafe-fixes %s eager-heavy-import %t
# A handler that dispatches to functions that all use the module, with only inline code (a usage
# message) on its other paths: every invocation that does real work needs it, so it stays.
# pandas, used by one of the two, is reported.
import json

import pandas as pd
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `pandas` ({{.*}}) is loaded during Init on every cold start, but used only in `report`, which not every invocation runs; import it where it is used [eager-heavy-import]
import requests


def create(event):
    return requests.post("https://example.com/items", json=event["body"], timeout=5).json()


def report(event):
    return requests.get("https://example.com/items", timeout=5).json(), pd.DataFrame([event]).to_dict()


def lambda_handler(event, context):
    if event.get("action") == "create":
        return create(event)
    if event.get("action") == "report":
        return report(event)
    return {"statusCode": 400, "body": json.dumps("usage: action=create|report")}
