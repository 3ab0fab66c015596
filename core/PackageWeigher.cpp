#include "core/PackageWeigher.h"

namespace ll {

struct PackageWeigher::Impl {
  std::vector<std::string> packageDirs;
};

PackageWeigher::PackageWeigher(std::vector<std::string> packageDirs)
    : impl_(std::make_unique<Impl>()) {
  impl_->packageDirs = std::move(packageDirs);
}

PackageWeigher::~PackageWeigher() = default;

std::optional<ModuleWeight> PackageWeigher::weigh(Language, const std::string&,
                                                  const std::string&) const {
  return std::nullopt; // placeholder until the weigher lands
}

} // namespace ll
