#pragma once
// Test stub of the AWS SDK for C++ entry points (declarations only).
#include <aws/core/utils/memory/stl/AWSString.h>

namespace Aws {

enum class LogLevel { Off = 0, Fatal, Error, Warn, Info, Debug, Trace };

struct LoggingOptions {
  LogLevel logLevel = LogLevel::Off;
};

struct SDKOptions {
  LoggingOptions loggingOptions;
};

void InitAPI(const SDKOptions& options);
void ShutdownAPI(const SDKOptions& options);

} // namespace Aws
