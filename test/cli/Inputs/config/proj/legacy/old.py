import boto3


def lambda_handler(event, context):
    s3 = boto3.client("s3")
    return boto3.resource("dynamodb").Table("t").get_item(Key={"id": s3})
