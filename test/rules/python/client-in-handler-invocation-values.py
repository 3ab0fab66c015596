# RUN: %check_lambda_lint --unsafe-fixes %s client-in-handler,connection-in-handler,config-fetch-in-handler %t
# A client, connection or fetch made from a value of this invocation (the event, a parameter,
# credentials assumed in this invocation) cannot simply move to module scope: it is reported as a
# note that says which value, with no fix. One made from constants and the environment is a
# warning with a fix.
import os

import boto3
import botocore.session
import psycopg2

REGION = os.environ.get("AWS_REGION", "us-east-1")


def lambda_handler(event, context):
    sts = boto3.client("sts", region_name=REGION)
    # CHECK-MESSAGES: :[[@LINE-1]]:11: warning: AWS SDK client `boto3.client(...)` is created on every invocation in handler `lambda_handler`; create it once at module scope and reuse it [client-in-handler]
    # CHECK-FIXES: {{^}}sts = boto3.client("sts", region_name=REGION)
    creds = sts.assume_role(RoleArn=os.environ["ROLE"], RoleSessionName="s")["Credentials"]
    s3 = boto3.client(
        # CHECK-MESSAGES: :[[@LINE-1]]:10: note: AWS SDK client `boto3.client(...)` is created on every invocation in handler `lambda_handler`; it uses `creds`, a value of this invocation, so it cannot simply be made once: if such values repeat across invocations, keep one per value in a module-level cache [client-in-handler]
        "s3",
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
    )
    org = boto3.client("organizations", region_name=event.get("region"))
    # CHECK-MESSAGES: :[[@LINE-1]]:11: note: AWS SDK client `boto3.client(...)` {{.*}}; it uses `event`, a value of this invocation, {{.*}} [client-in-handler]
    # CHECK-FIXES: {{^}}    org = boto3.client("organizations", region_name=event.get("region"))
    host = event["ResourceProperties"]["Host"]
    conn = psycopg2.connect(host=host, connect_timeout=5)
    # CHECK-MESSAGES: :[[@LINE-1]]:12: note: PostgreSQL connection `psycopg2.connect(...)` {{.*}}; it uses `host`, a value of this invocation, {{.*}} [connection-in-handler]
    for record in event["Records"]:
        secret = boto3.client("secretsmanager").get_secret_value(SecretId=record["secretId"])
        # CHECK-MESSAGES: :[[@LINE-1]]:18: warning: AWS SDK client `boto3.client(...)` {{.*}} [client-in-handler]
        # CHECK-MESSAGES: :[[@LINE-2]]:18: note: Secrets Manager fetch `boto3.client("secretsmanager").get_secret_value(...)` {{.*}}; it uses `record`, a value of this invocation, {{.*}} [config-fetch-in-handler]
    return s3, org, conn, secret, regional_client("eu-west-1")


def regional_client(region):
    # A helper's parameter may come from the event: said as a note too.
    return boto3.client("ec2", region_name=region)
    # CHECK-MESSAGES: :[[@LINE-1]]:12: note: AWS SDK client `boto3.client(...)` {{.*}} in `regional_client`, called from handler `lambda_handler`; it uses `region`, a value of this invocation, {{.*}} [client-in-handler]


class Processor:
    def __init__(self, table_name):
        self.table_name = table_name

    def handle(self, event, context):
        # `self` is the object, not a value of the invocation.
        return boto3.resource("dynamodb").Table(self.table_name)
        # CHECK-MESSAGES: :[[@LINE-1]]:16: warning: AWS SDK resource `boto3.resource(...)` {{.*}} [client-in-handler]


handler = Processor("orders").handle


class UserSession:
    """A session made empty, then given credentials assumed for this invocation's user."""

    def __init__(self, user_id):
        creds = boto3.client("sts").assume_role(RoleArn="arn", RoleSessionName=user_id)["Credentials"]
        # CHECK-MESSAGES: :[[@LINE-1]]:17: warning: AWS SDK client `boto3.client(...)` {{.*}} [client-in-handler]
        self._core = botocore.session.get_session()
        # CHECK-MESSAGES: :[[@LINE-1]]:22: note: AWS SDK session `botocore.session.get_session(...)` {{.*}}; it uses `creds`, a value of this invocation, {{.*}} [client-in-handler]
        self._core.set_credentials(access_key=creds["AccessKeyId"], secret_key=creds["SecretAccessKey"])
        self.session = boto3.Session(botocore_session=self._core)
        # CHECK-MESSAGES: :[[@LINE-1]]:24: note: AWS SDK session `boto3.Session(...)` {{.*}}; it uses `self._core`, a value of this invocation, {{.*}} [client-in-handler]


def user_handler(event, context):
    return UserSession(event["user"]).session
