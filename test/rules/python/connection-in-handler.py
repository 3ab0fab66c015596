# RUN: %check_lambda_lint %s connection-in-handler %t
import os

import httpx
import psycopg2
import pymysql
import redis
import requests
import sqlalchemy
import urllib3
from pymongo import MongoClient
from sqlalchemy.orm import sessionmaker

DB_URL = os.environ["DB_URL"]
engine = sqlalchemy.create_engine(DB_URL)
http = urllib3.PoolManager()


def handler(event, context):
    session = requests.Session()
    # CHECK-MESSAGES: :[[@LINE-1]]:15: warning: HTTP session `requests.Session(...)` is opened on every invocation in handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
    cache = redis.Redis(host=os.environ["REDIS_HOST"], port=6379)
    # CHECK-MESSAGES: :[[@LINE-1]]:13: warning: Redis client `redis.Redis(...)` {{.*}} [connection-in-handler]
    db = pymysql.connect(host=os.environ["DB_HOST"], user="app")
    # CHECK-MESSAGES: :[[@LINE-1]]:10: warning: MySQL connection `pymysql.connect(...)` {{.*}} [connection-in-handler]
    mongo = MongoClient(os.environ["MONGO_URI"])
    # CHECK-MESSAGES: :[[@LINE-1]]:13: warning: MongoDB client `MongoClient(...)` {{.*}} [connection-in-handler]
    Session = sessionmaker(bind=engine)
    # CHECK-MESSAGES: :[[@LINE-1]]:15: warning: SQLAlchemy session factory `sessionmaker(...)` {{.*}} [connection-in-handler]
    pg = psycopg2.connect(DB_URL)
    # CHECK-MESSAGES: :[[@LINE-1]]:10: warning: PostgreSQL connection `psycopg2.connect(...)` {{.*}} [connection-in-handler]
    try:
        pg.cursor().execute("select 1")
    finally:
        pg.close()
    with httpx.Client(timeout=5) as client:
        # CHECK-MESSAGES: :[[@LINE-1]]:10: warning: HTTP session `httpx.Client(...)` {{.*}} [connection-in-handler]
        client.get("https://example.com")
    http.request("GET", "https://example.com")
    return session, cache, db, mongo, Session


# Safe: an HTTP session, a Redis client and a session factory do no I/O when made.
# CHECK-FIXES: session = requests.Session()
# CHECK-FIXES: cache = redis.Redis(host=os.environ["REDIS_HOST"], port=6379)
# CHECK-FIXES: Session = sessionmaker(bind=engine)
# CHECK-FIXES: def handler(event, context):
# Connections that connect when made are unsafe to move (network I/O moves into Init): they
# stay with --fix alone.
# CHECK-FIXES: db = pymysql.connect(host=os.environ["DB_HOST"], user="app")
# CHECK-FIXES: mongo = MongoClient(os.environ["MONGO_URI"])
# The function closes this one: reusing it would hand the next invocation a closed connection.
# CHECK-FIXES: pg = psycopg2.connect(DB_URL)
# CHECK-FIXES: with httpx.Client(timeout=5) as client:
