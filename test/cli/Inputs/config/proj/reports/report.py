import pandas


def lambda_handler(event, context):
    return pandas.DataFrame(event["rows"]).to_json()
