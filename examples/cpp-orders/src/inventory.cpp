// inventory: reports the stock of a SKU from DynamoDB (API Gateway, provided.al2023).
//
// The shape of aws-lambda-cpp's own examples: the SDK is initialised in main(), the table client
// is built there once per execution environment and captured by reference in the lambda given to
// run_handler. The Parameter Store value and the S3 client for snapshots are function-local
// statics, made on first use (C++11 guarantees a thread-safe, one-time initialisation).
// lambda-lint reports nothing here.
#include <aws/core/Aws.h>
#include <aws/core/client/AWSClient.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/GetItemRequest.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include <aws/s3/model/PutObjectRequest.h>
#include <aws/ssm/SSMClient.h>
#include <aws/ssm/model/GetParameterRequest.h>

#include <cstdlib>
#include <string>

using namespace aws::lambda_runtime;

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// Built on the first call, then reused by every invocation this execution environment serves.
Aws::S3::S3Client& snapshots() {
  static Aws::S3::S3Client client;
  return client;
}

const std::string& low_stock_threshold() {
  static Aws::SSM::SSMClient ssm;
  static const std::string threshold =
      ssm.GetParameter(Aws::SSM::Model::GetParameterRequest().WithName(env("THRESHOLD_PARAM")))
          .GetResult()
          .GetParameter()
          .GetValue();
  return threshold;
}

invocation_response check_stock(invocation_request const& request,
                                Aws::DynamoDB::DynamoDBClient const& stock) {
  auto item = stock.GetItem(Aws::DynamoDB::Model::GetItemRequest().WithTableName(env("STOCK_TABLE")));
  if (!item.IsSuccess())
    return invocation_response::failure(item.GetError().GetMessage(), "StockUnavailable");

  snapshots().PutObject(
      Aws::S3::Model::PutObjectRequest().WithBucket(env("SNAPSHOT_BUCKET")).WithKey(request.request_id));
  return invocation_response::success(R"({"threshold":)" + low_stock_threshold() + "}",
                                      "application/json");
}

} // namespace

int main() {
  Aws::SDKOptions options;
  Aws::InitAPI(options);
  {
    Aws::Client::ClientConfiguration config;
    config.region = env("AWS_REGION");
    Aws::DynamoDB::DynamoDBClient stock(config);
    run_handler([&stock](invocation_request const& request) { return check_stock(request, stock); });
  }
  Aws::ShutdownAPI(options);
  return 0;
}
