# RUN: %check_lambda_lint --unsafe-fixes %s client-in-handler %t
# Unsafe fixes: a client made in a branch or used inline becomes a lazy getter with a
# module-level cache, in the shape of the seed article's lazy loader.
import boto3


def handler(event, context):
    if event.get("archive"):
        glacier = boto3.client("glacier")
        # CHECK-MESSAGES: :[[@LINE-1]]:19: warning: AWS SDK client `boto3.client(...)` {{.*}} [client-in-handler]
        glacier.upload_archive(vaultName="v", body=b"")
    boto3.client("s3").put_object(Bucket="b", Key="k", Body=b"")
    # CHECK-MESSAGES: :[[@LINE-1]]:5: warning: AWS SDK client `boto3.client(...)` {{.*}} [client-in-handler]
    return {"statusCode": 200}


# CHECK-FIXES: _GLACIER = None
# CHECK-FIXES: def _get_glacier():
# CHECK-FIXES-NEXT: """Create once per execution environment; reused on warm invocations."""
# CHECK-FIXES-NEXT: global _GLACIER
# CHECK-FIXES-NEXT: if _GLACIER is None:
# CHECK-FIXES-NEXT: _GLACIER = boto3.client("glacier")
# CHECK-FIXES-NEXT: return _GLACIER
# CHECK-FIXES: _S3_CLIENT = None
# CHECK-FIXES: def _get_s3_client():
# CHECK-FIXES: def handler(event, context):
# CHECK-FIXES: glacier = _get_glacier()
# CHECK-FIXES: _get_s3_client().put_object(Bucket="b", Key="k", Body=b"")
