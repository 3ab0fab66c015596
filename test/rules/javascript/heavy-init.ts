// RUN: %check_lambda_lint %s heavy-init %t -- --init-budget-ms 100
// TypeScript: type-only imports are erased and cost nothing (no note for them); the rest is
// estimated as in JavaScript.
import type { Context } from "aws-lambda";
import { S3Client } from "@aws-sdk/client-s3";
import type { SSMClient } from "@aws-sdk/client-ssm";
import AWS from "aws-sdk";
import axios from "axios";

const s3 = new S3Client({});

export const handler = async (event: { url: string }, context: Context): Promise<unknown> => {
  const client: SSMClient | undefined = undefined;
  const page = await axios.get(event.url);
  return [s3, AWS, client, page, context];
};

// CHECK-NOTES: :[[@LINE-11]]:1: warning: module-scope imports cost about {{[0-9]+}} ms of every cold start's Init, over the 100 ms budget (aws-sdk {{[0-9]+}} ms, @aws-sdk/client-s3 {{[0-9]+}} ms, axios {{[0-9]+}} ms); import what only some invocations need lazily [heavy-init]
// CHECK-NOTES: :[[@LINE-14]]:1: note: `@aws-sdk/client-s3` adds {{[0-9]+}} ms
// CHECK-NOTES: :[[@LINE-12]]:1: note: `axios` adds {{[0-9]+}} ms
