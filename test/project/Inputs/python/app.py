from lib import db
from lib.repo import Repo
from .helpers import notify


def lambda_handler(event, context):
    client = db.get_client()
    r = Repo()
    r.save(event)
    notify(event)
    return client
