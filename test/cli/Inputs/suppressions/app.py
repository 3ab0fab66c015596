import boto3


def lambda_handler(event, context):
    s3 = boto3.client("s3")  # lambda-lint: ignore[client-in-handler]
    count = len(event)  # lambda-lint: ignore[connection-in-handler]
    return s3, count
