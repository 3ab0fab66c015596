from billing import charge


def lambda_handler(event, context):
    return charge(event["amount"])
