# RUN: %check_lambda_lint --unsafe-fixes %s connection-in-handler %t
import os

import psycopg2
import pymysql

DB_HOST = os.environ["DB_HOST"]


def handler(event, context):
    conn = pymysql.connect(host=DB_HOST, user="app", connect_timeout=5)
    # CHECK-MESSAGES: :[[@LINE-1]]:12: warning: MySQL connection `pymysql.connect(...)` {{.*}} [connection-in-handler]
    other = psycopg2.connect(event["dsn"])
    # CHECK-MESSAGES: :[[@LINE-1]]:13: note: PostgreSQL connection `psycopg2.connect(...)` {{.*}} [connection-in-handler]
    with conn.cursor() as cur:
        cur.execute("select 1")
    other.close()
    return cur.fetchone()


# With --unsafe-fixes the connection moves to module scope; one made from the event has no fix.
# CHECK-FIXES: DB_HOST = os.environ["DB_HOST"]
# CHECK-FIXES-NEXT: conn = pymysql.connect(host=DB_HOST, user="app", connect_timeout=5)
# CHECK-FIXES: def handler(event, context):
# CHECK-FIXES: other = psycopg2.connect(event["dsn"])
