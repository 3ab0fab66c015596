// The package weigher's interface (initcost/PackageWeigher.h): one Store for the run.
#include "initcost/PackageWeigher.h"

#include "initcost/WeigherSupport.h"

namespace ll {

using namespace weigherdetail;

struct PackageWeigher::Impl {
  Store store;
};

PackageWeigher::PackageWeigher(const std::vector<std::string>& packageDirs)
    : impl_(std::make_unique<Impl>()) {
  for (const std::string& d : packageDirs) {
    if (d.empty()) continue;
    std::string real = realPath(d);
    impl_->store.packageDirs.emplace_back(real.empty() ? fs::path(d) : fs::path(real));
  }
}

PackageWeigher::~PackageWeigher() = default;

std::optional<ModuleWeight> PackageWeigher::weigh(const ImportCosts& costs, Language language,
                                                  const std::string& fromFile, const std::string& module) const {
  switch (language) {
  case Language::Python:
    return impl_->store.weighPython(costs, fromFile, module);
  case Language::JavaScript:
  case Language::TypeScript:
  case Language::Tsx:
    return impl_->store.weighJavaScript(costs, fromFile, module);
  case Language::Cpp:
    break;
  }
  return std::nullopt;
}

} // namespace ll
