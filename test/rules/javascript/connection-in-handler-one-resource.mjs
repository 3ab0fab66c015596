// RUN: %check_lambda_lint --unsafe-fixes %s connection-in-handler %t
// `new MongoClient(uri)` and `client.connect()` on it are one connection: one finding, at the
// construction, with the connect call as a related location. Once the fix has moved the client
// to module scope, its connect call is what runs per invocation, and the next round caches it.
import { MongoClient } from "mongodb";

export const handler = async (event, context) => {
  const client = new MongoClient(process.env.MONGODB_URI);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: MongoDB client `new MongoClient(...)` is opened on every invocation in handler `handler`; open it once per execution environment and reuse it [connection-in-handler]
  // CHECK-MESSAGES: :[[@LINE+4]]:9: note: `client.connect(...)` on the same object is part of this finding
  // CHECK-FIXES: {{^}}const client = new MongoClient(process.env.MONGODB_URI);
  // CHECK-FIXES: {{^}}  _connection ??= client.connect().catch((err) => {
  // CHECK-FIXES: {{^}}  await getConnection();
  await client.connect();
  return client.db("shop").collection("orders").findOne({ id: event.id });
};
