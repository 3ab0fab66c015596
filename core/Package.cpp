#include "core/Package.h"

namespace ll {

const char* artifactKindName(ArtifactKind k) {
  switch (k) {
  case ArtifactKind::Code: return "code";
  case ArtifactKind::Tests: return "tests";
  case ArtifactKind::Docs: return "docs";
  case ArtifactKind::Vcs: return "vcs";
  case ArtifactKind::Cache: return "cache";
  case ArtifactKind::TypeSources: return "type-sources";
  case ArtifactKind::SourceMaps: return "source-maps";
  case ArtifactKind::DevTool: return "dev-tool";
  case ArtifactKind::BuildLeftover: return "build-leftover";
  }
  return "code";
}

// Placeholders until the readers land (issue 5).
Package readZip(const std::string& path) {
  Package p;
  p.source = Package::Source::Zip;
  p.path = path;
  p.readable = false;
  return p;
}

Package readFolder(const std::string& path, const std::function<void(uint64_t)>& /*progress*/) {
  Package p;
  p.path = path;
  p.readable = false;
  return p;
}

PackageAnalysis analyzePackage(const Package& p) {
  PackageAnalysis a;
  a.kinds.assign(p.entries.size(), ArtifactKind::Code);
  return a;
}

std::string formatBytes(uint64_t bytes) { return std::to_string(bytes) + " B"; }

} // namespace ll
