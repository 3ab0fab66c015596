#pragma once
// Test stub of the AWS SDK for C++ S3 client (declarations only).
#include <aws/core/client/AWSClient.h>
#include <aws/s3/model/GetObjectRequest.h>

namespace Aws {
namespace S3 {

class S3Error {};

namespace Model {
class GetObjectResult {
public:
  std::iostream& GetBody() const;
  long long GetContentLength() const;
};
class PutObjectRequest {
public:
  PutObjectRequest& WithBucket(const Aws::String& bucket);
  PutObjectRequest& WithKey(const Aws::String& key);
};
class PutObjectResult {};
} // namespace Model

using GetObjectOutcome = Aws::Utils::Outcome<Model::GetObjectResult, Aws::Client::AWSError<S3Error>>;
using PutObjectOutcome = Aws::Utils::Outcome<Model::PutObjectResult, Aws::Client::AWSError<S3Error>>;

class S3Client : public Aws::Client::AWSXMLClient {
public:
  explicit S3Client(const Aws::Client::ClientConfiguration& configuration =
                        Aws::Client::ClientConfiguration());
  ~S3Client() override;
  GetObjectOutcome GetObject(const Model::GetObjectRequest& request) const;
  PutObjectOutcome PutObject(const Model::PutObjectRequest& request) const;
};

} // namespace S3
} // namespace Aws
