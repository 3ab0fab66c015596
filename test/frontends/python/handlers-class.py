# RUN: %check_lambda_lint --no-fix %s client-in-handler %t
# A class-based handler: the bound method runs per invocation, __init__ once at module scope.
import boto3


class Processor:
    def __init__(self):
        self.sqs = boto3.client("sqs")

    def handle(self, event, context):
        self.sqs.send_message(QueueUrl="q", MessageBody="m")
        return self._resolve(event)

    def _resolve(self, event):
        return boto3.client("kms")
        # CHECK-NOTES: :[[@LINE-1]]:16: warning: AWS SDK client `boto3.client(...)` is created on every invocation in `Processor._resolve`, called from handler `Processor.handle`; {{.*}}
        # CHECK-NOTES: :[[@LINE-7]]:9: note: handler `Processor.handle` (bound as `lambda_handler = Processor().handle`) runs on every invocation
        # CHECK-NOTES: :[[@LINE-6]]:16: note: calls `Processor._resolve`


class PerRequest:
    def __init__(self):
        self.s3 = boto3.client("s3")
        # CHECK-NOTES: :[[@LINE-1]]:19: warning: {{.*}} in `PerRequest.__init__`, called from handler `other_handler`; {{.*}}
        # CHECK-NOTES: :[[@LINE+4]]:5: note: handler `other_handler` (takes `(event, context)`) runs on every invocation
        # CHECK-NOTES: :[[@LINE+4]]:12: note: calls `PerRequest.__init__`


def other_handler(event, context):
    return PerRequest().s3


lambda_handler = Processor().handle
