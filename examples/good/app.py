"""Inventory updater: reserves stock for new orders. No findings are expected here."""

import functools
import json
import os

import boto3
import pymysql
from aws_lambda_powertools.utilities import parameters

# Module scope: one client per execution environment, reused by warm invocations.
sqs = boto3.client("sqs")
ssm = boto3.client("ssm")
sts = boto3.client("sts")

_conn = None
_warehouses = None
_clients = {}


def get_connection():
    """Lazy loader: connects on first use, then reuses the connection."""
    global _conn
    if _conn is None:
        creds = parameters.get_secret(os.environ["DB_SECRET_ARN"], transform="json", max_age=300)
        _conn = pymysql.connect(host=creds["host"], user=creds["username"], password=creds["password"],
                                database="inventory", connect_timeout=5)
    # The server may have closed the connection while the environment was frozen.
    _conn.ping(reconnect=True)
    return _conn


def warehouses() -> list[str]:
    """Early-return cache: Parameter Store is read once per execution environment."""
    global _warehouses
    if _warehouses is not None:
        return _warehouses
    page = ssm.get_parameters_by_path(Path="/inventory/warehouses/")
    _warehouses = [p["Value"] for p in page["Parameters"]]
    return _warehouses


def client(service: str):
    """Dict cache keyed by service name."""
    if service not in _clients:
        _clients[service] = boto3.client(service)
    return _clients[service]


@functools.lru_cache(maxsize=None)
def s3_in(region: str):
    """One S3 client per Region, created on first use."""
    return boto3.client("s3", region_name=region)


def supplier_queue(role_arn: str):
    """The supplier's own queue, reached through a role in their account. The client carries
    credentials for this order's supplier, valid for an hour: it is made per order on purpose."""
    creds = sts.assume_role(RoleArn=role_arn, RoleSessionName="inventory")["Credentials"]
    # lambda-lint: ignore[client-in-handler]
    return boto3.client("sqs", aws_access_key_id=creds["AccessKeyId"],
                        aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])


def handler(event, context):
    # Powertools caches the parameter for max_age seconds.
    threshold = int(parameters.get_parameter("/inventory/low-stock-threshold", max_age=300))
    order = event["detail"]
    conn = get_connection()
    low = []
    with conn.cursor() as cur:
        for line in order["lines"]:
            cur.execute("UPDATE stock SET qty = qty - %s WHERE sku = %s", (line["qty"], line["sku"]))
            cur.execute("SELECT qty FROM stock WHERE sku = %s", (line["sku"],))
            (left,) = cur.fetchone()
            if left < threshold:
                low.append({"sku": line["sku"], "left": left})
    conn.commit()

    for item in low:
        sqs.send_message(QueueUrl=os.environ["RESTOCK_QUEUE_URL"], MessageBody=json.dumps(item))
        client("sns").publish(TopicArn=os.environ["ALERTS_TOPIC_ARN"], Message=f"{item['sku']}: {item['left']} left")
    if low and "supplierRoleArn" in order:
        supplier_queue(order["supplierRoleArn"]).send_message(QueueUrl=order["supplierQueueUrl"],
                                                             MessageBody=json.dumps(low))
    snapshot = json.dumps({"order": order["pk"], "low": low, "warehouses": warehouses()})
    s3_in(os.environ["DR_REGION"]).put_object(Bucket=os.environ["DR_BUCKET"], Key=f"reservations/{order['pk']}.json",
                                              Body=snapshot)
    return {"order": order["pk"], "low": len(low)}
