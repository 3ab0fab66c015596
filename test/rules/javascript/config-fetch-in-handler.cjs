// RUN: %check_lambda_lint --unsafe-fixes %s config-fetch-in-handler %t
// CommonJS with v3 clients from require(): a secret fetched in a helper the handler calls, a
// fetch already cached by hand, and one keyed by the event (no fix).
const { SecretsManagerClient, GetSecretValueCommand } = require("@aws-sdk/client-secrets-manager");
const { getSecret } = require("@aws-lambda-powertools/parameters/secrets");

const client = new SecretsManagerClient({});
let credentialsPromise;

function credentials() {
  if (!credentialsPromise) {
    credentialsPromise = client.send(new GetSecretValueCommand({ SecretId: process.env.CREDENTIALS }));
  }
  return credentialsPromise;
}

async function apiKey() {
  const response = await client.send(new GetSecretValueCommand({ SecretId: process.env.API_KEY_SECRET }));
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: Secrets Manager fetch `new GetSecretValueCommand(...)` runs uncached on every invocation in `apiKey`, called from handler `handler`; fetch it once and cache it across invocations [config-fetch-in-handler]
  return response.SecretString;
}

module.exports.handler = async (event) => {
  const [key, creds] = await Promise.all([apiKey(), credentials()]);
  const tenant = await client.send(new GetSecretValueCommand({ SecretId: `tenant/${event.tenantId}` }));
  // CHECK-MESSAGES: :[[@LINE-1]]:36: note: Secrets Manager fetch `new GetSecretValueCommand(...)` {{.*}} [config-fetch-in-handler]
  const cached = await getSecret("shared", { maxAge: 60 });
  return { key, creds, tenant, cached };
};

// CHECK-FIXES: let _responsePromise;
// CHECK-FIXES-NEXT: function loadResponse() {
// CHECK-FIXES-NEXT: _responsePromise ??= client.send(new GetSecretValueCommand({ SecretId: process.env.API_KEY_SECRET })).catch((err) => {
// CHECK-FIXES: async function apiKey() {
// CHECK-FIXES-NEXT: const response = await loadResponse();
// CHECK-FIXES: const tenant = await client.send(new GetSecretValueCommand({ SecretId: `tenant/${event.tenantId}` }));
