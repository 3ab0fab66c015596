# RUN: %check_lambda_lint --no-fix %s client-in-handler %t
# How the Python frontend finds handlers and what runs per invocation. CHECK-NOTES checks the
# related locations too: the handler and the call path to the construction.
import boto3
from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from fastapi import FastAPI
from mangum import Mangum

logger = Logger()
resolver = APIGatewayRestResolver()
app = FastAPI()


def make_client():
    return boto3.client("s3")
    # CHECK-NOTES: :[[@LINE-1]]:12: warning: AWS SDK client `boto3.client(...)` is created on every invocation in `make_client`, called from handler `lambda_handler`; {{.*}}
    # CHECK-NOTES: :[[@LINE+5]]:5: note: handler `lambda_handler` (named `lambda_handler`) runs on every invocation
    # CHECK-NOTES: :[[@LINE+5]]:5: note: calls `step`
    # CHECK-NOTES: :[[@LINE+9]]:12: note: calls `make_client`


def lambda_handler(event, context):
    step(event)
    return resolver.resolve(event, context)


def step(event):
    return make_client()


@resolver.get("/todos")
def todos():
    return boto3.client("dynamodb").scan(TableName="todos")
    # CHECK-NOTES: :[[@LINE-1]]:12: warning: AWS SDK client `boto3.client(...)` is created on every invocation in handler `todos`; {{.*}}
    # CHECK-NOTES: :[[@LINE-3]]:5: note: handler `todos` (route `@resolver.get`, served on every invocation) runs on every invocation


@app.get("/items")
def items():
    return boto3.client("sqs")
    # CHECK-NOTES: :[[@LINE-1]]:12: warning: {{.*}} in handler `items`; {{.*}}
    # CHECK-NOTES: :[[@LINE-3]]:5: note: handler `items` (route `@app.get` of an app served by a Lambda adapter) runs on every invocation


handler = Mangum(app)


@logger.inject_lambda_context(log_event=True)
def process(evt, ctx):
    return boto3.client("sns")
    # CHECK-NOTES: :[[@LINE-1]]:12: warning: {{.*}} in handler `process`; {{.*}}
    # CHECK-NOTES: :[[@LINE-3]]:5: note: handler `process` (decorated with `@logger.inject_lambda_context`) runs on every invocation


def on_event(event, context):
    return boto3.client("sts")
    # CHECK-NOTES: :[[@LINE-1]]:12: warning: {{.*}} in handler `on_event`; {{.*}}
    # CHECK-NOTES: :[[@LINE-3]]:5: note: handler `on_event` (takes `(event, context)`) runs on every invocation


def on_record(event, _):
    # An unused context spelled `_` is still the context.
    return boto3.client("sqs")
    # CHECK-NOTES: :[[@LINE-1]]:12: warning: {{.*}} in handler `on_record`; {{.*}}
    # CHECK-NOTES: :[[@LINE-4]]:5: note: handler `on_record` (takes `(event, _)`) runs on every invocation


def run_jobs(records):
    return [boto3.client("athena") for _ in records]
    # CHECK-NOTES: :[[@LINE-1]]:13: warning: {{.*}} in `run_jobs`, called from handler `batch`; {{.*}}
    # CHECK-NOTES: :[[@LINE+4]]:5: note: handler `batch` (takes `(event, context)`) runs on every invocation
    # CHECK-NOTES: :[[@LINE+4]]:21: note: passes `run_jobs`


def batch(event, context):
    return list(map(run_jobs, [event]))


def not_a_handler(payload):
    return boto3.client("ec2")  # nothing calls it per invocation


if __name__ == "__main__":
    lambda_handler({}, None)
