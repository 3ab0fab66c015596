# RUN: %check_lambda_lint %s heavy-init %t
# RUN: %check_lambda_lint --check-suffix=BUDGET %s heavy-init %t -- --init-budget-ms 2000
# The estimate counts what imports share once (pandas and scipy.stats load numpy, which
# matplotlib.pyplot already loaded) and names the largest contributors, largest first.
import json

import boto3
import matplotlib.pyplot as plt
# CHECK-NOTES: :[[@LINE-1]]:1: warning: module-scope imports cost about {{[0-9]+}} ms of every cold start's Init, over the 400 ms budget (matplotlib.pyplot {{[0-9]+}} ms, scipy.stats {{[0-9]+}} ms, pandas {{[0-9]+}} ms); import what only some invocations need lazily [heavy-init]
# CHECK-NOTES: :[[@LINE+4]]:1: note: `scipy.stats` adds {{[0-9]+}} ms
# CHECK-NOTES: :[[@LINE+1]]:1: note: `pandas` adds {{[0-9]+}} ms
import pandas as pd
# CHECK-NOTES: :[[@LINE-6]]:1: note: `boto3` adds {{[0-9]+}} ms
import scipy.stats
# With a 2 s budget the same imports are within it: no CHECK-MESSAGES-BUDGET lines.

s3 = boto3.client("s3")


def lambda_handler(event, context):
    frame = pd.DataFrame(json.loads(event["body"]))
    plt.plot(frame["x"])
    return scipy.stats.describe(frame["x"])
