#!/usr/bin/env python3
"""Generates a corpus of Python Lambda handlers for benchmarks: gen_python_corpus.py DIR FILES.

Each file is ~150 lines: module-scope clients, helpers, a handler that reaches them, some
per-invocation constructions and lazy-init patterns, so every part of the pipeline is exercised."""
import os
import sys

TEMPLATE = '''import json
import os

import boto3
import requests
from functools import lru_cache

TABLE = os.environ.get("TABLE", "t{n}")
ssm = boto3.client("ssm")
_CACHE = None
_clients = {{}}


def get_config():
    global _CACHE
    if _CACHE is None:
        _CACHE = ssm.get_parameter(Name="/p/{n}")
    return _CACHE


@lru_cache(maxsize=None)
def cached(name):
    return boto3.client(name)


def client_for(name):
    if name not in _clients:
        _clients[name] = boto3.client(name)
    return _clients[name]

{helpers}

def lambda_handler(event, context):
    s3 = boto3.client("s3")
    session = requests.Session()
    value = ssm.get_parameter(Name="/k/{n}")
    total = 0
{calls}
    return {{"statusCode": 200, "body": json.dumps([total, value is None, s3 is None, session is None])}}
'''

HELPER = '''
def helper_{i}(event, count):
    items = [x for x in range(count) if x % {m} == 0]
    if event.get("flag_{i}"):
        table = boto3.resource("dynamodb").Table(TABLE)
        table.put_item(Item={{"id": str(len(items))}})
    return len(items) + {i}
'''


def main():
    out, files = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    for n in range(files):
        helpers = "".join(HELPER.format(i=i, m=i + 2) for i in range(12))
        calls = "".join(f"    total += helper_{i}(event, {i + 5})\n" for i in range(12))
        with open(os.path.join(out, f"handler_{n:05d}.py"), "w", encoding="utf-8") as f:
            f.write(TEMPLATE.format(n=n, helpers=helpers, calls=calls))


if __name__ == "__main__":
    main()
