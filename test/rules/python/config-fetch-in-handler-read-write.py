# RUN: %check_lambda_lint --unsafe-fixes %s config-fetch-in-handler %t
# A secret rotation function reads and writes the secret it rotates: what it reads is data the
# function changes, not configuration to cache. Another store it only reads is still reported.
import os

import boto3

secrets = boto3.client("secretsmanager")
ssm = boto3.client("ssm")


def lambda_handler(event, context):
    arn = os.environ["SECRET_ARN"]
    current = secrets.get_secret_value(SecretId=arn, VersionStage="AWSCURRENT")
    if event["Step"] == "createSecret":
        secrets.put_secret_value(SecretId=arn, SecretString="x", VersionStages=["AWSPENDING"])
    flags = ssm.get_parameter(Name="/app/flags")
    # CHECK-MESSAGES: :[[@LINE-1]]:13: warning: SSM Parameter Store fetch `ssm.get_parameter(...)` runs uncached on every invocation in handler `lambda_handler`; {{.*}} [config-fetch-in-handler]
    return current, flags
