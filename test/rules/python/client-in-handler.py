# RUN: %check_lambda_lint %s client-in-handler %t
import functools
import os

import boto3
import boto3 as b3
from boto3 import client as make_client
from boto3.session import Session

REGION = os.environ.get("AWS_REGION", "us-east-1")
ddb = boto3.resource("dynamodb")
_sqs = None
_clients = {}


def lambda_handler(event, context):
    s3 = boto3.client("s3", region_name=REGION)
    # CHECK-MESSAGES: :[[@LINE-1]]:10: warning: AWS SDK client `boto3.client(...)` is created on every invocation in handler `lambda_handler`; create it once at module scope and reuse it [client-in-handler]
    sns = b3.client("sns", endpoint_url=os.environ["SNS_ENDPOINT"])  # keep this comment
    # CHECK-MESSAGES: :[[@LINE-1]]:11: warning: AWS SDK client `b3.client(...)` {{.*}} [client-in-handler]
    kinesis = make_client("kinesis")
    # CHECK-MESSAGES: :[[@LINE-1]]:15: warning: AWS SDK client `make_client(...)` {{.*}} [client-in-handler]
    regional = boto3.client("s3", region_name=event["region"])
    # CHECK-MESSAGES: :[[@LINE-1]]:16: note: AWS SDK client `boto3.client(...)` {{.*}} [client-in-handler]
    ddb.Table("orders").put_item(Item=event)
    publish(sns, event)
    get_sqs().send_message(QueueUrl="q", MessageBody="m")
    cached_client("s3")
    from_dict_cache("sts")
    return s3, kinesis, regional


def publish(client, event):
    session = Session()
    # CHECK-MESSAGES: :[[@LINE-1]]:15: warning: AWS SDK session `Session(...)` is created on every invocation in `publish`, called from handler `lambda_handler`; {{.*}} [client-in-handler]
    client.publish(TopicArn="t", Message=str(event))
    return session


def get_sqs():
    global _sqs
    if _sqs is None:
        _sqs = boto3.client("sqs")
    return _sqs


@functools.lru_cache(maxsize=None)
def cached_client(name):
    return boto3.client(name)


def from_dict_cache(name):
    if name not in _clients:
        _clients[name] = boto3.client(name)
    return _clients[name]


def never_called_from_a_handler():
    return boto3.client("athena")


# CHECK-FIXES: ddb = boto3.resource("dynamodb")
# CHECK-FIXES: s3 = boto3.client("s3", region_name=REGION)
# CHECK-FIXES: sns = b3.client("sns", endpoint_url=os.environ["SNS_ENDPOINT"])  # keep this comment
# CHECK-FIXES: kinesis = make_client("kinesis")
# CHECK-FIXES: def lambda_handler(event, context):
# CHECK-FIXES: regional = boto3.client("s3", region_name=event["region"])
# CHECK-FIXES: session = Session()
# CHECK-FIXES: def publish(client, event):
# CHECK-FIXES: client.publish(TopicArn="t", Message=str(event))
