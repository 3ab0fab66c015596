// RUN: %check_lambda_lint %s client-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// RUN: %check_lambda_lint --unsafe-fixes --check-suffix=UNSAFE %s client-in-handler %t -- --extra-arg=-I%src_root/test/cpp/include
// REQUIRES: cpp-frontend
#include <aws/core/Aws.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>

#include <memory>

using namespace aws::lambda_runtime;

static Aws::Client::ClientConfiguration gConfig;
constexpr const char* kRegion = "eu-west-1";

#define NEW_S3_CLIENT(cfg) std::make_shared<Aws::S3::S3Client>(cfg)

static void upload(invocation_request const& req) {
  Aws::S3::S3Client helperS3(gConfig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client `Aws::S3::S3Client(...)` is created on every invocation in `upload`, called from handler `handler`; create it once (in `main()` before `run_handler`, or as a function-local `static`) and reuse it [client-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:3: warning: AWS SDK client {{.*}} in `upload`, called from handler `handler`{{.*}} [client-in-handler]
  // CHECK-FIXES: static Aws::S3::S3Client helperS3(gConfig);
  // CHECK-FIXES-UNSAFE: static Aws::S3::S3Client helperS3(gConfig);
}

static invocation_response handler(invocation_request const& req) {
  Aws::S3::S3Client s3(gConfig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client `Aws::S3::S3Client(...)` is created on every invocation in handler `handler`; create it once (in `main()` before `run_handler`, or as a function-local `static`) and reuse it [client-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:3: warning: AWS SDK client `Aws::S3::S3Client(...)` {{.*}} [client-in-handler]
  // CHECK-FIXES: static Aws::S3::S3Client s3(gConfig);
  // CHECK-FIXES-UNSAFE: static Aws::S3::S3Client s3(gConfig);
  auto shared = std::make_shared<Aws::DynamoDB::DynamoDBClient>();
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: AWS SDK client `std::make_shared<Aws::DynamoDB::DynamoDBClient>(...)` {{.*}} [client-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:17: warning: AWS SDK client {{.*}} [client-in-handler]
  // CHECK-FIXES: static auto shared = std::make_shared<Aws::DynamoDB::DynamoDBClient>();
  // CHECK-FIXES-UNSAFE: static auto shared = std::make_shared<Aws::DynamoDB::DynamoDBClient>();
  auto* raw = new Aws::S3::S3Client();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: AWS SDK client `Aws::S3::S3Client(...)` {{.*}} [client-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:15: warning: AWS SDK client {{.*}} [client-in-handler]
  // CHECK-FIXES: static auto* raw = new Aws::S3::S3Client();
  // CHECK-FIXES-UNSAFE: static auto* raw = new Aws::S3::S3Client();

  constexpr const char* region = "us-east-1";
  Aws::Client::ClientConfiguration constant;
  Aws::S3::S3Client fromLocalConstexpr(kRegion == region ? gConfig : gConfig);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client {{.*}} [client-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:3: warning: AWS SDK client {{.*}} [client-in-handler]
  // CHECK-FIXES: static Aws::S3::S3Client fromLocalConstexpr(kRegion == region ? gConfig : gConfig);

  Aws::Client::ClientConfiguration config;
  config.region = req.payload;
  Aws::S3::S3Client regional(config);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: AWS SDK client `Aws::S3::S3Client(...)` {{.*}} [client-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:3: warning: AWS SDK client {{.*}} [client-in-handler]
  // CHECK-FIXES: {{^}}  Aws::S3::S3Client regional(config);
  // CHECK-FIXES-UNSAFE: static Aws::S3::S3Client regional(config);

  auto fromMacro = NEW_S3_CLIENT(gConfig);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: AWS SDK client {{.*}} [client-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:20: warning: AWS SDK client {{.*}} [client-in-handler]
  // CHECK-FIXES: {{^}}  auto fromMacro = NEW_S3_CLIENT(gConfig);
  // CHECK-FIXES-UNSAFE: {{^}}  auto fromMacro = NEW_S3_CLIENT(gConfig);

  auto* deleted = new Aws::S3::S3Client();
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: AWS SDK client {{.*}} [client-in-handler]
  // CHECK-MESSAGES-UNSAFE: :[[@LINE-2]]:19: warning: AWS SDK client {{.*}} [client-in-handler]
  // CHECK-FIXES: {{^}}  auto* deleted = new Aws::S3::S3Client();
  delete deleted;

  static Aws::S3::S3Client cached(gConfig);
  upload(req);
  (void)constant;
  return invocation_response::success("", "application/json");
}

int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  {
    Aws::S3::S3Client captured(gConfig);
    run_handler(handler);
    run_handler([&captured](invocation_request const& req) { return invocation_response::success("", ""); });
  }
  Aws::ShutdownAPI(options);
  return 0;
}
