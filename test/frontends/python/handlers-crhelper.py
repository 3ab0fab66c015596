# RUN: %check_lambda_lint %s client-in-handler %t
# crhelper dispatches a custom resource's request to the function registered for its type:
# each registered function runs on the invocations of that type, whatever its parameters are
# called.
import boto3
from crhelper import CfnResource

helper = CfnResource()


@helper.create
@helper.update
def upsert(evt, _):
    return boto3.client("s3").put_bucket_tagging(Bucket="b", Tagging={})
    # CHECK-MESSAGES: :[[@LINE-1]]:12: warning: AWS SDK client `boto3.client(...)` is created on every invocation in handler `upsert`; {{.*}} [client-in-handler]


@helper.delete
def remove(request, ctx):
    return boto3.client("s3").delete_bucket_tagging(Bucket="b")
    # CHECK-MESSAGES: :[[@LINE-1]]:12: warning: AWS SDK client `boto3.client(...)` is created on every invocation in handler `remove`; {{.*}} [client-in-handler]


def handler(event, context):
    helper(event, context)
