# RUN: %check_lambda_lint %s eager-heavy-import %t
# A module without a handler (a library the handler imports): which code runs on every
# invocation is unknown, so nothing is reported.
import matplotlib.pyplot as plt
import pandas as pd


def render_chart(rows):
    fig, ax = plt.subplots()
    ax.plot(pd.Series(rows))
    return fig
