// RUN: %check_lambda_lint --unsafe-fixes %s client-in-handler %t
// Several handlers in one file making the same client: the fixes declare each module-level name
// once (the second handler reuses what the first fix moved, the second lazy call reuses the
// getter) and do not clash with names the file already uses.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

const getDynamoDBClient = () => "taken";

export const create = async (event, context) => {
  const client = new DynamoDBClient({});
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: AWS SDK client `new DynamoDBClient(...)` is created on every invocation in handler `create`; {{.*}} [client-in-handler]
  return client.send(event.command);
};

export const list = async (event, context) => {
  const client = new DynamoDBClient({});
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: AWS SDK client `new DynamoDBClient(...)` is created on every invocation in handler `list`; {{.*}} [client-in-handler]
  return client.send(event.command);
};

export const remove = async (event, context) => {
  if (event.consistent) {
    return new DynamoDBClient({}).send(event.command);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: AWS SDK client `new DynamoDBClient(...)` {{.*}} [client-in-handler]
  }
  return new DynamoDBClient({}).send(event.command);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: AWS SDK client `new DynamoDBClient(...)` {{.*}} [client-in-handler]
};

// CHECK-FIXES: const getDynamoDBClient = () => "taken";
// CHECK-FIXES: const client = new DynamoDBClient({});
// CHECK-FIXES-EMPTY:
// CHECK-FIXES-NEXT: export const create = async (event, context) => {
// CHECK-FIXES: export const list = async (event, context) => {
// CHECK-FIXES-NOT: new DynamoDBClient
// CHECK-FIXES: let _dynamoDBClient2;
// CHECK-FIXES-NEXT: function getDynamoDBClient2() {
// CHECK-FIXES-NEXT: _dynamoDBClient2 ??= new DynamoDBClient({});
// CHECK-FIXES: export const remove = async (event, context) => {
// CHECK-FIXES-NEXT: if (event.consistent) {
// CHECK-FIXES-NEXT: return getDynamoDBClient2().send(event.command);
// CHECK-FIXES: return getDynamoDBClient2().send(event.command);
