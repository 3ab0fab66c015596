// lambda-config-fetch-in-handler through clang-tidy (the plugin). The SSM client made in the
// handler is lambda-client-in-handler's; --checks selects one rule.
// REQUIRES: lambda-tidy-plugin
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-config-fetch-in-handler' %s -- -std=c++17 -I%src_root/test/cpp/include 2>&1 | FileCheck %s --check-prefix=CHECK-MESSAGES --implicit-check-not='{{warning|error}}:'
// RUN: sed -e 's#// CHECK.*##' %s > %t.cpp
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lambda-*' --fix %t.cpp -- -std=c++17 -I%src_root/test/cpp/include > %t.log 2>&1
// RUN: %clangxx -fsyntax-only -std=c++17 -I%src_root/test/cpp/include %t.cpp
#include <aws/lambda-runtime/runtime.h>
#include <aws/secretsmanager/SecretsManagerClient.h>
#include <aws/ssm/SSMClient.h>

using namespace aws::lambda_runtime;

static Aws::SSM::SSMClient* ssm;
static Aws::SecretsManager::SecretsManagerClient* secrets;

static invocation_response handle(invocation_request const& req) {
  auto param = ssm->GetParameter(Aws::SSM::Model::GetParameterRequest());
// CHECK-MESSAGES: :[[@LINE-1]]:16: warning: {{.*}}GetParameter
  auto secret = secrets->GetSecretValue(Aws::SecretsManager::Model::GetSecretValueRequest());
// CHECK-MESSAGES: :[[@LINE-1]]:17: warning: {{.*}}GetSecretValue
  auto quiet = ssm->GetParameter(Aws::SSM::Model::GetParameterRequest()); // NOLINT(lambda-config-fetch-in-handler)
  (void)param; (void)secret; (void)quiet;
  return invocation_response::success(req.payload, "application/json");
}

int main() {
  run_handler(handle);
  return 0;
}
