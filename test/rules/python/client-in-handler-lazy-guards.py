# RUN: %check_lambda_lint --unsafe-fixes %s client-in-handler,connection-in-handler %t
# RUN: %check_lambda_lint --check-suffix=IMPORTS %s eager-heavy-import %t-imports
# CHECK-MESSAGES-IMPORTS-NOT: [eager-heavy-import]
# Lazy initialisation of any shape runs once per execution environment: a guarded call of an init
# function that fills the cache, a flag, a cold-start block, a reconnect guard. None of them is
# per-invocation work, and the imports they use are needed once per environment (not "used only
# by some invocations").
import boto3
import pymysql

s3 = None
table = None
_ready = False
is_cold_start = True
conn = pymysql.connect(host="db", connect_timeout=5)


def _init():
    global s3
    s3 = boto3.client("s3")


def _setup_table():
    global table
    table = boto3.resource("dynamodb").Table("orders")


def lambda_handler(event, context):
    global _ready, is_cold_start
    if s3 is None:
        _init()
    if not table:
        _setup_table()
    if not _ready:
        boto3.client("ssm")
        _ready = True
    if is_cold_start:
        boto3.client("sts").get_caller_identity()
        is_cold_start = False
    if not conn.open:
        conn.connect()
    return s3.list_buckets(), table.name


def _fill_other():
    global other
    other = boto3.client("sqs")
    # CHECK-MESSAGES: :[[@LINE-1]]:13: warning: AWS SDK client `boto3.client(...)` is created on every invocation in `_fill_other`, called from handler `not_a_guard`; {{.*}} [client-in-handler]


def not_a_guard(event, context):
    # An init function that fills another name than the one tested is no cache.
    if s3 is None:
        _fill_other()
    # The branch does not fill what it tests: every invocation with a "debug" event runs it.
    if event.get("debug"):
        boto3.client("xray")
        # CHECK-MESSAGES: :[[@LINE-1]]:9: warning: AWS SDK client `boto3.client(...)` is created on every invocation in handler `not_a_guard`; {{.*}} [client-in-handler]
    # An init function called outside its guard as well (a refresh) replaces the cached client
    # on purpose: not reported.
    if event.get("rotate"):
        _init()
    return s3, other


other = None
lambda_handler_2 = not_a_guard
