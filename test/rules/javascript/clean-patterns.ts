// RUN: %check_lambda_lint %s client-in-handler %t
// RUN: %check_lambda_lint %s connection-in-handler %t-connection
// RUN: %check_lambda_lint %s config-fetch-in-handler %t-config
// RUN: %check_lambda_lint %s sdk-v2-import %t-v2
// TypeScript: types, type-only imports of v2, typed lazy caches and a handler factory whose
// dependencies are made at Init.
import type { S3 } from "aws-sdk";
import type { Handler } from "aws-lambda";
import { S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import Redis from "ioredis";

type Deps = { s3: S3Client; redis: () => Redis };
interface Settings { region: string }
declare const injected: Settings;

let redis: Redis | undefined;
const getRedis = (): Redis => (redis ??= new Redis(process.env.REDIS_URL as string));

function makeHandler({ s3, redis: connect }: Deps): Handler<{ key: string }, string> {
  return async (event) => {
    const config: S3ClientConfig = { region: injected.region };
    await connect().get(event.key);
    return JSON.stringify({ config, s3: s3 instanceof S3Client });
  };
}

export const handler = makeHandler({ s3: new S3Client({}), redis: getRedis });
export type LegacyClient = S3;
