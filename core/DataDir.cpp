#include "core/DataDir.h"

#include "core/EmbeddedData.h"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#ifndef LAMBDA_LINT_DATA_FROM_BINDIR
#define LAMBDA_LINT_DATA_FROM_BINDIR "../share/lambda-lint"
#endif
#ifndef LAMBDA_LINT_DATA_FROM_PLUGINDIR
#define LAMBDA_LINT_DATA_FROM_PLUGINDIR "../../share/lambda-lint"
#endif

namespace ll {

namespace fs = std::filesystem;

namespace {

/// The file the code at `address` was loaded from, as the kernel names its mapping in
/// /proc/self/maps: the lambda-lint executable, or the clang-tidy plugin when clang-tidy loaded
/// this code. (/proc/self/exe alone would name clang-tidy in the second case.)
fs::path loadedFrom(uintptr_t address) {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    // 7f1c2a400000-7f1c2a600000 r-xp 00000000 08:01 1234   /opt/ll/bin/lambda-lint
    std::istringstream in(line);
    std::string range, perms, offset, device, inode, path;
    in >> range >> perms >> offset >> device >> inode;
    std::getline(in >> std::ws, path);
    const size_t dash = range.find('-');
    if (dash == std::string::npos || path.empty() || path.front() != '/') continue;
    uintptr_t lo = 0, hi = 0;
    const char* s = range.data();
    if (std::from_chars(s, s + dash, lo, 16).ec != std::errc() ||
        std::from_chars(s + dash + 1, s + range.size(), hi, 16).ec != std::errc())
      continue;
    if (address >= lo && address < hi) return path;
  }
  return {};
}

/// Where the installed data directory would be for this executable or plugin.
fs::path expectedDataDir() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  fs::path module = loadedFrom(reinterpret_cast<uintptr_t>(&expectedDataDir));
  if (module.empty()) module = exe;
  if (module.empty()) return {};
  const bool isExecutable = !exe.empty() && fs::equivalent(module, exe, ec);
  const fs::path rel = isExecutable ? LAMBDA_LINT_DATA_FROM_BINDIR : LAMBDA_LINT_DATA_FROM_PLUGINDIR;
  return (module.parent_path() / rel).lexically_normal();
}

} // namespace

const std::string& installedDataDir() {
  static const std::string dir = [] {
    const fs::path expected = expectedDataDir();
    std::error_code ec;
    if (expected.empty() || !fs::is_directory(expected, ec)) return std::string();
    return expected.string();
  }();
  return dir;
}

DataFile readDataFile(std::string_view name) {
  const std::string& dir = installedDataDir();
  if (dir.empty()) {
    if (name == "catalogue.yaml") return {std::string(embedded::defaultCatalogue()), "data/catalogue.yaml"};
    if (name == "import-costs.yaml") return {std::string(embedded::importCosts()), "data/import-costs.yaml"};
    throw DataError("no built-in data file " + std::string(name));
  }
  const std::string path = (fs::path(dir) / name).string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw DataError("cannot read data file " + path + ": " + std::strerror(errno) +
                    " (the data directory of this installation; reinstall lambda-lint or restore the file)");
  }
  return {std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()), path};
}

std::string dataSourceDescription() {
  const std::string& dir = installedDataDir();
  if (!dir.empty()) return dir;
  const fs::path expected = expectedDataDir();
  return "built in (no " + (expected.empty() ? std::string("installed data directory") : expected.string()) + ")";
}

} // namespace ll
