// RUN: %check_lambda_lint --unsafe-fixes %s config-fetch-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
#include <aws/lambda-runtime/runtime.h>
#include <aws/secretsmanager/SecretsManagerClient.h>
#include <aws/ssm/SSMClient.h>

using namespace aws::lambda_runtime;

static Aws::SSM::SSMClient gSsm;
static Aws::SecretsManager::SecretsManagerClient gSecrets;
static const Aws::SSM::Model::GetParameterRequest kTaxRate;

static Aws::String secretFor(invocation_request const& req) {
  Aws::SecretsManager::Model::GetSecretValueRequest request;
  request.SetSecretId(req.payload);
  auto secret = gSecrets.GetSecretValue(request);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: Secrets Manager fetch `gSecrets.GetSecretValue(...)` runs uncached on every invocation in `secretFor`, called from handler `handler`; fetch it once and cache it across invocations [config-fetch-in-handler]
  // CHECK-FIXES: {{^}}  auto secret = gSecrets.GetSecretValue(request);
  return secret.GetResult().GetSecretString();
}

static invocation_response handler(invocation_request const& req) {
  const auto rate = gSsm.GetParameter(kTaxRate);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SSM Parameter Store fetch `gSsm.GetParameter(...)` runs uncached on every invocation in handler `handler`; {{.*}} [config-fetch-in-handler]
  // CHECK-FIXES: static const auto rate = gSsm.GetParameter(kTaxRate);
  Aws::SSM::Model::GetParameterRequest request;
  request.SetName(req.payload);
  auto perRequest = gSsm.GetParameter(request);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: SSM Parameter Store fetch {{.*}} [config-fetch-in-handler]
  // CHECK-FIXES: {{^}}  auto perRequest = gSsm.GetParameter(request);
  return invocation_response::success(secretFor(req), "");
}

int main() {
  run_handler(handler);
  return 0;
}
