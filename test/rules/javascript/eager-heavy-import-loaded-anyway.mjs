// RUN: %check_lambda_lint %s eager-heavy-import %t
// ES modules: moving an import saves nothing when Init loads the module anyway, so the rule is
// quiet for @aws-sdk/client-dynamodb (@aws-sdk/lib-dynamodb, used at module scope, loads it)
// and for axios, used only by a function that lazy initialisation calls. Two imports of
// jsonwebtoken are one decision: one finding, the other import related, no fix.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import axios from "axios";
import jwt from "jsonwebtoken";
// CHECK-NOTES: :[[@LINE-1]]:1: warning: `jsonwebtoken` ({{[0-9]+}} ms to import) is loaded during Init on every cold start, but used only in `verify`, which not every invocation runs; import it where it is used [eager-heavy-import]
// CHECK-NOTES: :[[@LINE+12]]:12: note: used in `verify`
// CHECK-NOTES: :[[@LINE+13]]:22: note: used in `verify`
// CHECK-NOTES: :[[@LINE+1]]:1: note: also imports `jsonwebtoken`; it moves with this import or not at all
import { TokenExpiredError } from "jsonwebtoken";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
let keys;

const loadKeys = async () => (await axios.get(process.env.JWKS_URL)).data;

function verify(token, key) {
  try {
    return jwt.verify(token, key);
  } catch (e) {
    if (e instanceof TokenExpiredError) return null;
    throw e;
  }
}

export const handler = async (event) => {
  keys ??= await loadKeys();
  if (event.token) verify(event.token, keys[0]);
  return documents.send(new GetCommand({ TableName: "t", Key: { id: event.id } }));
};
