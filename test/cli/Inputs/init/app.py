import json

import boto3
import matplotlib.pyplot as plt
import pandas as pd
import acme_analytics

s3 = boto3.client("s3")


def chart(rows):
    return plt.plot(rows)


def lambda_handler(event, context):
    frame = pd.DataFrame(json.loads(event["body"]))
    if event.get("chart"):
        chart(frame)
    return acme_analytics.summary(frame)
