"""Writes the deployment packages of test/project/zip.test into the folder given."""
import os
import sys
import zipfile

root = sys.argv[1]

APP = """from lib.db import get_client
import helpers


def lambda_handler(event, context):
    table = get_client()
    helpers.audit(event)
    return table.get_item(Key={"id": event["id"]})
"""

DB = """import boto3


def get_client():
    return boto3.resource("dynamodb").Table("orders")
"""

# An installed dependency and the function's tests: in the package, but not its code.
DEPENDENCY = """import boto3


def lambda_handler(event, context):
    return boto3.client("s3").list_buckets()
"""

with zipfile.ZipFile(os.path.join(root, "orders.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("app.py", APP)
    z.writestr("lib/__init__.py", "")
    z.writestr("lib/db.py", DB)
    z.writestr("vendored_sdk/__init__.py", DEPENDENCY)
    z.writestr("vendored_sdk-1.0.0.dist-info/METADATA", "Name: vendored-sdk\n")
    z.writestr("vendored_sdk-1.0.0.dist-info/RECORD", "vendored_sdk/__init__.py,,\n")
    z.writestr("tests/test_app.py", DEPENDENCY)

# Beside the zip, not in it: `import helpers` in the zip's app.py does not reach it (a package
# imports from its own root).
with open(os.path.join(root, "helpers.py"), "w") as f:
    f.write('import boto3\n\n\ndef audit(event):\n    boto3.client("cloudtrail").put_audit(event)\n')
