# RUN: %check_lambda_lint %s connection-in-handler,client-in-handler %t
# Idiomatic per-request objects are not connections: a SQLAlchemy Session from a module-level
# sessionmaker (a unit of work over the engine's pool), Greengrass IPC clients (local IPC, not an
# AWS service). The engine and the factory made in the handler are reported.
import os

import awsiot.greengrasscoreipc
from awsiot.greengrasscoreipc.clientv2 import GreengrassCoreIPCClientV2
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine(os.environ["DB_URL"])
Session = sessionmaker(bind=engine)


def lambda_handler(event, context):
    session = Session()
    with Session() as s:
        s.execute("select 1")
    session.close()
    ipc = awsiot.greengrasscoreipc.connect()
    ipc2 = GreengrassCoreIPCClientV2()
    local_engine = create_engine(os.environ["OTHER_DB_URL"])
    # CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQLAlchemy engine `create_engine(...)` {{.*}} [connection-in-handler]
    LocalSession = sessionmaker(bind=local_engine)
    # CHECK-MESSAGES: :[[@LINE-1]]:20: warning: SQLAlchemy session factory `sessionmaker(...)` {{.*}} [connection-in-handler]
    return ipc, ipc2, LocalSession()
