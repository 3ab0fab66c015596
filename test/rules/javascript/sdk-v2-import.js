// RUN: %check_lambda_lint %s sdk-v2-import %t
// Importing the whole AWS SDK v2 is a warning that names the v3 packages for what the file
// makes from it; there is no fix.
const AWS = require("aws-sdk");
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: Importing the whole AWS SDK for JavaScript v2 (`aws-sdk`) bundles all of it (tens of MB unpacked) and loads it during Init, and v2 is out of support (Node.js 18+ runtimes ship only v3); import the modular v3 clients `@aws-sdk/client-s3`, `@aws-sdk/lib-dynamodb`, `@aws-sdk/client-dynamodb`, `@aws-sdk/client-secrets-manager`, `@aws-sdk/client-sqs` instead [sdk-v2-import]
const { SQS } = require("aws-sdk");
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: Importing the whole AWS SDK for JavaScript v2 (`aws-sdk`) {{.*}}`@aws-sdk/client-sqs`{{.*}} [sdk-v2-import]
const { S3Client } = require("@aws-sdk/client-s3");

const s3 = new AWS.S3();
const documents = new AWS.DynamoDB.DocumentClient();

exports.handler = async (event) => {
  const secrets = new AWS.SecretsManager();
  const queue = new SQS();
  return { s3, documents, secrets, queue, v3: new S3Client({}) };
};
