# RUN: %check_lambda_lint %s eager-heavy-import %t
# Heavy imports that every invocation or Init itself needs stay at module scope: no findings.
import functools
import json

import boto3
import matplotlib
import numpy as np
import pandas as pd
import requests
from PIL import Image
from scipy import stats

matplotlib.use("Agg")  # used at module scope

s3 = boto3.client("s3")


def load_reference():
    # called at module scope below: runs during Init
    return stats.norm(0, 1)


REFERENCE = load_reference()


def retrying(fn):
    return fn


@retrying
def normalise(values: np.ndarray) -> list:
    # the annotations are evaluated when the module defines the function
    return list(values)


def enrich(frame):
    # called on the handler's unconditional path
    return frame.assign(ok=True)


def engine():
    from sqlalchemy.orm import Session  # already lazy: imported where used
    return Session


def lambda_handler(event, context):
    if "ping" in event:
        return "pong"  # an early return: the code below is still the main path
    frame = enrich(pd.DataFrame(event["rows"]))
    for record in event.get("Records", []):
        # a loop body counts as the path that reaches it
        requests.post("https://example.com", json=record)
    with Image.open(event["path"]) as im:
        size = im.size
    if event.get("debug"):
        print(json.dumps(size))  # json is cheap: not reported wherever it is used
    return {"rows": len(frame), "size": size}


# Imports for type checkers only never run.
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sklearn
    from matplotlib.figure import Figure


# A lazy loader's branch runs on the first invocation of every execution environment: the
# module it uses is needed by every environment, so its import stays.
import pymysql
import sqlalchemy

_conn = None
_engine = None


def get_conn():
    global _conn
    if _conn is None:
        _conn = pymysql.connect(host="db")
    return _conn


def get_engine():
    global _engine
    if _engine is not None:
        pass
    else:
        _engine = sqlalchemy.create_engine("sqlite://")
    return _engine


def process(event, context):
    return get_conn(), get_engine()
