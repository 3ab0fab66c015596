#pragma once
// What the package weigher's files share (a private header of initcost/): its limits, file
// system helpers, the import scanners' entry points, and the Store: the dependency folders found
// next to handlers, directory listings, scanned files, parsed package.json files and results,
// cached behind one mutex.
#include "initcost/ImportCosts.h"
#include "initcost/PackageWeigher.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ll::weigherdetail {

namespace fs = std::filesystem;

constexpr uint32_t kMaxFiles = 20000;            // files weighed for one module
constexpr uint64_t kMaxScanBytes = 8ULL << 20;   // larger files are counted, not read
constexpr int kHandlerLevels = 8;                // folders walked up from a handler
constexpr int kDependencyLevels = 64;            // ... and from a file inside node_modules
constexpr size_t kMaxClauseTokens = 4096;        // tokens of an import/export clause

using Json = nlohmann::ordered_json; // key order matters for export conditions

// File system helpers: every call takes an error_code, nothing throws.
bool isDirectory(const fs::path& p);
bool isRegularFile(const fs::path& p);
bool pathExists(const fs::path& p);
std::string realPath(const fs::path& p);
std::optional<uint64_t> sizeOf(const std::string& file);
/// Counts `file` (a real path) into `w` once: its size, or nothing when it was counted already,
/// cannot be sized, or the file limit is reached (then `w.truncated` is set and the walk stops).
std::optional<uint64_t> countOnce(ModuleWeight& w, std::unordered_set<std::string>& counted,
                                  const std::string& file);
bool readFile(const std::string& file, std::string& out);
bool hasExtension(std::string_view file, std::string_view ext);
/// The folders from `dir` up: `dir` first, at most `levels` parents, stopping after the folder
/// that holds a `.git` (the top of the project) or at the file system root.
std::vector<fs::path> ancestors(fs::path dir, int levels);
fs::path folderOf(const std::string& file);

// Python: the imports a module runs when it is imported (PythonImports.cpp).
struct PyImport {
  bool isFrom = false;
  int level = 0;                  // leading dots of a relative from-import
  std::string module;             // dotted name ("" in `from . import x`)
  std::vector<std::string> names; // what a from-import imports; the modules of `import a, b`
  int tryId = -1;                 // the innermost enclosing `try` statement, if any
  bool inExcept = false;          // ... and the import is in one of its `except` clauses
};

std::vector<PyImport> scanPython(std::string_view src);
/// A dotted name made of identifiers ("a.b.c").
bool isDottedName(std::string_view s);

// JavaScript: the string-literal specifiers a file requires or imports when it is loaded
// (JsImports.cpp).
std::vector<std::string> scanJavaScript(std::string_view src);
bool isNodeBuiltin(const std::string& spec, const ImportCosts& costs);
bool isRelativeSpecifier(std::string_view spec);

// ------------------------------------------------------------------------------------------
// What all the weighings share: directory listings, dependency folders, scanned files, parsed
// package.json files and the results, behind one mutex.

struct Store {
  struct Listing {
    std::set<std::string, std::less<>> files; // regular files (symlinks followed)
    std::set<std::string, std::less<>> dirs;  // folders (symlinks followed)
  };
  using Roots = std::vector<std::string>;

  std::vector<fs::path> packageDirs;

  mutable std::mutex mu;
  mutable std::unordered_map<std::string, std::shared_ptr<const Listing>> listings;
  mutable std::unordered_map<std::string, std::shared_ptr<const Roots>> pythonRoots;
  mutable std::unordered_map<std::string, std::shared_ptr<const Roots>> nodeChains;
  mutable std::unordered_map<std::string, std::shared_ptr<const std::vector<PyImport>>> pyScans;
  mutable std::unordered_map<std::string, std::shared_ptr<const std::vector<std::string>>> jsScans;
  mutable std::unordered_map<std::string, std::shared_ptr<const Json>> packageJsons;
  mutable std::unordered_map<std::string, std::optional<ModuleWeight>> results;
  /// The distinct standard-library lists weighings were given; results are cached per list.
  mutable std::vector<std::set<std::string, std::less<>>> stdlibs;

  /// The value cached under `key` in `map`, computed outside the lock when missing (two
  /// threads may both compute it; the first one stored wins).
  template <class Map, class Compute>
  typename Map::mapped_type cached(Map& map, const std::string& key, Compute compute) const {
    {
      std::lock_guard<std::mutex> lock(mu);
      auto it = map.find(key);
      if (it != map.end()) return it->second;
    }
    typename Map::mapped_type value = compute();
    std::lock_guard<std::mutex> lock(mu);
    return map.emplace(key, std::move(value)).first->second;
  }

  /// The number of `costs`'s standard-library list for `language` among those seen so far.
  size_t stdlibId(const ImportCosts& costs, std::string_view language) const {
    const std::set<std::string, std::less<>>& list = costs.stdlib(language);
    std::lock_guard<std::mutex> lock(mu);
    auto it = std::find(stdlibs.begin(), stdlibs.end(), list);
    if (it != stdlibs.end()) return static_cast<size_t>(it - stdlibs.begin());
    stdlibs.push_back(list);
    return stdlibs.size() - 1;
  }

  std::shared_ptr<const Listing> listing(const std::string& dir) const {
    return cached(listings, dir, [&] {
      auto l = std::make_shared<Listing>();
      std::error_code ec;
      fs::directory_iterator it(dir, ec);
      for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code e2;
        std::string name = it->path().filename().string();
        if (it->is_directory(e2)) l->dirs.insert(std::move(name));
        else if (it->is_regular_file(e2)) l->files.insert(std::move(name));
      }
      return std::shared_ptr<const Listing>(std::move(l));
    });
  }

  std::shared_ptr<const Json> packageJson(const std::string& dir) const {
    return cached(packageJsons, dir, [&]() -> std::shared_ptr<const Json> {
      const std::string file = (fs::path(dir) / "package.json").string();
      std::string text;
      if (!isRegularFile(file) || sizeOf(file).value_or(kMaxScanBytes + 1) > kMaxScanBytes ||
          !readFile(file, text))
        return nullptr;
      Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded() || !j.is_object()) return nullptr;
      return std::make_shared<const Json>(std::move(j));
    });
  }

  // --- Dependency folders -------------------------------------------------------------------

  /// `dir/lib/python3.*/site-packages` folders.
  std::vector<fs::path> libSitePackages(const fs::path& dir) const {
    std::vector<fs::path> out;
    const fs::path lib = dir / "lib";
    if (!isDirectory(lib)) return out;
    auto l = listing(lib.string());
    for (const std::string& d : l->dirs)
      if (d.starts_with("python3") && isDirectory(lib / d / "site-packages"))
        out.push_back(lib / d / "site-packages");
    return out;
  }

  bool hasDistInfo(const fs::path& dir) const {
    auto l = listing(dir.string());
    return std::any_of(l->dirs.begin(), l->dirs.end(),
                       [](const std::string& d) { return d.ends_with(".dist-info"); });
  }

  std::shared_ptr<const Roots> pythonRootsFor(const fs::path& dir) const {
    return cached(pythonRoots, dir.string(), [&] {
      std::vector<fs::path> candidates;
      for (const fs::path& p : packageDirs) {
        candidates.push_back(p);
        if (isDirectory(p / "python")) candidates.push_back(p / "python");
        for (auto& sp : libSitePackages(p / "python")) candidates.push_back(sp);
        for (auto& sp : libSitePackages(p)) candidates.push_back(sp);
      }
      for (const fs::path& d : ancestors(dir, kHandlerLevels)) {
        if (hasDistInfo(d)) candidates.push_back(d); // a SAM build or unzipped package
        for (const char* name : {"site-packages", "vendor", "package"})
          if (isDirectory(d / name)) candidates.push_back(d / name);
        const fs::path layer = d / "python";
        auto layerSites = libSitePackages(layer);
        if (isDirectory(layer) && (hasDistInfo(layer) || !layerSites.empty()))
          candidates.push_back(layer);
        for (auto& sp : layerSites) candidates.push_back(sp);
        for (const char* venv : {".venv", "venv"})
          for (auto& sp : libSitePackages(d / venv)) candidates.push_back(sp);
      }
      auto roots = std::make_shared<Roots>();
      std::unordered_set<std::string> seen;
      for (const fs::path& c : candidates) {
        std::string real = realPath(c);
        if (!real.empty() && isDirectory(real) && seen.insert(real).second)
          roots->push_back(std::move(real));
      }
      return std::shared_ptr<const Roots>(std::move(roots));
    });
  }

  /// The node_modules folders Node searches from `dir` (nearest first), up to `levels` parents.
  std::shared_ptr<const Roots> nodeChain(const fs::path& dir, int levels) const {
    return cached(nodeChains, std::to_string(levels) + ":" + dir.string(), [&] {
      auto roots = std::make_shared<Roots>();
      for (const fs::path& d : ancestors(dir, levels)) {
        if (d.filename() == "node_modules") continue;
        const fs::path nm = d / "node_modules";
        if (isDirectory(nm)) roots->push_back(nm.string());
      }
      return std::shared_ptr<const Roots>(std::move(roots));
    });
  }

  /// node_modules folders given with --package: DIR/node_modules, a layer's
  /// DIR/nodejs/node_modules, or DIR itself.
  Roots packageNodeModules() const {
    Roots out;
    for (const fs::path& p : packageDirs) {
      bool any = false;
      for (const fs::path& nm : {p / "node_modules", p / "nodejs" / "node_modules"}) {
        if (isDirectory(nm)) {
          out.push_back(nm.string());
          any = true;
        }
      }
      if (!any && isDirectory(p)) out.push_back(p.string());
    }
    return out;
  }

  std::optional<ModuleWeight> weighPython(const ImportCosts& costs, const std::string& fromFile,
                                          const std::string& module) const;
  std::optional<ModuleWeight> weighJavaScript(const ImportCosts& costs, const std::string& fromFile,
                                              const std::string& module) const;
};

} // namespace ll::weigherdetail
