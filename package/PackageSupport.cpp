// What the files of package/ share (package/PackageSupport.h).
#include "package/PackageSupport.h"

#include <algorithm>
#include <system_error>
#include <utility>

namespace ll::packagedetail {

std::string errorText(int err) { return std::generic_category().message(err); }

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string_view extension(std::string_view name) { // ".js", "" (a leading dot is not one)
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return name.substr(dot);
}

bool hasControlCharacter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

namespace {

/// What kind of package the entries make: "python", "npm" or "".
std::string detectEcosystem(const std::vector<PackageEntry>& entries) {
  bool strongPy = false, strongNpm = false;
  uint64_t pyFiles = 0, jsFiles = 0;
  for (const PackageEntry& e : entries) {
    std::string_view p = e.path;
    if (p.starts_with("python/")) strongPy = true;
    if (p.starts_with("nodejs/") || p == "package.json") strongNpm = true;
    if (p.starts_with("node_modules/") || p.find("/node_modules/") != std::string_view::npos) {
      strongNpm = true;
      continue; // node-gyp and friends ship .py files
    }
    if (p.find(".dist-info/") != std::string_view::npos) strongPy = true;
    std::string_view ext = extension(p);
    if (ext == ".py") ++pyFiles;
    else if (ext == ".js" || ext == ".mjs" || ext == ".cjs" || ext == ".ts") ++jsFiles;
  }
  if (strongPy != strongNpm) return strongPy ? "python" : "npm";
  if (pyFiles > jsFiles) return "python";
  if (jsFiles > pyFiles) return "npm";
  return "";
}

} // namespace

void finishTotals(Package& p) {
  p.files = p.entries.size();
  p.unzippedBytes = 0;
  for (const PackageEntry& e : p.entries) p.unzippedBytes += e.size;
  p.ecosystem = detectEcosystem(p.entries);
}

Package unreadable(Package& p, std::string message) {
  p.readable = false;
  p.complete = false;
  Notice n;
  n.level = Level::Error;
  n.path = p.path;
  n.message = std::move(message);
  p.notices.push_back(std::move(n));
  return std::move(p);
}

} // namespace ll::packagedetail
