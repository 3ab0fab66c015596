// RUN: %check_lambda_lint %s heavy-init %t -- --init-budget-ms 100
// RUN: %check_lambda_lint --check-suffix=DEFAULT %s heavy-init %t
// CommonJS requires at module scope: the estimate counts what the clients share once
// (@aws-sdk/core), sits on the largest import and names each contributor in a note, largest
// first. Within the default 400 ms budget there is no finding (no CHECK-NOTES-DEFAULT lines).
const { S3Client } = require("@aws-sdk/client-s3");
const { SSMClient } = require("@aws-sdk/client-ssm");
const AWS = require("aws-sdk");
const axios = require("axios");

const s3 = new S3Client({});

exports.handler = async (event) => {
  const page = await axios.get(event.url);
  return [s3, SSMClient, AWS, page];
};

// CHECK-NOTES: :[[@LINE-10]]:1: warning: module-scope imports cost about {{[0-9]+}} ms of every cold start's Init, over the 100 ms budget (aws-sdk {{[0-9]+}} ms, @aws-sdk/client-ssm {{[0-9]+}} ms, axios {{[0-9]+}} ms); import what only some invocations need lazily [heavy-init]
// CHECK-NOTES: :[[@LINE-12]]:1: note: `@aws-sdk/client-ssm` adds {{[0-9]+}} ms
// CHECK-NOTES: :[[@LINE-11]]:1: note: `axios` adds {{[0-9]+}} ms
// CHECK-NOTES: :[[@LINE-15]]:1: note: `@aws-sdk/client-s3` adds {{[0-9]+}} ms
