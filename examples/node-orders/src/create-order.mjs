// POST /orders: validates the order, prices it with the tax rate from Parameter Store, stores it
// and announces it on the orders event bus.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { SSMClient, GetParameterCommand } from "@aws-sdk/client-ssm";

// Module scope: created once per execution environment, reused by warm invocations.
const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const ssm = new SSMClient({});

export const handler = async (event) => {
  const body = JSON.parse(event.body ?? "{}");
  if (!Array.isArray(body.lines) || body.lines.length === 0) {
    return { statusCode: 400, body: JSON.stringify({ message: "an order needs lines" }) };
  }
  // The tax rate rarely changes, yet every request reads it from Parameter Store.
  const param = await ssm.send(new GetParameterCommand({ Name: process.env.TAX_RATE_PARAM }));
  const taxRate = Number(param.Parameter.Value);
  const subtotal = body.lines.reduce((sum, line) => sum + line.price * line.qty, 0);
  const order = {
    pk: body.orderId,
    customerId: body.customerId,
    lines: body.lines,
    total: Math.round(subtotal * (1 + taxRate) * 100) / 100,
    status: "NEW",
  };
  await documents.send(new PutCommand({ TableName: process.env.ORDERS_TABLE, Item: order }));
  await publishOrderCreated(order);
  return { statusCode: 201, body: JSON.stringify(order) };
};

async function publishOrderCreated(order) {
  const events = new EventBridgeClient({});
  await events.send(
    new PutEventsCommand({
      Entries: [
        {
          Source: "orders.api",
          DetailType: "OrderCreated",
          Detail: JSON.stringify(order),
          EventBusName: process.env.EVENT_BUS_NAME,
        },
      ],
    }),
  );
}
