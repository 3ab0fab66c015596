#pragma once
// Test stub of the AWS SDK for C++ SSM client (declarations only).
#include <aws/core/client/AWSClient.h>
#include <aws/ssm/model/GetParameterRequest.h>

namespace Aws {
namespace SSM {

class SSMError {};

namespace Model {
class Parameter {
public:
  const Aws::String& GetName() const;
  const Aws::String& GetValue() const;
};
class GetParameterResult {
public:
  const Parameter& GetParameter() const;
};
class GetParametersRequest {
public:
  GetParametersRequest& WithNames(const Aws::Vector<Aws::String>& names);
  GetParametersRequest& WithWithDecryption(bool decrypt);
};
class GetParametersResult {
public:
  const Aws::Vector<Parameter>& GetParameters() const;
};
} // namespace Model

using GetParameterOutcome =
    Aws::Utils::Outcome<Model::GetParameterResult, Aws::Client::AWSError<SSMError>>;
using GetParametersOutcome =
    Aws::Utils::Outcome<Model::GetParametersResult, Aws::Client::AWSError<SSMError>>;

class SSMClient : public Aws::Client::AWSJsonClient {
public:
  explicit SSMClient(const Aws::Client::ClientConfiguration& configuration =
                         Aws::Client::ClientConfiguration());
  ~SSMClient() override;
  GetParameterOutcome GetParameter(const Model::GetParameterRequest& request) const;
  GetParametersOutcome GetParameters(const Model::GetParametersRequest& request) const;
};

} // namespace SSM
} // namespace Aws
