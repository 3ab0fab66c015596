# RUN: %check_lambda_lint --unsafe-fixes %s eager-heavy-import %t
# Routes of an event resolver: an invocation runs the route it asks for, so a module that one
# route uses is not needed by every invocation. CHECK-NOTES checks the related locations. The
# resolver's package has no import figures, so it may load pandas itself: the finding is a note
# that says so, and the fix unsafe.
import boto3
import pandas as pd
# CHECK-NOTES: :[[@LINE-1]]:1: note: `pandas` ({{.*}}) is loaded during Init on every cold start, but used only in `export_orders`, which not every invocation runs; import it where it is used (unless `aws_lambda_powertools.event_handler`, which lambda-lint has no import figures for, loads it too) [eager-heavy-import]
# CHECK-NOTES: :[[@LINE+16]]:13: note: used in `export_orders`
from aws_lambda_powertools.event_handler import APIGatewayRestResolver

app = APIGatewayRestResolver()
table = boto3.resource("dynamodb").Table("orders")


@app.get("/orders")
def list_orders():
    # boto3 is used at module scope: it stays
    return {"orders": table.scan()["Items"]}


@app.get("/orders/export")
def export_orders():
    rows = table.scan()["Items"]
    frame = pd.DataFrame(rows)
    return {"csv": frame.to_csv()}


def lambda_handler(event, context):
    return app.resolve(event, context)


# CHECK-FIXES: def export_orders():
# CHECK-FIXES-NEXT: import pandas as pd
# CHECK-FIXES-NEXT: rows = table.scan()["Items"]
