#pragma once
// Test stub of the AWS SDK for C++ HTTP client factory (declarations only).
#include <aws/core/client/AWSClient.h>

namespace Aws {
namespace Http {

class HttpRequest;
class HttpResponse;

class HttpClient {
public:
  virtual ~HttpClient();
  virtual std::shared_ptr<HttpResponse> MakeRequest(const std::shared_ptr<HttpRequest>& request) const = 0;
};

std::shared_ptr<HttpClient> CreateHttpClient(const Aws::Client::ClientConfiguration& configuration);

} // namespace Http
} // namespace Aws
