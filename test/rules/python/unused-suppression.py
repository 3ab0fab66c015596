# RUN: %check_lambda_lint %s client-in-handler,connection-in-handler,unused-suppression %t
# The eight findings of the two rules less the five suppressed, and eight unused-suppression
# findings (seven with a fix):
# RUN: sed -e 's/# CHECK-.*//' %s > %t.summary.py
# RUN: %expect_exit 1 %lambda-lint --no-source --select client-in-handler,connection-in-handler,unused-suppression %t.summary.py | FileCheck %s --check-prefix=SUMMARY
# SUMMARY: Found 11 findings in 1 file (7 fixable with --fix).
# Without unused-suppression the suppressions still apply, and only the malformed one is said:
# RUN: %expect_exit 1 %lambda-lint --no-source --select client-in-handler,connection-in-handler %t.summary.py | FileCheck %s --check-prefix=NOUNUSED
# NOUNUSED: :{{[0-9]+}}:14: warning: malformed suppression
# NOUNUSED: Found 3 findings in 1 file.
# RUN: %expect_exit 1 %lambda-lint --no-source %t.summary.py | FileCheck %s --check-prefix=ALL
# (Expectations spell no directive: a comment that holds one is a directive.)
import boto3
import pymysql
import requests

s3 = boto3.client("s3")  # lambda-lint: ignore[client-in-handler]
# CHECK-MESSAGES: :[[@LINE-1]]:28: warning: unused suppression: `client-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]


def lambda_handler(event, context):
    # On the line:
    a = boto3.client("s3")  # lambda-lint: ignore[client-in-handler]
    # On the line above, a reason on a comment line between:
    # lambda-lint: ignore[client-in-handler]
    # created per request: each tenant has its own credentials
    b = boto3.client("s3", aws_access_key_id=event["key"])
    # Several rules, and every rule:
    c = requests.Session()  # lambda-lint: ignore[connection-in-handler, client-in-handler]
    # CHECK-MESSAGES: :[[@LINE-1]]:31: warning: unused suppression: `client-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]
    d = boto3.client("sqs")  # lambda-lint: ignore
    # Not suppressed (these use the event: notes, which no fix moves):
    e = boto3.client("sns", region_name=event["region"])
    # CHECK-MESSAGES: :[[@LINE-1]]:9: note: AWS SDK client `boto3.client(...)` is created on every invocation {{.*}} [client-in-handler]
    # The rule named does not report this line:
    f = pymysql.connect(host=event["host"])  # lambda-lint: ignore[client-in-handler]
    # CHECK-MESSAGES: :[[@LINE-1]]:9: note: MySQL connection `pymysql.connect(...)` {{.*}} [connection-in-handler]
    # CHECK-MESSAGES: :[[@LINE-2]]:48: warning: unused suppression: `client-in-handler` suppresses nothing on line [[@LINE-2]] [unused-suppression]
    # lambda-lint: ignore[connection-in-handler]

    count = len(event["Records"])
    # CHECK-MESSAGES: :[[@LINE-3]]:7: warning: unused suppression: `connection-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]
    g = boto3.client("s3", region_name=event["region"])  # lambda-lint: ignore[clinet-in-handler]
    # CHECK-MESSAGES: :[[@LINE-1]]:9: note: AWS SDK client {{.*}} [client-in-handler]
    # CHECK-MESSAGES: :[[@LINE-2]]:60: warning: unused suppression: `clinet-in-handler` is not a lambda-lint rule (did you mean `client-in-handler`?) [unused-suppression]
    h = boto3.client("s3")  # lambda-lint: ignore[client-in-handler, client-in-handler]
    # CHECK-MESSAGES: :[[@LINE-1]]:31: warning: unused suppression: `client-in-handler` is listed twice [unused-suppression]
    i = 1  # noqa: E501  lambda-lint: ignore[client-in-handler]
    # CHECK-MESSAGES: :[[@LINE-1]]:26: warning: unused suppression: `client-in-handler` suppresses nothing on line [[@LINE-1]] [unused-suppression]
    # A bare one is judged only when every rule ran (ALL below):
    j = 2  # lambda-lint: ignore  -- left over
    # ALL: :[[@LINE-1]]:14: warning: unused suppression: it suppresses nothing on line [[@LINE-1]] [unused-suppression]
    # Kept on purpose, and what it covers:
    k = 3  # lambda-lint: ignore[client-in-handler, unused-suppression]
    # lambda-lint: ignore[unused-suppression]
    m = 4  # lambda-lint: ignore[client-in-handler]
    return a, b, c, d, e, f, count, g, h, i, j, k, m


def not_a_handler():
    z = 1  # lambda-lint: ignore[client-in-handler
    # CHECK-MESSAGES: :[[@LINE-1]]:14: warning: malformed suppression {{.*}}: has no closing {{.*}}; it suppresses nothing [unused-suppression]
    return z


# CHECK-FIXES: {{^}}s3 = boto3.client("s3"){{$}}
# CHECK-FIXES: {{^}}    a = boto3.client("s3")  # lambda-lint: ignore[client-in-handler]{{$}}
# CHECK-FIXES: {{^}}    c = requests.Session()  # lambda-lint: ignore[connection-in-handler]{{$}}
# The own-line suppression is gone with its line (the `#` lines are the blanked expectations):
# CHECK-FIXES: {{^}}    f = pymysql.connect(host=event["host"]){{$}}
# CHECK-FIXES-NEXT: {{^}}    #{{$}}
# CHECK-FIXES-NEXT: {{^}}    #{{$}}
# CHECK-FIXES-EMPTY:
# CHECK-FIXES-NEXT: {{^}}    count = len(event["Records"]){{$}}
# CHECK-FIXES: {{^}}    g = boto3.client("s3", region_name=event["region"]){{$}}
# CHECK-FIXES: {{^}}    h = boto3.client("s3")  # lambda-lint: ignore[client-in-handler]{{$}}
# CHECK-FIXES: {{^}}    i = 1  # noqa: E501{{$}}
# CHECK-FIXES: {{^}}    j = 2  # lambda-lint: ignore  -- left over{{$}}
# CHECK-FIXES: {{^}}    k = 3  # lambda-lint: ignore[client-in-handler, unused-suppression]{{$}}
# CHECK-FIXES: {{^}}    m = 4  # lambda-lint: ignore[client-in-handler]{{$}}
