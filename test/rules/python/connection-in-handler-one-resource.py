# RUN: %check_lambda_lint %s connection-in-handler %t
# A connection made and then connected on the same object is one finding, at the construction.
import os

import pymongo
import redis


def lambda_handler(event, context):
    r = redis.Redis(host=os.environ["REDIS_HOST"])
    # CHECK-MESSAGES: :[[@LINE-1]]:9: warning: Redis client `redis.Redis(...)` is opened on every invocation in handler `lambda_handler`; {{.*}} [connection-in-handler]
    r.ping()
    return r.get("k"), pymongo.MongoClient(os.environ["MONGODB_URI"]).db.orders.find_one()
    # CHECK-MESSAGES: :[[@LINE-1]]:24: warning: MongoDB client `pymongo.MongoClient(...)` {{.*}} [connection-in-handler]
