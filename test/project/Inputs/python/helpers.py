import boto3


def notify(event):
    boto3.client("sns").publish(TopicArn="arn", Message="x")
