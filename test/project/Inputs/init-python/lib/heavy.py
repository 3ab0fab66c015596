import pandas

def frame(rows):
    return pandas.DataFrame(rows)
