"""Payments worker: records the payments of an SQS batch in MySQL.

Everything is set up inside the handler, so every batch pays for a new
Secrets Manager client, a secret fetch and a new database connection.
"""

import json
import os

import boto3
import pymysql
from aws_lambda_powertools import Logger, Metrics
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.data_classes import SQSEvent, event_source
from aws_lambda_powertools.utilities.typing import LambdaContext

logger = Logger()
metrics = Metrics(namespace="Orders")

INSERT_PAYMENT = "INSERT INTO payments (order_id, amount, currency) VALUES (%s, %s, %s)"


@metrics.log_metrics
@event_source(data_class=SQSEvent)
def process_payments(event: SQSEvent, context: LambdaContext) -> dict:
    secrets = boto3.client("secretsmanager")
    secret = secrets.get_secret_value(SecretId=os.environ["DB_SECRET_ARN"])
    creds = json.loads(secret["SecretString"])

    conn = pymysql.connect(
        host=creds["host"],
        user=creds["username"],
        password=creds["password"],
        database="payments",
        connect_timeout=5,
    )
    failures = []
    recorded = 0
    try:
        with conn.cursor() as cur:
            for record in event.records:
                payment = record.json_body
                try:
                    cur.execute(INSERT_PAYMENT, (payment["orderId"], payment["amount"], payment["currency"]))
                    recorded += 1
                except pymysql.MySQLError:
                    logger.exception("cannot record payment", extra={"message_id": record.message_id})
                    failures.append({"itemIdentifier": record.message_id})
        conn.commit()
    finally:
        conn.close()

    metrics.add_metric(name="PaymentsRecorded", unit=MetricUnit.Count, value=recorded)
    # Partial batch response: only the failed messages go back to the queue.
    return {"batchItemFailures": failures}
