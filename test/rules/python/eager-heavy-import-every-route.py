# RUN: %check_lambda_lint --unsafe-fixes %s eager-heavy-import %t
# Every route of the resolver uses pandas: whichever route an invocation asks for needs it, so it
# stays at module scope. PIL.Image, used by one route of two, is reported (as a note: the
# resolver's package has no import figures and may load it).
import boto3
import pandas as pd
from PIL import Image
# CHECK-MESSAGES: :[[@LINE-1]]:1: note: `PIL.Image` ({{.*}}) is loaded during Init on every cold start, but used only in `thumbnail`, which not every invocation runs; import it where it is used (unless `aws_lambda_powertools.event_handler`, which lambda-lint has no import figures for, loads it too) [eager-heavy-import]
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
