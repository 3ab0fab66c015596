from lib.db import get_client


def get_client():
    # Defined after the import: this function, not lib.db's, is what the handler calls.
    return None


def handler(event, context):
    return get_client()
