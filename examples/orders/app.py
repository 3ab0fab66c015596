"""Orders API: an API Gateway REST API served by a Powertools event handler."""

import json
import os
from decimal import Decimal

import boto3
from aws_lambda_powertools import Logger, Tracer
from aws_lambda_powertools.event_handler import APIGatewayRestResolver
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

logger = Logger()
tracer = Tracer()
app = APIGatewayRestResolver()

# Module scope: created once per execution environment, reused by warm invocations.
table = boto3.resource("dynamodb").Table(os.environ["ORDERS_TABLE"])
ssm = boto3.client("ssm")


@app.get("/orders/<order_id>")
@tracer.capture_method
def get_order(order_id: str) -> dict:
    item = table.get_item(Key={"pk": order_id}).get("Item")
    if item is None:
        raise NotFoundError(f"order {order_id} not found")
    return item


@app.post("/orders")
@tracer.capture_method
def create_order() -> dict:
    body = app.current_event.json_body
    # The tax rate rarely changes, yet every request reads it from Parameter Store.
    param = ssm.get_parameter(Name=os.environ["TAX_RATE_PARAM"])
    tax_rate = Decimal(param["Parameter"]["Value"])
    lines = [
        {"sku": line["sku"], "qty": int(line["qty"]), "price": Decimal(str(line["price"]))}
        for line in body["lines"]
    ]
    subtotal = sum(line["price"] * line["qty"] for line in lines)
    order = {
        "pk": body["orderId"],
        "customerId": body["customerId"],
        "lines": lines,
        "total": (subtotal * (1 + tax_rate)).quantize(Decimal("0.01")),
        "status": "NEW",
    }
    table.put_item(Item=order)
    _publish_order_created(order)
    logger.info("order created", extra={"order_id": order["pk"]})
    return order


def _publish_order_created(order: dict) -> None:
    events = boto3.client("events")
    events.put_events(
        Entries=[
            {
                "Source": "orders.api",
                "DetailType": "OrderCreated",
                "Detail": json.dumps(order, default=str),
                "EventBusName": os.environ["EVENT_BUS_NAME"],
            }
        ]
    )


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_REST)
@tracer.capture_lambda_handler
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
