#pragma once
// Test stub of the AWS SDK for C++ DynamoDB client (declarations only).
#include <aws/core/client/AWSClient.h>

namespace Aws {
namespace DynamoDB {

class DynamoDBError {};

namespace Model {
class GetItemRequest {
public:
  GetItemRequest& WithTableName(const Aws::String& table);
};
class GetItemResult {};
class PutItemRequest {
public:
  PutItemRequest& WithTableName(const Aws::String& table);
};
class PutItemResult {};
} // namespace Model

using GetItemOutcome =
    Aws::Utils::Outcome<Model::GetItemResult, Aws::Client::AWSError<DynamoDBError>>;
using PutItemOutcome =
    Aws::Utils::Outcome<Model::PutItemResult, Aws::Client::AWSError<DynamoDBError>>;

class DynamoDBClient : public Aws::Client::AWSJsonClient {
public:
  explicit DynamoDBClient(const Aws::Client::ClientConfiguration& configuration =
                              Aws::Client::ClientConfiguration());
  ~DynamoDBClient() override;
  GetItemOutcome GetItem(const Model::GetItemRequest& request) const;
  PutItemOutcome PutItem(const Model::PutItemRequest& request) const;
};

} // namespace DynamoDB
} // namespace Aws
