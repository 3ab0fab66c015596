# RUN: %check_lambda_lint %s client-in-handler %t
# Two handlers make a client under the same name. Moving both to module scope in one round would
# bind `s3` twice and hand the first handler the second's client: the fixer applies one, and the
# editor then sees the module-level `s3` and reuses it only where it is the same client.
import boto3


def us_handler(event, context):
    s3 = boto3.client("s3", region_name="us-east-1")
    # CHECK-MESSAGES: :[[@LINE-1]]:10: warning: AWS SDK client `boto3.client(...)` {{.*}} [client-in-handler]
    return s3.list_buckets()


def eu_handler(event, context):
    s3 = boto3.client("s3", region_name="eu-west-1")
    # CHECK-MESSAGES: :[[@LINE-1]]:10: warning: AWS SDK client `boto3.client(...)` {{.*}} [client-in-handler]
    return s3.list_buckets()


def other_us_handler(event, context):
    s3 = boto3.client("s3", region_name="us-east-1")
    # CHECK-MESSAGES: :[[@LINE-1]]:10: warning: AWS SDK client `boto3.client(...)` {{.*}} [client-in-handler]
    return s3.list_objects_v2(Bucket="b")


# CHECK-FIXES: s3 = boto3.client("s3", region_name="us-east-1")
# CHECK-FIXES: def us_handler(event, context):
# CHECK-FIXES-NEXT: #
# CHECK-FIXES-NEXT: return s3.list_buckets()
# CHECK-FIXES: def eu_handler(event, context):
# CHECK-FIXES-NEXT: s3 = boto3.client("s3", region_name="eu-west-1")
# CHECK-FIXES: def other_us_handler(event, context):
# CHECK-FIXES-NEXT: #
# CHECK-FIXES-NEXT: return s3.list_objects_v2(Bucket="b")
