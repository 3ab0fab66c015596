// RUN: %check_lambda_lint --unsafe-fixes %s config-fetch-in-handler %t
// A handler that writes the store it reads (a GET/PUT API over a parameter, a counter, a secret
// rotation) reads data, not configuration: caching it would serve stale values after the write.
const { SSMClient, GetParameterCommand, PutParameterCommand } = require("@aws-sdk/client-ssm");
const { SecretsManagerClient, GetSecretValueCommand } = require("@aws-sdk/client-secrets-manager");

const ssm = new SSMClient({});
const secrets = new SecretsManagerClient({});

exports.handler = async (event, context) => {
  const name = process.env.PARAMETER_NAME;
  if (event.method === "PUT") {
    return ssm.send(new PutParameterCommand({ Name: name, Value: event.body, Overwrite: true }));
  }
  const current = await ssm.send(new GetParameterCommand({ Name: name }));
  // The handler writes no secret: this fetch is configuration, fetched on every invocation.
  const apiKey = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.API_KEY }));
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: Secrets Manager fetch `new GetSecretValueCommand(...)` runs uncached on every invocation in handler `handler`; {{.*}} [config-fetch-in-handler]
  return { current, apiKey };
};
