#include "storage.h"

#include <aws/s3/S3Client.h>
#include <aws/s3/model/PutObjectRequest.h>

namespace storage {

bool putObject(std::string const& key, std::string const& body) {
  Aws::S3::S3Client s3;
  auto request = Aws::S3::Model::PutObjectRequest().WithKey(key);
  return s3.PutObject(request).IsSuccess();
}

Bucket::Bucket(std::string name) : name_(std::move(name)) {}

bool Bucket::put(std::string const& key, std::string const& body) {
  Aws::S3::S3Client client;
  auto request = Aws::S3::Model::PutObjectRequest().WithBucket(name_).WithKey(key);
  return client.PutObject(request).IsSuccess();
}

static bool unused() {
  Aws::S3::S3Client never;
  return true;
}

} // namespace storage
