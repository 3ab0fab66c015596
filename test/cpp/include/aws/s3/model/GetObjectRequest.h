#pragma once
// Test stub (declarations only).
#include <aws/core/utils/memory/stl/AWSString.h>
#include <iosfwd>

namespace Aws {
namespace S3 {
namespace Model {
class GetObjectRequest {
public:
  GetObjectRequest& WithBucket(const Aws::String& bucket);
  GetObjectRequest& WithKey(const Aws::String& key);
  void SetBucket(const Aws::String& bucket);
  void SetKey(const Aws::String& key);
};
} // namespace Model
} // namespace S3
} // namespace Aws
