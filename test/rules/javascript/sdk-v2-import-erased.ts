// RUN: %check_lambda_lint %s sdk-v2-import %t
// TypeScript erases a static import whose names are unused or used only as types: nothing of v2
// is loaded, so nothing is reported. The import used at run time is.
import { ConfigurationServicePlaceholders } from "aws-sdk/lib/config_service_placeholders";
import { DynamoDB } from "aws-sdk";
import S3 = require("aws-sdk/clients/s3");
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: `aws-sdk/clients/s3` is part of the AWS SDK for JavaScript v2, which is out of support and not included in Node.js 18+ runtimes; use `@aws-sdk/client-s3` (v3) instead [sdk-v2-import]

const s3 = new S3();

export const handler = async (event: { key: string }): Promise<DynamoDB.AttributeMap | undefined> => {
  const object = await s3.getObject({ Bucket: "b", Key: event.key }).promise();
  return object.Metadata as DynamoDB.AttributeMap | undefined;
};
