import boto3
from lib import heavy
import matplotlib.pyplot as plt

def chart(x):
    return plt.plot(x)

def lambda_handler(event, context):
    if event.get("chart"):
        return chart(event)
    return heavy.frame(event)
