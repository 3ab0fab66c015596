#include "checks/Check.h"

namespace ll {

// One line per rule; each factory is defined in the rule's own file.
std::unique_ptr<Check> makeClientInHandler();
std::unique_ptr<Check> makeConnectionInHandler();
std::unique_ptr<Check> makeConfigFetchInHandler();
std::unique_ptr<Check> makeSdkInitInHandler();
std::unique_ptr<Check> makeSdkV2Import();
std::unique_ptr<Check> makeEagerHeavyImport();
std::unique_ptr<Check> makeHeavyInit();
std::unique_ptr<Check> makePackageTooLarge();
std::unique_ptr<Check> makePackageBundlesRuntimeSdk();
std::unique_ptr<Check> makePackageDevArtifacts();
std::unique_ptr<Check> makeUnusedSuppression();

const std::vector<std::unique_ptr<Check>>& allChecks() {
  static const std::vector<std::unique_ptr<Check>> checks = [] {
    std::vector<std::unique_ptr<Check>> v;
    v.push_back(makeClientInHandler());
    v.push_back(makeConnectionInHandler());
    v.push_back(makeConfigFetchInHandler());
    v.push_back(makeSdkInitInHandler());
    v.push_back(makeSdkV2Import());
    v.push_back(makeEagerHeavyImport());
    v.push_back(makeHeavyInit());
    v.push_back(makePackageTooLarge());
    v.push_back(makePackageBundlesRuntimeSdk());
    v.push_back(makePackageDevArtifacts());
    v.push_back(makeUnusedSuppression());
    return v;
  }();
  return checks;
}

const Check* findCheck(std::string_view id) {
  for (const auto& c : allChecks())
    if (c->info().id == id) return c.get();
  return nullptr;
}

} // namespace ll
