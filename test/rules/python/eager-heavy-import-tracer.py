# RUN: %check_lambda_lint --unsafe-fixes %s eager-heavy-import %t
# Powertools' Tracer() made at module scope patches the libraries the X-Ray SDK supports, which
# imports each of them that is installed: Init loads requests anyway, so moving `import requests`
# into the one route that uses it would save nothing.
import requests
from aws_lambda_powertools import Tracer
from aws_lambda_powertools.event_handler import APIGatewayRestResolver

tracer = Tracer()
app = APIGatewayRestResolver()


@app.get("/todos")
def todos():
    return requests.get("https://jsonplaceholder.typicode.com/todos", timeout=5).json()


@app.get("/health")
def health():
    return {"ok": True}


@tracer.capture_lambda_handler
def lambda_handler(event, context):
    return app.resolve(event, context)
