#pragma once
// Test stub (declarations only).
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {
namespace SSM {
namespace Model {
class GetParameterRequest {
public:
  GetParameterRequest& WithName(const Aws::String& name);
  GetParameterRequest& WithWithDecryption(bool decrypt);
  void SetName(const Aws::String& name);
};
} // namespace Model
} // namespace SSM
} // namespace Aws
