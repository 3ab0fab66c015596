import boto3
import acme.clients


def handle_order(request, runtime):
    s3 = boto3.client("s3")
    ssm = boto3.client("ssm")
    secret = ssm.get_parameter(Name="/orders/key")
    billing = acme.clients.make("billing")
    return s3, secret, billing
