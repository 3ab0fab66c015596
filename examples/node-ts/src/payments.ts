// SQS consumer for card payments, with partial batch responses: charges each payment through
// the payment provider's API and remembers processed ids in Redis for idempotency.
import middy from "@middy/core";
import { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { SecretsManagerClient, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import axios from "axios";
import Redis from "ioredis";
import type { SQSEvent, SQSRecord, Context, SQSBatchResponse } from "aws-lambda";

const logger = new Logger({ serviceName: "payments" });
const processor = new BatchProcessor(EventType.SQS);
const secrets = new SecretsManagerClient({});

interface Payment {
  id: string;
  amount: number;
  currency: string;
  cardToken: string;
}

const lambdaHandler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
  // Every batch connects to Redis again and fetches the provider's API key again.
  const redis = new Redis(process.env.REDIS_URL as string);
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.PROVIDER_SECRET_ARN }));
  const provider = axios.create({
    baseURL: process.env.PROVIDER_URL,
    timeout: 5000,
    headers: { authorization: `Bearer ${secret.SecretString}` },
  });
  const charge = async (record: SQSRecord): Promise<void> => {
    const payment = JSON.parse(record.body) as Payment;
    if (await redis.exists(`payment:${payment.id}`)) return;
    await provider.post("/charges", payment);
    await redis.set(`payment:${payment.id}`, "1", "EX", 86400);
  };
  try {
    return await processPartialResponse(event, charge, processor, { context });
  } finally {
    redis.disconnect();
  }
};

export const handler = middy(lambdaHandler).use(injectLambdaContext(logger));
