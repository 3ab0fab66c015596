# RUN: %check_lambda_lint %s eager-heavy-import %t
# Every route of the resolver uses pandas: whichever route an invocation asks for needs it, so it
# stays at module scope. PIL.Image, used by one route of two, is reported.
import boto3
import pandas as pd
from PIL import Image
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `PIL.Image` ({{.*}}) is loaded during Init on every cold start, but used only in `thumbnail`, which not every invocation runs; import it where it is used [eager-heavy-import]
from aws_lambda_powertools.event_handler import APIGatewayRestResolver

app = APIGatewayRestResolver()
table = boto3.resource("dynamodb").Table("orders")


@app.get("/orders")
def list_orders():
    return {"orders": pd.DataFrame(table.scan()["Items"]).to_dict("records")}


@app.get("/orders/thumbnail")
def thumbnail():
    frame = pd.DataFrame(table.scan()["Items"])
    with Image.open(frame["path"][0]) as im:
        return {"size": im.size}


def lambda_handler(event, context):
    return app.resolve(event, context)


# CHECK-FIXES: def thumbnail():
# CHECK-FIXES-NEXT: from PIL import Image
