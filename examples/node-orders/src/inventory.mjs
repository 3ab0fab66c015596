// Stock updates on OrderCreated: the same kinds of work as the other handlers, done the way
// Lambda wants. lambda-lint reports nothing here.
import pg from "pg";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { getSecret } from "@aws-lambda-powertools/parameters/secrets";

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
let pool;

// Lazy: the pool is made on first use and kept for the life of the execution environment.
async function getPool() {
  if (!pool) {
    // The Powertools parameters utility caches the secret (here for five minutes).
    const { host, username, password } = await getSecret(process.env.DB_SECRET_ARN, { transform: "json", maxAge: 300 });
    pool = new pg.Pool({ host, user: username, password, database: "inventory", max: 1 });
  }
  return pool;
}

let lowStockTopicPromise;

function loadLowStockThreshold() {
  lowStockTopicPromise ??= Promise.resolve(Number(process.env.LOW_STOCK_THRESHOLD ?? "5"));
  return lowStockTopicPromise;
}

export const handler = async (event) => {
  const threshold = await loadLowStockThreshold();
  const db = await getPool();
  for (const line of event.detail.lines) {
    const { rows } = await db.query("UPDATE stock SET qty = qty - $1 WHERE sku = $2 RETURNING qty", [line.qty, line.sku]);
    if (rows[0]?.qty < threshold) {
      await documents.send(
        new UpdateCommand({
          TableName: process.env.RESTOCK_TABLE,
          Key: { sku: line.sku },
          UpdateExpression: "SET requested = :now",
          ExpressionAttributeValues: { ":now": new Date().toISOString() },
        }),
      );
    }
  }
};
