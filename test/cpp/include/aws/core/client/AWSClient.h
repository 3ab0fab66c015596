#pragma once
// Test stub of the AWS SDK for C++ client base classes (declarations only).
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace Client {

struct ClientConfiguration {
  ClientConfiguration();
  Aws::String region;
  Aws::String endpointOverride;
  long connectTimeoutMs = 1000;
  long requestTimeoutMs = 3000;
};

template <typename ErrorType> class AWSError {
public:
  const Aws::String& GetMessage() const;
  ErrorType GetErrorType() const;
};

class AWSClient {
public:
  explicit AWSClient(const ClientConfiguration& configuration);
  virtual ~AWSClient();
  AWSClient(const AWSClient&) = delete;
  AWSClient& operator=(const AWSClient&) = delete;
};

class AWSJsonClient : public AWSClient {
public:
  using AWSClient::AWSClient;
};

class AWSXMLClient : public AWSClient {
public:
  using AWSClient::AWSClient;
};

} // namespace Client

namespace Utils {
/// The SDK's Outcome<Result, Error>: a result or an error.
template <typename R, typename E> class Outcome {
public:
  bool IsSuccess() const;
  const R& GetResult() const;
  R& GetResult();
  const E& GetError() const;
};
} // namespace Utils

} // namespace Aws
