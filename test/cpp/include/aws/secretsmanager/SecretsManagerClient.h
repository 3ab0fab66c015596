#pragma once
// Test stub of the AWS SDK for C++ Secrets Manager client (declarations only).
#include <aws/core/client/AWSClient.h>

namespace Aws {
namespace SecretsManager {

class SecretsManagerError {};

namespace Model {
class GetSecretValueRequest {
public:
  GetSecretValueRequest& WithSecretId(const Aws::String& id);
  void SetSecretId(const Aws::String& id);
};
class GetSecretValueResult {
public:
  const Aws::String& GetSecretString() const;
};
} // namespace Model

using GetSecretValueOutcome = Aws::Utils::Outcome<Model::GetSecretValueResult,
                                                  Aws::Client::AWSError<SecretsManagerError>>;

class SecretsManagerClient : public Aws::Client::AWSJsonClient {
public:
  explicit SecretsManagerClient(const Aws::Client::ClientConfiguration& configuration =
                                    Aws::Client::ClientConfiguration());
  ~SecretsManagerClient() override;
  GetSecretValueOutcome GetSecretValue(const Model::GetSecretValueRequest& request) const;
};

} // namespace SecretsManager
} // namespace Aws
