// connection-in-handler: database connections, pools and HTTP sessions made on every invocation instead of once per execution environment.
// Documentation: docs/rules/connection-in-handler.md.
#include "checks/PerInvocationCalls.h"

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "connection-in-handler",
    .name = "ConnectionInHandler",
    .defaultLevel = Level::Warning,
    .tags = {"performance", "cold-start", "lambda"},
    .languages = {"python", "javascript", "typescript", "cpp"},
    .fixAvailability = "sometimes",
};

class ConnectionInHandler final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }
  void run(const CheckContext& ctx, std::vector<Finding>& out) const override {
    static const PerInvocationRule rule{
        kInfo, kind::Connection,
        "{label} `{callee}(...)` is opened on every invocation {where}; open it once per execution environment and reuse it",
        FixStrategy::HoistOrLazyGetter};
    reportPerInvocationCalls(ctx, rule, out);
  }
};

} // namespace

std::unique_ptr<Check> makeConnectionInHandler() { return std::make_unique<ConnectionInHandler>(); }

} // namespace ll
