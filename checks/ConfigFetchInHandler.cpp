// config-fetch-in-handler: configuration and secret fetches made on every invocation instead of once per execution environment.
// Documentation: docs/rules/config-fetch-in-handler.md.
#include "checks/PerInvocationCalls.h"

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "config-fetch-in-handler",
    .name = "ConfigFetchInHandler",
    .defaultLevel = Level::Warning,
    .tags = {"performance", "cold-start", "lambda"},
    .languages = {"python", "javascript", "typescript", "cpp"},
    .fixAvailability = "sometimes",
};

class ConfigFetchInHandler final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }
  void run(const CheckContext& ctx, std::vector<Finding>& out) const override {
    static const PerInvocationRule rule{
        kInfo, kind::ConfigFetch,
        "{label} `{callee}(...)` runs uncached on every invocation {where}; fetch it once and cache it across invocations",
        FixStrategy::LazyLoader, kind::ConfigWrite};
    reportPerInvocationCalls(ctx, rule, out);
  }
};

} // namespace

std::unique_ptr<Check> makeConfigFetchInHandler() { return std::make_unique<ConfigFetchInHandler>(); }

} // namespace ll
