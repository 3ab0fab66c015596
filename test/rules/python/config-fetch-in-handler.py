# RUN: %check_lambda_lint --unsafe-fixes %s config-fetch-in-handler %t
import json
import os

import boto3
from aws_lambda_powertools.utilities import parameters

ssm = boto3.client("ssm")
secrets = boto3.client("secretsmanager")
appconfig = boto3.client("appconfigdata")
PARAM = os.environ["CONFIG_PARAM"]
_CONFIG = None


def get_config():
    """The seed article's lazy loader: clean."""
    global _CONFIG
    if _CONFIG is None:
        param = ssm.get_parameter(Name="/prod/api/config")
        _CONFIG = json.loads(param["Parameter"]["Value"])
    return _CONFIG


def lambda_handler(event, context):
    key = ssm.get_parameter(Name=PARAM, WithDecryption=True)
    # CHECK-MESSAGES: :[[@LINE-1]]:11: warning: SSM Parameter Store fetch `ssm.get_parameter(...)` runs uncached on every invocation in handler `lambda_handler`; fetch it once and cache it across invocations [config-fetch-in-handler]
    secret = json.loads(secrets.get_secret_value(SecretId="prod/db")["SecretString"])
    # CHECK-MESSAGES: :[[@LINE-1]]:25: warning: Secrets Manager fetch `secrets.get_secret_value(...)` {{.*}} [config-fetch-in-handler]
    by_path = ssm.get_parameters_by_path(Path=event["path"])
    # CHECK-MESSAGES: :[[@LINE-1]]:15: note: SSM Parameter Store fetch `ssm.get_parameters_by_path(...)` {{.*}} [config-fetch-in-handler]
    token = appconfig.start_configuration_session(ApplicationIdentifier="a", EnvironmentIdentifier="e", ConfigurationProfileIdentifier="p")
    # CHECK-MESSAGES: :[[@LINE-1]]:13: warning: AppConfig session start `appconfig.start_configuration_session(...)` {{.*}} [config-fetch-in-handler]
    local = boto3.client("ssm")
    flag = local.get_parameter(Name="/flags/x")
    # CHECK-MESSAGES: :[[@LINE-1]]:12: warning: SSM Parameter Store fetch `local.get_parameter(...)` {{.*}} [config-fetch-in-handler]
    cached = parameters.get_parameter("/prod/cached")
    config = get_config()
    return key, secret, by_path, token, flag, cached, config


# CHECK-FIXES: _KEY = None
# CHECK-FIXES: def _load_key():
# CHECK-FIXES-NEXT: """Fetch once per execution environment; cached for later invocations."""
# CHECK-FIXES-NEXT: global _KEY
# CHECK-FIXES-NEXT: if _KEY is None:
# CHECK-FIXES-NEXT: _KEY = ssm.get_parameter(Name=PARAM, WithDecryption=True)
# CHECK-FIXES-NEXT: return _KEY
# CHECK-FIXES: def _load_secret_value():
# CHECK-FIXES: _SECRET_VALUE = secrets.get_secret_value(SecretId="prod/db")
# CHECK-FIXES: def lambda_handler(event, context):
# CHECK-FIXES: key = _load_key()
# CHECK-FIXES: secret = json.loads(_load_secret_value()["SecretString"])
# Depends on the event, or on a client made here, or a one-use session token: no fix.
# CHECK-FIXES: by_path = ssm.get_parameters_by_path(Path=event["path"])
# CHECK-FIXES: token = appconfig.start_configuration_session(
# CHECK-FIXES: flag = local.get_parameter(Name="/flags/x")
