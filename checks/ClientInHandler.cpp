// client-in-handler: AWS SDK clients, resources and sessions made on every invocation instead of once per execution environment.
// Documentation: docs/rules/client-in-handler.md.
#include "checks/PerInvocationCalls.h"

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "client-in-handler",
    .name = "ClientInHandler",
    .defaultLevel = Level::Warning,
    .tags = {"performance", "cold-start", "lambda"},
    .languages = {"python", "javascript", "typescript", "cpp"},
    .fixAvailability = "sometimes",
};

class ClientInHandler final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }
  void run(const CheckContext& ctx, std::vector<Finding>& out) const override {
    static const PerInvocationRule rule{
        kInfo, kind::Client,
        "{label} `{callee}(...)` is created on every invocation {where}; create it once {once} and reuse it",
        FixStrategy::HoistOrLazyGetter};
    reportPerInvocationCalls(ctx, rule, out);
  }
};

} // namespace

std::unique_ptr<Check> makeClientInHandler() { return std::make_unique<ClientInHandler>(); }

} // namespace ll
