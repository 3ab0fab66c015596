# RUN: %check_lambda_lint %s eager-heavy-import %t
# Modules that Lambda handlers use often are measured (data/import-costs.yaml), so they are
# weighed even with no dependency folder next to the handler: OpenCV, Jinja2, jsonschema,
# cryptography. A module that costs little (cachetools) is not heavy.
import cachetools
import cv2
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `cv2` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `resize`, which not every invocation runs; import it where it is used [eager-heavy-import]
import jinja2
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `jinja2` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `render`, which not every invocation runs; import it where it is used [eager-heavy-import]
import jsonschema

cache = cachetools.TTLCache(maxsize=16, ttl=60)


def resize(path):
    return cv2.resize(cv2.imread(path), (64, 64))


def render(name):
    return jinja2.Template("Hello {{ name }}").render(name=name)


def lambda_handler(event, context):
    # jsonschema validates every event: it is needed on every invocation, not reported.
    jsonschema.validate(event, {"type": "object"})
    if event.get("kind") == "image":
        return resize(event["path"])
    if event.get("kind") == "mail":
        return render(event["name"])
    return cache.get(event.get("id"))
