// Stock levels read by the storefront: the TypeScript version of the clean patterns. A handler
// factory receives its dependencies, made once at module scope; the Redis connection is opened
// on first use and kept. lambda-lint reports nothing here.
import Redis from "ioredis";
import { S3Client, GetObjectCommand } from "@aws-sdk/client-s3";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from "aws-lambda";

interface Deps {
  s3: S3Client;
  redis: () => Redis;
}

let redis: Redis | undefined;

function getRedis(): Redis {
  redis ??= new Redis(process.env.REDIS_URL as string, { lazyConnect: false, maxRetriesPerRequest: 2 });
  return redis;
}

export function makeHandler(deps: Deps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    const sku = event.pathParameters?.sku ?? "";
    const cached = await deps.redis().get(`stock:${sku}`);
    if (cached !== null) return { statusCode: 200, body: cached };
    const object = await deps.s3.send(new GetObjectCommand({ Bucket: process.env.STOCK_BUCKET, Key: `${sku}.json` }));
    const body = (await object.Body?.transformToString()) ?? "{}";
    await deps.redis().set(`stock:${sku}`, body, "EX", 60);
    return { statusCode: 200, body };
  };
}

export const handler = makeHandler({ s3: new S3Client({}), redis: getRedis });
