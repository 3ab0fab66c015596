# RUN: %check_lambda_lint %s eager-heavy-import %t
# Moving an import saves nothing when Init loads the module anyway, so the rule is quiet:
# - numpy: pandas, which every invocation uses, loads it (the catalogue's `loads`);
# - boto3 of `from boto3.dynamodb.conditions import Key`: `import boto3` stays for the client
#   made at module scope, and the submodule's cost is boto3's;
# - scipy.stats: used only by a function that lazy initialisation calls (`if _model is None`),
#   which runs once per execution environment like Init.
# Two imports of one package are one decision: `import jwt` and `from jwt import PyJWKClient`
# give one finding, on the first, with the other as a related location, and no fix (a fix
# moves both or neither).
import json

import boto3
from boto3.dynamodb.conditions import Key
import jwt
# CHECK-NOTES: :[[@LINE-1]]:1: warning: `jwt` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `verify`, which not every invocation runs; import it where it is used [eager-heavy-import]
# CHECK-NOTES: :[[@LINE+13]]:14: note: used in `verify`
# CHECK-NOTES: :[[@LINE+13]]:12: note: used in `verify`
# CHECK-NOTES: :[[@LINE+1]]:1: note: also imports `jwt`; it moves with this import or not at all
from jwt import PyJWKClient
import numpy as np
import pandas as pd
import scipy.stats

table = boto3.resource("dynamodb").Table("scores")
_model = None


def verify(token):
    client = PyJWKClient("https://example.com/jwks")
    return jwt.decode(token, client.get_signing_key_from_jwt(token).key, algorithms=["RS256"])


def load_model():
    return scipy.stats.norm(np.mean([1, 2]), 1)


def lambda_handler(event, context):
    global _model
    if _model is None:
        _model = load_model()
    frame = pd.DataFrame(json.loads(event["body"]))
    rows = table.query(KeyConditionExpression=Key("id").eq(event["id"]))["Items"]
    if "token" in event:
        verify(event["token"])
    return {"p": _model.cdf(frame["x"].mean()), "rows": rows}


# No fix for the pair: both imports stay.
# CHECK-FIXES: {{^}}import jwt{{$}}
# CHECK-FIXES: {{^}}from jwt import PyJWKClient{{$}}
# CHECK-FIXES: {{^}}def verify(token):{{$}}
# CHECK-FIXES-NEXT: {{^}}    client = PyJWKClient("https://example.com/jwks"){{$}}
