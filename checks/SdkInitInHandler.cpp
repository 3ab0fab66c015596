// sdk-init-in-handler: process-wide library set-up and tear-down (Aws::InitAPI and Aws::ShutdownAPI, curl_global_init, mongocxx::instance) done on every invocation instead of once around the runtime loop.
// Documentation: docs/rules/sdk-init-in-handler.md.
#include "checks/PerInvocationCalls.h"

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "sdk-init-in-handler",
    .name = "SdkInitInHandler",
    .defaultLevel = Level::Warning,
    .tags = {"performance", "cold-start", "lambda", "correctness"},
    .languages = {"cpp"},
    .fixAvailability = "none",
};

class SdkInitInHandler final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }
  void run(const CheckContext& ctx, std::vector<Finding>& out) const override {
    static const PerInvocationRule rule{
        kInfo, kind::SdkInit,
        "{label} `{callee}(...)` runs on every invocation {where}; set the library up once in `main()` before `run_handler`, and tear it down after `run_handler` returns",
        FixStrategy::None};
    reportPerInvocationCalls(ctx, rule, out);
  }
};

} // namespace

std::unique_ptr<Check> makeSdkInitInHandler() { return std::make_unique<SdkInitInHandler>(); }

} // namespace ll
