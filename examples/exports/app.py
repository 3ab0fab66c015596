"""Order exports: CSV for most requests, a chart for a few. Init pays for both."""

import csv
import io
import json
import os

import boto3
import matplotlib.pyplot as plt
import pandas as pd

s3 = boto3.client("s3")
BUCKET = os.environ["EXPORTS_BUCKET"]


def _chart(frame: pd.DataFrame) -> bytes:
    # Only `?format=chart` requests get here, yet every cold start imports matplotlib.
    fig, ax = plt.subplots()
    frame.groupby("day")["total"].sum().plot(ax=ax)
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _csv(frame: pd.DataFrame) -> bytes:
    buf = io.StringIO()
    frame.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL)
    return buf.getvalue().encode()


def lambda_handler(event, context):
    params = event.get("queryStringParameters") or {}
    rows = json.loads(s3.get_object(Bucket=BUCKET, Key=params["key"])["Body"].read())
    frame = pd.DataFrame(rows)
    if params.get("format") == "chart":
        body, key = _chart(frame), params["key"] + ".png"
    else:
        body, key = _csv(frame), params["key"] + ".csv"
    s3.put_object(Bucket=BUCKET, Key=key, Body=body)
    return {"statusCode": 200, "body": json.dumps({"key": key})}
