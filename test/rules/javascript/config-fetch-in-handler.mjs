// RUN: %check_lambda_lint --unsafe-fixes %s config-fetch-in-handler %t
// AWS SDK v3: the fetch is a command sent by a client. The lazy loader caches the promise of the
// response (and forgets a failed one); the Powertools parameters utility caches by itself.
import { SSMClient, GetParameterCommand, GetParametersByPathCommand } from "@aws-sdk/client-ssm";
import { SecretsManagerClient, GetSecretValueCommand, SecretsManager } from "@aws-sdk/client-secrets-manager";
import {
  AppConfigDataClient,
  StartConfigurationSessionCommand,
  GetLatestConfigurationCommand,
} from "@aws-sdk/client-appconfigdata";
import { getParameter } from "@aws-lambda-powertools/parameters/ssm";

const ssm = new SSMClient({});
const secrets = new SecretsManagerClient({});
const aggregated = new SecretsManager({});
const appconfig = new AppConfigDataClient({});
let cachedSecret;

async function secretOnce() {
  cachedSecret ??= secrets.send(new GetSecretValueCommand({ SecretId: process.env.SECRET_ID }));
  return cachedSecret;
}

export const handler = async (event) => {
  const param = await ssm.send(new GetParameterCommand({ Name: process.env.TAX_RATE_PARAM, WithDecryption: true }));
  // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: SSM Parameter Store fetch `new GetParameterCommand(...)` runs uncached on every invocation in handler `handler`; fetch it once and cache it across invocations [config-fetch-in-handler]
  const tree = await ssm.send(new GetParametersByPathCommand({ Path: `/orders/${event.tenant}` }));
  // CHECK-MESSAGES: :[[@LINE-1]]:31: note: SSM Parameter Store fetch `new GetParametersByPathCommand(...)` {{.*}} [config-fetch-in-handler]
  const apiKey = await aggregated.getSecretValue({ SecretId: "api-key" });
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: Secrets Manager fetch `aggregated.getSecretValue(...)` {{.*}} [config-fetch-in-handler]
  const session = await appconfig.send(new StartConfigurationSessionCommand({ ApplicationIdentifier: "a", EnvironmentIdentifier: "e", ConfigurationProfileIdentifier: "p" }));
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: AppConfig session start `new StartConfigurationSessionCommand(...)` {{.*}} [config-fetch-in-handler]
  const latest = await appconfig.send(new GetLatestConfigurationCommand({ ConfigurationToken: session.InitialConfigurationToken }));
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: AppConfig fetch `new GetLatestConfigurationCommand(...)` {{.*}} [config-fetch-in-handler]
  const cached = await getParameter("/orders/flags", { maxAge: 300 });
  const secret = await secretOnce();
  return { param, tree, apiKey, latest, cached, secret };
};

// CHECK-FIXES: let _paramPromise;
// CHECK-FIXES-NEXT: function loadParam() {
// CHECK-FIXES-NEXT: _paramPromise ??= ssm.send(new GetParameterCommand({ Name: process.env.TAX_RATE_PARAM, WithDecryption: true })).catch((err) => {
// CHECK-FIXES-NEXT: _paramPromise = undefined;
// CHECK-FIXES-NEXT: throw err;
// CHECK-FIXES-NEXT: });
// CHECK-FIXES-NEXT: return _paramPromise;
// CHECK-FIXES-NEXT: }
// CHECK-FIXES: let _apiKeyPromise;
// CHECK-FIXES: _apiKeyPromise ??= aggregated.getSecretValue({ SecretId: "api-key" }).catch((err) => {
// CHECK-FIXES: export const handler = async (event) => {
// CHECK-FIXES-NEXT: const param = await loadParam();
// CHECK-FIXES: const tree = await ssm.send(new GetParametersByPathCommand({ Path: `/orders/${event.tenant}` }));
// CHECK-FIXES: const apiKey = await loadApiKey();
// CHECK-FIXES: const session = await appconfig.send(new StartConfigurationSessionCommand(
// CHECK-FIXES: const latest = await appconfig.send(new GetLatestConfigurationCommand(
