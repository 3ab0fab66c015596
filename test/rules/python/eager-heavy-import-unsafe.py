# RUN: %check_lambda_lint --unsafe-fixes %s eager-heavy-import %t
# Unused imports are removed (unsafe: an import can have side effects); annotations that
# `from __future__ import annotations` leaves unevaluated make the move unsafe.
from __future__ import annotations

import os

import numpy as np
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `numpy` ({{.*}}) is loaded during Init on every cold start, but used only in `Exporter.to_frame`, which not every invocation runs; import it where it is used [eager-heavy-import]
import pandas as pd
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `pandas` ({{.*}}) is loaded during Init on every cold start, but used only in `export`, which not every invocation runs; import it where it is used [eager-heavy-import]
import sklearn  # noqa: F401
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `sklearn` ({{[0-9]+}} ms to import) is imported at module scope but never used; every cold start pays for it [eager-heavy-import]
import requests, os.path
# CHECK-MESSAGES: :[[@LINE-1]]:1: warning: `requests` ({{.*}}) is imported at module scope but never used{{.*}}


def export(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    return frame


class Exporter:
    def to_frame(self, values):
        return np.asarray(values)


def lambda_handler(event, context):
    np = None  # a local that shadows the import is not a use of it
    if event.get("export"):
        return export(event["rows"])
    if event.get("array"):
        return Exporter().to_frame(event["rows"])
    return {"np": np, "home": os.environ.get("HOME")}


# CHECK-FIXES: import os
# CHECK-FIXES-NOT: import numpy
# CHECK-FIXES-NOT: import sklearn
# The statement also imports os.path: it stays.
# CHECK-FIXES: import requests, os.path
# CHECK-FIXES: def export(rows) -> pd.DataFrame:
# CHECK-FIXES-NEXT: import pandas as pd
# CHECK-FIXES-NEXT: frame = pd.DataFrame(rows)
# CHECK-FIXES: def to_frame(self, values):
# CHECK-FIXES-NEXT: import numpy as np
