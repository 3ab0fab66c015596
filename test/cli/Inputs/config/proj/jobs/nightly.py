import boto3


def run(job, runtime):
    return boto3.client("s3").list_buckets()
