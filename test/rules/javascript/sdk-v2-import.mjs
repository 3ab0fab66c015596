// RUN: %check_lambda_lint %s sdk-v2-import %t
// ES module forms of a whole-SDK import, a per-service import (a note) and a file that only
// configures the SDK (no service to name).
import * as AWSNamespace from "aws-sdk";
// CHECK-NOTES: :[[@LINE-1]]:1: warning: Importing the whole AWS SDK for JavaScript v2 (`aws-sdk`) bundles all of it (tens of MB unpacked) and loads it during Init, and v2 is out of support (Node.js 18+ runtimes ship only v3); import the modular v3 client of each service the code uses instead (`@aws-sdk/client-<service>`) [sdk-v2-import]
import DynamoDB from "aws-sdk/clients/dynamodb";
// CHECK-NOTES: :[[@LINE-1]]:1: note: `aws-sdk/clients/dynamodb` is part of the AWS SDK for JavaScript v2, which is out of support and not included in Node.js 18+ runtimes; use `@aws-sdk/lib-dynamodb`, `@aws-sdk/client-dynamodb` (v3) instead [sdk-v2-import]
// CHECK-NOTES: :[[@LINE+6]]:15: note: `new DynamoDB.DocumentClient(...)` is `@aws-sdk/lib-dynamodb`, `@aws-sdk/client-dynamodb` in v3
import S3 from "aws-sdk/clients/s3";
// CHECK-NOTES: :[[@LINE-1]]:1: note: `aws-sdk/clients/s3` is part of the AWS SDK for JavaScript v2, {{.*}}; use `@aws-sdk/client-s3` (v3) instead [sdk-v2-import]
// CHECK-NOTES: :[[@LINE+4]]:16: note: `new S3(...)` is `@aws-sdk/client-s3` in v3

AWSNamespace.config.update({ region: process.env.AWS_REGION });
const table = new DynamoDB.DocumentClient();
const bucket = new S3();

export const handler = async () => ({ table, bucket });
