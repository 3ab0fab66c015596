# RUN: %check_lambda_lint %s eager-heavy-import %t
# Heavy imports that only some invocations need: a helper called from a branch, a branch of the
# handler, an except clause. Each moves into the code that uses it.
import json
import os

import boto3
import matplotlib.pyplot as plt
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `matplotlib.pyplot` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `render_chart`, which not every invocation runs; import it where it is used [eager-heavy-import]
import pandas as pd
import requests
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `requests` ({{.*}}) is loaded during Init on every cold start, but used only in a branch of `lambda_handler`; import it where it is used [eager-heavy-import]
from scipy import stats as st
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `scipy.stats` ({{.*}}) {{.*}} used only in `summarize`, which not every invocation runs{{.*}}
from PIL import Image
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `PIL.Image` ({{.*}}) {{.*}} used only in `thumbnail`, {{.*}}

s3 = boto3.client("s3")


def render_chart(rows):
    """Plot the rows."""
    fig, ax = plt.subplots()
    ax.plot(rows)
    return fig


def summarize(rows):
    return st.describe(rows)


def thumbnail(path):
    with Image.open(path) as im:
        return im.size


def lambda_handler(event, context):
    frame = pd.DataFrame(json.loads(event["body"]))
    if event.get("format") == "chart":
        return render_chart(frame)
    elif event.get("stats"):
        return summarize(frame)
    if event.get("notify"):
        # tell the hook
        requests.post(os.environ["HOOK"], json={"rows": len(frame)})
    try:
        s3.put_object(Bucket="b", Key="k", Body=b"")
    except ValueError:
        thumbnail(event["path"])
    return {"rows": len(frame)}


# CHECK-FIXES: import boto3
# CHECK-FIXES-NOT: import matplotlib
# CHECK-FIXES: import pandas as pd
# CHECK-FIXES: s3 = boto3.client("s3")
# CHECK-FIXES: """Plot the rows."""
# CHECK-FIXES-NEXT: import matplotlib.pyplot as plt
# CHECK-FIXES-NEXT: fig, ax = plt.subplots()
# CHECK-FIXES: def summarize(rows):
# CHECK-FIXES-NEXT: from scipy import stats as st
# CHECK-FIXES-NEXT: return st.describe(rows)
# CHECK-FIXES: def thumbnail(path):
# CHECK-FIXES-NEXT: from PIL import Image
# CHECK-FIXES-NEXT: with Image.open(path) as im:
# CHECK-FIXES: if event.get("notify"):
# CHECK-FIXES-NEXT: # tell the hook
# CHECK-FIXES-NEXT: import requests
# CHECK-FIXES-NEXT: requests.post(
