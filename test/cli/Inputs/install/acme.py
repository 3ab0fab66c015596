import acme


def handler(event, context):
    conn = acme.connect("db.internal")
    return conn.query(event["id"])
