// orders: records an order in DynamoDB and in the PostgreSQL ledger, and writes its receipt to S3
// (API Gateway, provided.al2023).
//
// Not how to write a Lambda function in C++: the SDK is initialised, the clients and the database
// connection are made and the tax rate is read from Parameter Store on every invocation. inventory.cpp does the same kind of
// work the right way; README.md lists what lambda-lint reports here.
#include <aws/core/Aws.h>
#include <aws/core/client/AWSClient.h>
#include <aws/dynamodb/DynamoDBClient.h>
#include <aws/dynamodb/model/PutItemRequest.h>
#include <aws/lambda-runtime/runtime.h>
#include <aws/s3/S3Client.h>
#include <aws/s3/model/PutObjectRequest.h>
#include <aws/ssm/SSMClient.h>
#include <aws/ssm/model/GetParameterRequest.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <string>

using namespace aws::lambda_runtime;

namespace {

Aws::SDKOptions sdk_options;

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

// Called from the handler, so the client it builds is built on every invocation.
std::shared_ptr<Aws::S3::S3Client> receipts_client() {
  Aws::Client::ClientConfiguration config;
  config.region = env("AWS_REGION");
  return std::make_shared<Aws::S3::S3Client>(config);
}

invocation_response create_order(invocation_request const& request) {
  // The SDK belongs in main(), initialised once per execution environment.
  Aws::InitAPI(sdk_options);

  Aws::SSM::SSMClient ssm;
  auto tax_rate = ssm.GetParameter(Aws::SSM::Model::GetParameterRequest().WithName(env("TAX_RATE_PARAM")));
  if (!tax_rate.IsSuccess())
    return invocation_response::failure(tax_rate.GetError().GetMessage(), "TaxRateUnavailable");

  Aws::DynamoDB::DynamoDBClient orders;
  auto put = orders.PutItem(Aws::DynamoDB::Model::PutItemRequest().WithTableName(env("ORDERS_TABLE")));
  if (!put.IsSuccess())
    return invocation_response::failure(put.GetError().GetMessage(), "OrderNotStored");

  PGconn* ledger = PQconnectdb(env("LEDGER_CONNINFO").c_str());
  if (PQstatus(ledger) == CONNECTION_OK)
    PQclear(PQexec(ledger, "INSERT INTO ledger (kind, amount) VALUES ('order', 0)"));
  PQfinish(ledger);

  auto receipts = receipts_client();
  receipts->PutObject(
      Aws::S3::Model::PutObjectRequest().WithBucket(env("RECEIPTS_BUCKET")).WithKey(request.request_id));

  const std::string& rate = tax_rate.GetResult().GetParameter().GetValue();
  return invocation_response::success(R"({"orderId":")" + request.request_id + R"(","taxRate":)" + rate + "}",
                                      "application/json");
}

} // namespace

int main() {
  run_handler(create_order);
  Aws::ShutdownAPI(sdk_options);
  return 0;
}
