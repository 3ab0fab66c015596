// RUN: %check_lambda_lint --unsafe-fixes %s config-fetch-in-handler %t
// AWS SDK v2: `ssm.getParameter(...)` is the fetch, with or without `.promise()`. The loader
// caches the promise; a callback-style call and a client made in the handler get no fix.
const AWS = require("aws-sdk");
const SecretsManager = require("aws-sdk/clients/secretsmanager");

const ssm = new AWS.SSM();
const secrets = new SecretsManager({ region: process.env.AWS_REGION });

function readFlag(name) {
  return ssm.getParameter({ Name: name }).promise();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: note: SSM Parameter Store fetch `ssm.getParameter(...)` runs uncached on every invocation in `readFlag`, called from handler `handler`; {{.*}} [config-fetch-in-handler]
}

exports.handler = async (event, context) => {
  const secret = await secrets.getSecretValue({ SecretId: process.env.DB_SECRET_ARN }).promise();
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: Secrets Manager fetch `secrets.getSecretValue(...)` runs uncached on every invocation in handler `handler`; fetch it once and cache it across invocations [config-fetch-in-handler]
  ssm.getParameter({ Name: "/callback" }, (err, data) => context.succeed(data));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: SSM Parameter Store fetch `ssm.getParameter(...)` {{.*}} [config-fetch-in-handler]
  const local = new AWS.SSM();
  const fromLocal = await local.getParameters({ Names: ["/a", "/b"] }).promise();
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: SSM Parameter Store fetch `local.getParameters(...)` {{.*}} [config-fetch-in-handler]
  await readFlag(event.flag);
  return { secret, fromLocal };
};

// CHECK-FIXES: let _secretPromise;
// CHECK-FIXES-NEXT: function loadSecret() {
// CHECK-FIXES-NEXT: _secretPromise ??= secrets.getSecretValue({ SecretId: process.env.DB_SECRET_ARN }).promise().catch((err) => {
// CHECK-FIXES: exports.handler = async (event, context) => {
// CHECK-FIXES-NEXT: const secret = await loadSecret();
// CHECK-FIXES: ssm.getParameter({ Name: "/callback" }, (err, data) => context.succeed(data));
// CHECK-FIXES: const fromLocal = await local.getParameters({ Names: ["/a", "/b"] }).promise();
