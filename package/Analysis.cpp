// The analysis of a package: what it is made of (top-level packages and modules, Python and npm
// layouts, layers), what kind of file each entry is, what the runtime already provides, and
// which files no function needs at run time.
#include "package/Package.h"
#include "package/PackageSupport.h"

#include "core/Strings.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace ll {

using namespace packagedetail;

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

namespace {

/// Package names compared as pip does: case-insensitive, '-', '_' and '.' the same.
std::string normName(std::string_view s) {
  std::string out = lower(s);
  std::replace_if(out.begin(), out.end(), [](char c) { return c == '-' || c == '.'; }, '_');
  return out;
}

std::string withoutUnderscores(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '_'), s.end());
  return s;
}

using Components = std::vector<std::string_view>;

void splitPath(std::string_view path, Components& out) {
  out.clear();
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
}

/// The path up to and including component `c` (a view into `path`).
std::string_view prefixThrough(std::string_view path, std::string_view c) {
  return path.substr(0, static_cast<size_t>(c.data() - path.data()) + c.size());
}

/// The path of the folder holding component `c` ("" at the top).
std::string_view prefixBefore(std::string_view path, std::string_view c) {
  const auto n = static_cast<size_t>(c.data() - path.data());
  return path.substr(0, n == 0 ? 0 : n - 1);
}

// ----- what the runtime provides, and dev tools ---------------------------------------------

bool isNpmDevTool(std::string_view name) {
  static const std::unordered_set<std::string_view> exact{
      "typescript", "eslint",  "prettier", "jest",   "ts-jest", "ts-node",     "aws-cdk",
      "aws-cdk-lib", "cdk-nag", "esbuild", "webpack", "webpack-cli", "rollup", "vitest",
      "mocha",      "chai",    "nyc",     "sinon",   "husky",   "lint-staged", "nodemon",
      "serverless", "serverless-offline"};
  if (exact.contains(name)) return true;
  static const std::array<std::string_view, 9> prefixes{
      "eslint-", "jest-", "@eslint/", "@typescript-eslint/", "@jest/", "@types/", "@esbuild/", "@rollup/",
      "@vitest/"};
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view pre) { return name.starts_with(pre); });
}

/// `n`: a normalised Python module or distribution name.
bool isPythonDevTool(const std::string& n) {
  static const std::unordered_set<std::string_view> exact{
      "pytest", "_pytest", "pluggy",    "mypy",          "mypyc",          "black",        "blib2to3",
      "_black_version", "ruff", "flake8", "pylint",      "isort",          "coverage",     "moto",
      "boto3_stubs", "botocore_stubs", "pip", "setuptools", "wheel", "pkg_resources", "_distutils_hack"};
  return exact.contains(n) || n.starts_with("mypy_boto3_") || n.starts_with("pytest_");
}

bool isPythonRuntimeSdk(const std::string& n) { return n == "boto3" || n == "botocore" || n == "s3transfer"; }

// ----- Python: dependency folders and the modules in them -----------------------------------

/// A top-level name in a Python dependency folder and what it belongs to.
struct PyChild {
  std::string contributor;  // module name, or the file/folder name for the function's own
  bool installed = false;   // an installed package (else the function's own files)
  bool devTool = false;
  bool runtimeSdk = false;
};

/// The distribution a `*.dist-info` / `*.egg-info` folder describes ("numpy" for
/// "numpy-1.26.4.dist-info"), and whether it was installed (a bare "name.egg-info" is what
/// `setup.py egg_info` or `pip install -e` leaves in a project).
struct DistInfo {
  std::string name;
  bool installed = false;
};
std::optional<DistInfo> distInfo(std::string_view child) {
  std::string_view stem;
  if (child.ends_with(".dist-info")) stem = child.substr(0, child.size() - 10);
  else if (child.ends_with(".egg-info")) stem = child.substr(0, child.size() - 9);
  else return std::nullopt;
  size_t dash = stem.find('-');
  DistInfo d;
  d.name = std::string(stem.substr(0, dash));
  d.installed = child.ends_with(".dist-info") || dash != std::string_view::npos;
  if (d.name.empty()) return std::nullopt;
  return d;
}

/// The module a top-level file defines ("six" for six.py, "_cffi_backend" for
/// _cffi_backend.cpython-311-x86_64-linux-gnu.so), or nothing for other files.
std::optional<std::string> moduleOfFile(std::string_view name) {
  static const std::array<std::string_view, 5> exts{".py", ".pyc", ".pyi", ".so", ".pyd"};
  std::string_view ext = extension(name);
  if (std::find(exts.begin(), exts.end(), ext) == exts.end()) return std::nullopt;
  size_t dot = name.find('.');
  if (dot == 0 || dot == std::string_view::npos) return std::nullopt;
  return std::string(name.substr(0, dot));
}

/// Distributions whose module is named otherwise (normalised names).
const std::unordered_map<std::string_view, std::string_view>& distAliases() {
  static const std::unordered_map<std::string_view, std::string_view> aliases{
      {"pyyaml", "yaml"},
      {"beautifulsoup4", "bs4"},
      {"pillow", "pil"},
      {"scikit_learn", "sklearn"},
      {"scikit_image", "skimage"},
      {"opencv_python", "cv2"},
      {"opencv_python_headless", "cv2"},
      {"opencv_contrib_python", "cv2"},
      {"opencv_contrib_python_headless", "cv2"},
      {"protobuf", "google"},
      {"pyjwt", "jwt"},
      {"pycryptodome", "crypto"},
      {"pycryptodomex", "cryptodome"},
      {"dnspython", "dns"},
      {"grpcio", "grpc"},
      {"pyopenssl", "openssl"},
      {"pynacl", "nacl"},
      {"mysql_connector_python", "mysql"},
      {"pymupdf", "fitz"},
      {"faiss_cpu", "faiss"},
      {"websocket_client", "websocket"},
      {"pyserial", "serial"},
      {"attrs", "attr"},
  };
  return aliases;
}

/// Per Python dependency folder: its top-level names, grouped into contributors.
class PyRoot {
public:
  /// `top`: the dependency folder is the package's own top folder (a SAM build), where names
  /// no installed distribution claims are the function's own files.
  explicit PyRoot(bool top) : top_(top) {}

  /// `init`: the entry is the child's __init__.py (the child is a regular Python package).
  void addChild(std::string_view child, bool isDir, bool init) {
    auto [it, inserted] = children_.try_emplace(std::string(child), isDir);
    if (!inserted) it->second = it->second || isDir;
    if (init) packages_.emplace(child);
  }

  /// Matches distributions and `.libs` folders to modules; call once all children are added.
  void resolve() {
    // Module children by normalised module name, and without separators (opensearch-py ->
    // opensearchpy).
    std::unordered_map<std::string, std::string> modules, compact;
    for (const auto& [child, isDir] : children_) {
      std::optional<std::string> module;
      if (isDir) {
        if (!distInfo(child) && !child.ends_with(".libs") && child != "__pycache__") module = child;
      } else {
        module = moduleOfFile(child);
      }
      if (!module) continue;
      modules.try_emplace(normName(*module), child);
      compact.try_emplace(withoutUnderscores(normName(*module)), child);
      Resolved& r = resolved_[child];
      r.c.contributor = *module;
      r.c.installed = !top_;
      r.module = true;
    }
    auto findModule = [&](const std::string& dist) -> const std::string* {
      std::vector<std::string> candidates{dist};
      if (auto a = distAliases().find(dist); a != distAliases().end()) candidates.emplace_back(a->second);
      for (std::string_view pre : {"python_", "py"})
        if (dist.starts_with(pre)) candidates.emplace_back(dist.substr(pre.size()));
      for (std::string_view suf : {"_python", "_py", "_binary", "_headless"})
        if (dist.ends_with(suf)) candidates.emplace_back(dist.substr(0, dist.size() - suf.size()));
      if (size_t u = dist.find('_'); u != std::string::npos && u > 0) candidates.emplace_back(dist.substr(0, u));
      for (const std::string& c : candidates)
        if (auto m = modules.find(c); m != modules.end()) return &m->second;
      if (auto m = compact.find(withoutUnderscores(dist)); m != compact.end()) return &m->second;
      return nullptr;
    };
    // Distributions claim their module: it is installed, and the dist-info counts toward it.
    std::unordered_map<std::string, std::string> distToModule;
    std::unordered_set<std::string> claimed;
    for (const auto& [child, isDir] : children_) {
      std::optional<DistInfo> d = distInfo(child);
      if (!d || (!isDir && !(d->installed && child.ends_with(".egg-info")))) continue;
      const std::string dist = normName(d->name);
      Resolved& r = resolved_[child];
      r.c.installed = d->installed || !top_;
      r.c.contributor = d->name;
      r.c.devTool = isPythonDevTool(dist);
      r.c.runtimeSdk = isPythonRuntimeSdk(dist);
      if (const std::string* module = findModule(dist)) {
        r.linked = *module;
        distToModule.try_emplace(dist, *module);
        if (d->installed) claimed.insert(*module);
      } else if (!r.c.installed) {
        r.c.contributor = child + "/";
      }
    }
    for (const auto& [child, isDir] : children_) {
      if (!isDir || !child.ends_with(".libs")) continue; // numpy.libs, pillow.libs: vendored .so
      const std::string base = normName(std::string_view(child).substr(0, child.size() - 5));
      Resolved& r = resolved_[child];
      r.c.installed = true;
      r.c.contributor = child;
      if (auto m = modules.find(base); m != modules.end()) r.linked = m->second;
      else if (auto d = distToModule.find(base); d != distToModule.end()) r.linked = d->second;
      else if (const std::string* viaAlias = findModule(base)) r.linked = *viaAlias;
    }
    // Modules: installed when a distribution claims them, under a dependency folder other
    // than the package's top, a package with a name only installed ones have, a compiled
    // extension module (six.cpython-312-x86_64-linux-gnu.so) or the private part of an installed
    // one (_cffi_backend of cffi, _yaml of yaml).
    std::vector<std::string> claimedNames;
    claimedNames.reserve(claimed.size());
    for (const std::string& child : claimed) claimedNames.push_back(normName(resolved_.at(child).c.contributor));
    for (auto& [child, r] : resolved_) {
      if (!r.module) continue;
      const std::string n = normName(r.c.contributor);
      const bool isDir = children_.at(child);
      const bool known = (isPythonDevTool(n) || isPythonRuntimeSdk(n)) && (!isDir || packages_.contains(child));
      const bool extension = !isDir && (child.find(".cpython-") != std::string::npos ||
                                        child.find(".abi3.") != std::string::npos || child.find(".pypy") != std::string::npos);
      const bool privatePart = n.starts_with('_') && std::any_of(claimedNames.begin(), claimedNames.end(), [&](const std::string& m) {
        return n.compare(1, m.size(), m) == 0 && (n.size() == m.size() + 1 || n[m.size() + 1] == '_');
      });
      if (claimed.contains(child) || known || extension || privatePart) r.c.installed = true;
      if (r.c.installed) {
        r.c.devTool = isPythonDevTool(n);
        r.c.runtimeSdk = isPythonRuntimeSdk(n);
      } else {
        r.c.contributor = children_.at(child) ? child + "/" : child;
      }
    }
    // A dist-info or .libs folder counts toward the module it goes with.
    for (auto& [child, r] : resolved_) {
      if (r.linked.empty()) continue;
      const PyChild& m = resolved_.at(r.linked).c;
      r.c.contributor = m.contributor;
      r.c.installed = m.installed;
      r.c.devTool = r.c.devTool || m.devTool;
      r.c.runtimeSdk = r.c.runtimeSdk || m.runtimeSdk;
    }
  }

  struct View {
    std::string_view contributor;
    bool installed = false;
    bool devTool = false;
    bool runtimeSdk = false;
  };
  static View view(const PyChild& c) { return {c.contributor, c.installed, c.devTool, c.runtimeSdk}; }

  /// What an entry belongs to, `depth` the index of its first component below this folder
  /// (`__pycache__/six.cpython-312.pyc` counts toward `six`).
  View lookup(std::string_view path, const Components& comps, size_t depth) const {
    const std::string_view child = comps[depth];
    const bool inFolder = depth + 1 < comps.size();
    if (child == "__pycache__" && inFolder) {
      const std::string_view second = comps[depth + 1];
      const std::string_view stem = second.substr(0, second.find('.'));
      for (const auto& [name, r] : resolved_) {
        if (!r.module) continue;
        if (r.c.installed ? r.c.contributor == stem
                          : (name.size() == stem.size() + 3 && name.starts_with(stem) && name.ends_with(".py")))
          return view(r.c);
      }
    }
    if (auto it = resolved_.find(child); it != resolved_.end()) return view(it->second.c);
    View v;
    v.installed = !top_;
    // The child as named in the path, with its '/' when the entry is inside it.
    v.contributor = path.substr(static_cast<size_t>(child.data() - path.data()),
                                child.size() + (inFolder && !v.installed ? 1 : 0));
    return v;
  }

private:
  struct Resolved {
    PyChild c;
    bool module = false;
    std::string linked; // the module child a dist-info or .libs folder goes with
  };
  bool top_;
  std::map<std::string, bool, std::less<>> children_; // name -> is a folder
  std::map<std::string, Resolved, std::less<>> resolved_;
  std::unordered_set<std::string> packages_; // children holding __init__.py
};

// ----- kinds --------------------------------------------------------------------------------

bool isLicenseFile(std::string_view name) {
  return istartsWith(name, "license") || istartsWith(name, "licence") || istartsWith(name, "notice") ||
         istartsWith(name, "copying");
}

bool isTestFile(std::string_view name) {
  if (name == "conftest.py") return true;
  if (name.ends_with(".py") && (name.starts_with("test_") || name.ends_with("_test.py"))) return true;
  static const std::array<std::string_view, 8> exts{".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts"};
  std::string_view ext = extension(name);
  if (std::find(exts.begin(), exts.end(), ext) == exts.end()) return false;
  std::string_view stem = name.substr(0, name.size() - ext.size());
  return stem.ends_with(".test") || stem.ends_with(".spec");
}

bool isDocFile(std::string_view name) {
  const std::string_view ext = extension(name);
  if (iequals(ext, ".md") || iequals(ext, ".markdown") || iequals(ext, ".rst")) return true;
  static constexpr std::array<std::string_view, 3> bases{"changelog", "changes", "history"};
  return std::any_of(bases.begin(), bases.end(), [&](std::string_view base) {
    if (!istartsWith(name, base)) return false;
    const std::string_view rest = name.substr(base.size());
    return rest.empty() || iequals(rest, ".txt");
  });
}

bool isTypeDeclaration(std::string_view name) {
  return name.ends_with(".d.ts") || name.ends_with(".d.mts") || name.ends_with(".d.cts");
}

bool isSourceMap(std::string_view name) {
  if (!name.ends_with(".map")) return false;
  static const std::array<std::string_view, 9> exts{".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts", ".css"};
  std::string_view ext = extension(name.substr(0, name.size() - 4));
  return std::find(exts.begin(), exts.end(), ext) != exts.end();
}

bool isBuildLeftoverFile(std::string_view name) {
  static const std::unordered_set<std::string_view> names{
      ".DS_Store", "Thumbs.db",      "Makefile",   "makefile",       "GNUmakefile", "Dockerfile",
      ".dockerignore", ".editorconfig", ".npmignore", ".gitignore", ".gitattributes"};
  if (names.contains(name)) return true;
  const std::string_view ext = extension(name);
  if (ext.empty() || ext.size() > 4) return false;
  std::array<char, 4> buf{};
  std::transform(ext.begin(), ext.end(), buf.begin(), [](char c) { return lower(c); });
  const std::string_view e(buf.data(), ext.size());
  return e == ".o" || e == ".obj" || e == ".a" || e == ".lib" || e == ".pdb" || e == ".log";
}

bool isVcsFolder(std::string_view c) { return c == ".git" || c == ".svn" || c == ".hg" || c == ".github"; }

bool isCacheFolder(std::string_view c) {
  return c == ".pytest_cache" || c == ".mypy_cache" || c == ".ruff_cache" || c == ".tox" || c == ".cache" ||
         c == ".nyc_output" || c == "htmlcov";
}

bool isCoverageMarker(std::string_view name) {
  return name == "lcov.info" || name == "coverage-final.json" || name == "coverage-summary.json" ||
         name == "clover.xml" || name == "lcov-report";
}

/// Where an entry sits: in an npm package, a Python package, or the function's own files.
struct Placement {
  enum class Where { Npm, Python, Own } where = Where::Own;
  /// Index of the first component inside the innermost package (npm, Python): folders from
  /// here on are "inside the package". For the function's own files: the index of the first
  /// component below the package root (after a layer's python/ or nodejs/).
  size_t inside = 0;
  /// The package's top level for Python and own files (test/ and docs/ there count too).
  bool topIsRoot = false;
  std::string_view contributor; // into the entry's path or the analyzer's tables
  std::string_view devToolUnit; // a dev tool's folder, when the entry is in one
  std::string_view sdkName;
  bool sdkV2 = false;
  bool sameForFolder = false; // decided by folders only, not by the file's name
};

const char* ecosystemName(Placement::Where w) {
  switch (w) {
  case Placement::Where::Npm: return "npm";
  case Placement::Where::Python: return "python";
  case Placement::Where::Own: return "";
  }
  return "";
}

struct Unit {
  uint64_t bytes = 0;
  bool folder = false;
};

class Analyzer {
public:
  explicit Analyzer(const Package& p) : p_(p) {}

  PackageAnalysis run() {
    index();
    PackageAnalysis a;
    a.kinds.reserve(p_.entries.size());
    a.own.reserve(p_.entries.size());
    // Contributors by where they are (npm, Python, own) and name.
    std::array<std::unordered_map<std::string_view, size_t>, 3> contributorIndex;
    std::map<std::string_view, RuntimeSdk> sdks;
    std::map<ArtifactKind, DevArtifacts> dev;
    std::map<ArtifactKind, std::unordered_map<std::string_view, Unit>> units;
    Components comps;
    // Files of one folder are placed alike: the last folder's placement, when it did not
    // depend on the file's own name.
    std::string_view cachedFolder;
    bool cached = false;
    std::string_view lastContributor;
    Placement::Where lastWhere = Placement::Where::Own;
    size_t contributorAt = 0;
    std::string_view lastUnit;
    ArtifactKind lastUnitKind = ArtifactKind::Code;
    Unit* lastUnitTotals = nullptr;
    Placement pl;
    FolderKinds fk;
    for (const PackageEntry& e : p_.entries) {
      const std::string_view path = e.path;
      const size_t slash = path.rfind('/');
      const std::string_view folder = slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
      const std::string_view base = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
      if (!cached || folder != cachedFolder || base.empty()) {
        splitPath(path, comps);
        if (comps.empty()) {
          a.kinds.push_back(ArtifactKind::Code);
          a.own.push_back(false);
          cached = false;
          continue;
        }
        pl = place(path, comps);
        fk = folderKinds(path, comps, pl);
        cached = pl.sameForFolder && !base.empty();
        cachedFolder = folder;
      }

      if (pl.contributor != lastContributor || pl.where != lastWhere) {
        auto& byName = contributorIndex.at(static_cast<size_t>(pl.where));
        auto [at, added] = byName.try_emplace(pl.contributor, a.contributors.size());
        if (added) {
          Contributor fresh;
          fresh.name = std::string(pl.contributor);
          fresh.ecosystem = ecosystemName(pl.where);
          a.contributors.push_back(std::move(fresh));
        }
        contributorAt = at->second;
        lastContributor = pl.contributor;
        lastWhere = pl.where;
      }
      Contributor& c = a.contributors[contributorAt];
      c.bytes += e.size;
      c.compressed += e.compressed;
      ++c.files;

      if (!pl.sdkName.empty()) {
        RuntimeSdk& s = sdks[pl.sdkName];
        if (s.name.empty()) {
          s.name = std::string(pl.sdkName);
          s.ecosystem = ecosystemName(pl.where);
          s.v2 = pl.sdkV2;
        }
        s.bytes += e.size;
        ++s.files;
      }

      std::string_view unit;
      const ArtifactKind k = kindOf(path, base, pl, fk, unit);
      a.kinds.push_back(k);
      a.own.push_back(pl.where == Placement::Where::Own);
      if (k == ArtifactKind::Code) continue;
      DevArtifacts& d = dev[k];
      d.kind = k;
      d.bytes += e.size;
      ++d.files;
      if (lastUnitTotals == nullptr || k != lastUnitKind || unit != lastUnit) {
        lastUnitTotals = &units[k][unit];
        lastUnitTotals->folder = unit.ends_with('/');
        lastUnit = unit;
        lastUnitKind = k;
      }
      lastUnitTotals->bytes += e.size;
    }

    std::sort(a.contributors.begin(), a.contributors.end(), [](const Contributor& x, const Contributor& y) {
      return x.bytes != y.bytes ? x.bytes > y.bytes : x.name < y.name;
    });
    for (auto& [name, s] : sdks) a.runtimeSdks.push_back(std::move(s));
    std::sort(a.runtimeSdks.begin(), a.runtimeSdks.end(), [](const RuntimeSdk& x, const RuntimeSdk& y) {
      return x.bytes != y.bytes ? x.bytes > y.bytes : x.name < y.name;
    });
    for (auto& [kind, d] : dev) {
      std::vector<std::pair<std::string_view, Unit>> list(units[kind].begin(), units[kind].end());
      std::sort(list.begin(), list.end(), [](const auto& x, const auto& y) {
        if (x.second.bytes != y.second.bytes) return x.second.bytes > y.second.bytes;
        if (x.second.folder != y.second.folder) return x.second.folder;
        return x.first < y.first;
      });
      for (size_t i = 0; i < list.size() && i < kMaxExamples; ++i) d.examples.emplace_back(list[i].first);
      a.devArtifacts.push_back(std::move(d));
    }
    std::sort(a.devArtifacts.begin(), a.devArtifacts.end(), [](const DevArtifacts& x, const DevArtifacts& y) {
      return x.bytes != y.bytes ? x.bytes > y.bytes : x.kind < y.kind;
    });
    return a;
  }

private:
  /// Facts about folders that the per-entry rules read.
  void index() {
    std::map<std::string, bool> candidates; // Python dependency folders -> a layer's site-packages
    bool layerTopsOnly = !p_.entries.empty();
    bool hasPythonTop = false;
    Components comps;
    for (const PackageEntry& e : p_.entries) {
      std::string_view path = e.path;
      // What a TypeScript source's built JavaScript would be named.
      if (path.ends_with(".js") || path.ends_with(".mjs") || path.ends_with(".cjs")) paths_.insert(path);
      splitPath(path, comps);
      if (comps.empty()) continue;
      static const std::unordered_set<std::string_view> layerTops{"python", "nodejs", "bin", "lib", "lib64",
                                                                  "share", "etc"};
      if (comps.size() < 2 || !layerTops.contains(comps[0])) layerTopsOnly = false;
      if (comps[0] == "python" && comps.size() >= 2) hasPythonTop = true;
      std::string_view base = comps.back();
      std::string_view parent = prefixBefore(path, base);
      if (base == "__init__.py") initDirs_.insert(parent);
      if (isCoverageMarker(base)) coverageDirs_.insert(parent);
      if (comps.size() >= 2 && comps[comps.size() - 2] == "lcov-report")
        coverageDirs_.insert(prefixBefore(path, comps[comps.size() - 2]));
      if (comps[0] == "node_modules" && comps.size() >= 2 && comps[1] == "tsconfig-paths") usesTsconfigPaths_ = true;
      // Python layer: python/lib/python3.X/site-packages/
      if (comps.size() >= 5 && comps[0] == "python" && comps[1] == "lib" && comps[2].starts_with("python3") &&
          comps[3] == "site-packages") {
        candidates[std::string(prefixThrough(path, comps[3]))] = true;
        pythonLayer_ = true;
      }
      // Node.js layer: nodejs/node_modules, nodejs/node18/node_modules
      if (comps[0] == "nodejs" && comps.size() >= 3 &&
          (comps[1] == "node_modules" || (isNodeVersionDir(comps[1]) && comps[2] == "node_modules")))
        nodeLayer_ = true;
      // A folder holding *.dist-info (or an installed *.egg-info) is where pip put packages.
      // (An egg-info may be a single file, as distutils installed them.)
      for (size_t i = 0; i < comps.size(); ++i) {
        if (comps[i] == "node_modules") break;
        std::optional<DistInfo> d = distInfo(comps[i]);
        if (!d || !d->installed || (i + 1 == comps.size() && !comps[i].ends_with(".egg-info"))) continue;
        std::string root(prefixBefore(path, comps[i]));
        if (root == "python") pythonLayer_ = true;
        candidates.try_emplace(std::move(root), false);
        break;
      }
    }
    if (hasPythonTop && (pythonLayer_ || p_.layer || layerTopsOnly)) {
      pythonLayer_ = true;
      candidates.try_emplace("python", false);
    }
    if (p_.layer || layerTopsOnly) nodeLayer_ = nodeLayer_ || hasNodejsTop();
    // Not a folder inside a package found that way (setuptools/_vendor/ holds dist-infos of
    // what it vendors); a layer's site-packages below its python/ is one. In path order, a
    // folder comes before the folders inside it.
    for (const auto& [root, layerSite] : candidates) {
      const bool nested = std::any_of(roots_.begin(), roots_.end(), [&](const auto& accepted) {
        const std::string& q = accepted.first;
        return q.empty() || (root.starts_with(q) && root.size() > q.size() && root[q.size()] == '/');
      });
      if (!nested || layerSite) roots_.emplace(root, PyRoot(root.empty()));
    }
    // Top-level names of each dependency folder, then who they belong to.
    if (roots_.empty()) return;
    for (const PackageEntry& e : p_.entries) {
      splitPath(e.path, comps);
      size_t depth = 0;
      if (PyRoot* root = pyRootOf(e.path, comps, depth); root != nullptr && depth < comps.size())
        root->addChild(comps[depth], depth + 1 < comps.size(),
                       depth + 2 == comps.size() && comps[depth + 1] == "__init__.py");
    }
    for (auto& [root, r] : roots_) r.resolve();
  }

  bool hasNodejsTop() const {
    return std::any_of(p_.entries.begin(), p_.entries.end(),
                       [](const PackageEntry& e) { return e.path.starts_with("nodejs/"); });
  }

  static bool isNodeVersionDir(std::string_view c) {
    return c.size() > 4 && c.starts_with("node") &&
           std::all_of(c.begin() + 4, c.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  }

  /// The deepest Python dependency folder holding `path`, and the index of the first
  /// component below it.
  PyRoot* pyRootOf(std::string_view path, const Components& comps, size_t& depth) {
    return findRoot(roots_, path, comps, depth);
  }
  const PyRoot* pyRootOf(std::string_view path, const Components& comps, size_t& depth) const {
    return findRoot(roots_, path, comps, depth);
  }
  template <class Roots>
  static auto findRoot(Roots& roots, std::string_view path, const Components& comps, size_t& depth)
      -> decltype(&roots.begin()->second) {
    if (roots.empty()) return nullptr;
    for (size_t d = comps.size(); d-- > 0;) {
      std::string_view root = d == 0 ? std::string_view() : prefixThrough(path, comps[d - 1]);
      if (auto it = roots.find(root); it != roots.end()) {
        depth = d;
        return &it->second;
      }
    }
    return nullptr;
  }

  Placement place(std::string_view path, const Components& comps) const {
    Placement pl;
    size_t nm = comps.size();
    for (size_t i = 0; i + 1 < comps.size(); ++i)
      if (comps[i] == "node_modules") {
        nm = i;
        break;
      }
    size_t depth = 0;
    const PyRoot* root = pyRootOf(path, comps, depth);
    const size_t last = comps.size() - 1;
    if (nm < comps.size() && (root == nullptr || nm <= depth)) {
      pl = placeNpm(path, comps, nm);
      pl.sameForFolder = pl.inside <= last;
      return pl;
    }
    if (root != nullptr) {
      const PyRoot::View c = root->lookup(path, comps, depth);
      pl.sameForFolder = depth < last && (comps[depth] != "__pycache__" || depth + 1 != last);
      pl.contributor = c.contributor;
      pl.inside = depth + 1;
      pl.topIsRoot = true;
      if (c.installed) {
        pl.where = Placement::Where::Python;
        if (c.devTool) pl.devToolUnit = prefixThrough(path, comps[depth]);
        if (c.runtimeSdk) pl.sdkName = c.contributor;
      } else {
        pl.where = Placement::Where::Own;
        pl.inside = depth;
      }
      return pl;
    }
    // The function's own files, by first component (below a Node.js layer's nodejs/nodeNN/).
    size_t first = 0;
    if (nodeLayer_ && comps[0] == "nodejs" && comps.size() >= 2) {
      first = 1;
      if (isNodeVersionDir(comps[1]) && comps.size() >= 3) first = 2;
    }
    pl.where = Placement::Where::Own;
    pl.inside = first;
    pl.topIsRoot = true;
    pl.sameForFolder = first < last;
    pl.contributor = path.substr(static_cast<size_t>(comps[first].data() - path.data()),
                                 comps[first].size() + (first + 1 < comps.size() ? 1 : 0));
    return pl;
  }

  static Placement placeNpm(std::string_view path, const Components& comps, size_t nm) {
    Placement pl;
    pl.where = Placement::Where::Npm;
    bool outermost = true;
    // Each node_modules/<name> or node_modules/@scope/<name> along the path.
    for (size_t i = nm; i + 1 < comps.size(); ++i) {
      if (comps[i] != "node_modules") continue;
      size_t j = i + 1;
      if (comps[j] == ".pnpm") { // node_modules/.pnpm/<name>@<version>/node_modules/<name>/
        size_t k = j + 1;
        while (k + 1 < comps.size() && comps[k] != "node_modules") ++k;
        if (k + 1 < comps.size() && comps[k] == "node_modules") {
          i = k - 1;
          continue;
        }
      }
      const size_t end = comps[j].starts_with('@') && j + 2 < comps.size() ? j + 2 : j + 1;
      const std::string_view folder = prefixThrough(path, comps[end - 1]);
      const std::string_view name = folder.substr(static_cast<size_t>(comps[j].data() - path.data()));
      if (outermost) pl.contributor = name;
      outermost = false;
      pl.inside = end;
      if (pl.devToolUnit.empty() && isNpmDevTool(name)) pl.devToolUnit = folder;
      if (pl.sdkName.empty() && (name.starts_with("@aws-sdk/") || name.starts_with("@smithy/") || name == "aws-sdk")) {
        pl.sdkName = name;
        pl.sdkV2 = name == "aws-sdk";
      }
      i = end - 1;
    }
    if (pl.contributor.empty()) pl.contributor = comps.back();
    return pl;
  }

  /// What the folders an entry sits in say about it: the same for every file of a folder.
  /// Each is a folder (a view with its trailing '/'), or empty.
  struct FolderKinds {
    std::string_view vcsOrCache;
    ArtifactKind vcsOrCacheKind = ArtifactKind::Code;
    std::string_view tests, docs, eggInfo;
    /// Files here are at the top of their package (or of the function): where a README.md or
    /// CHANGELOG is documentation. Deeper, such files may be data the code reads
    /// (scikit-learn's datasets/descr/*.rst).
    bool packageTop = false;
  };

  FolderKinds folderKinds(std::string_view path, const Components& comps, const Placement& pl) const {
    FolderKinds fk;
    const size_t last = comps.size() - 1;
    fk.packageTop = last == pl.inside || (pl.where == Placement::Where::Python && last + 1 == pl.inside);
    for (size_t i = 0; i < last; ++i) {
      const std::string_view c = comps[i];
      const std::string_view folder = prefixThrough(path, c);
      if (fk.vcsOrCache.empty()) {
        if (isVcsFolder(c)) {
          fk.vcsOrCache = withSlash(path, folder);
          fk.vcsOrCacheKind = ArtifactKind::Vcs;
        } else if (isCacheFolder(c) || (c == "coverage" && coverageDirs_.contains(folder))) {
          fk.vcsOrCache = withSlash(path, folder);
          fk.vcsOrCacheKind = ArtifactKind::Cache;
        }
      }
      // Test and docs folders count inside a package, or at the top of the package (or of a
      // layer): not deeper in the function's own code.
      const bool own = pl.where == Placement::Where::Own;
      if (fk.tests.empty()) {
        const bool test = c == "test" || c == "tests" || c == "__tests__" || (c == "testing" && !initDirs_.contains(folder));
        const bool counts = own ? i == pl.inside : (i >= pl.inside || (pl.topIsRoot && i + 1 == pl.inside));
        if (test && (counts || c == "__tests__")) fk.tests = withSlash(path, folder);
      }
      if (fk.docs.empty()) {
        // Only a package's top-level docs/ (a deeper doc/ may be code, as yaml's dist/doc/),
        // and not a Python package that code imports (boto3.docs, botocore.docs).
        const bool docs = c == "docs" || c == "doc" || c == "examples" || c == "example" || c == "man";
        const bool top = own ? i == pl.inside : (i == pl.inside || (pl.topIsRoot && i + 1 == pl.inside));
        if (docs && top && !initDirs_.contains(folder)) fk.docs = withSlash(path, folder);
      }
      if (fk.eggInfo.empty() && c.ends_with(".egg-info")) {
        std::optional<DistInfo> d = distInfo(c);
        if (d && !d->installed) fk.eggInfo = withSlash(path, folder);
      }
    }
    return fk;
  }

  /// The kind of an entry named `base` in its folder, and `unit`: the folder (with a trailing
  /// '/') or file it is reported as.
  ArtifactKind kindOf(std::string_view path, std::string_view base, const Placement& pl, const FolderKinds& fk,
                      std::string_view& unit) const {
    unit = path;
    if (!pl.devToolUnit.empty()) {
      unit = withSlash(path, pl.devToolUnit);
      return ArtifactKind::DevTool;
    }
    if (!fk.vcsOrCache.empty()) {
      unit = fk.vcsOrCache;
      return fk.vcsOrCacheKind;
    }
    if (base == ".eslintcache" || base == ".coverage") return ArtifactKind::Cache;
    if (isLicenseFile(base)) return ArtifactKind::Code;
    if (!fk.tests.empty()) {
      unit = fk.tests;
      return ArtifactKind::Tests;
    }
    if (isTestFile(base)) return ArtifactKind::Tests;
    if (!fk.docs.empty()) {
      unit = fk.docs;
      return ArtifactKind::Docs;
    }
    if (fk.packageTop && isDocFile(base)) return ArtifactKind::Docs;

    if (isTypeDeclaration(base) || base.ends_with(".tsbuildinfo")) return ArtifactKind::TypeSources;
    if (const std::string_view ext = extension(base); ext == ".ts" || ext == ".tsx" || ext == ".mts" || ext == ".cts") {
      std::string stem(path.substr(0, path.size() - ext.size()));
      for (std::string_view js : {".js", ".mjs", ".cjs"})
        if (paths_.contains(stem + std::string(js))) return ArtifactKind::TypeSources;
    }
    if (pl.where == Placement::Where::Own && base.starts_with("tsconfig") && base.ends_with(".json") &&
        !usesTsconfigPaths_)
      return ArtifactKind::TypeSources;
    if (isSourceMap(base)) return ArtifactKind::SourceMaps;
    if (!fk.eggInfo.empty()) {
      unit = fk.eggInfo;
      return ArtifactKind::BuildLeftover;
    }
    if (isBuildLeftoverFile(base)) return ArtifactKind::BuildLeftover;
    return ArtifactKind::Code;
  }

  /// `folder` with its trailing '/' (a view into `path`, which continues past it).
  static std::string_view withSlash(std::string_view path, std::string_view folder) {
    return path.substr(0, std::min(path.size(), folder.size() + 1));
  }

  const Package& p_;
  std::unordered_set<std::string_view> paths_;
  std::unordered_set<std::string_view> initDirs_;     // folders holding __init__.py
  std::unordered_set<std::string_view> coverageDirs_; // folders holding coverage reports
  std::map<std::string, PyRoot, std::less<>> roots_;  // Python dependency folders
  bool pythonLayer_ = false;
  bool nodeLayer_ = false;
  bool usesTsconfigPaths_ = false;
};

} // namespace

PackageAnalysis analyzePackage(const Package& p) { return Analyzer(p).run(); }

std::string formatBytes(uint64_t bytes) {
  static const std::array<const char*, 7> units{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  if (bytes < 1024) return std::to_string(bytes) + " B";
  size_t u = 0;
  auto v = static_cast<double>(bytes);
  while (v >= 1024 && u + 1 < units.size()) {
    v /= 1024;
    ++u;
  }
  std::array<char, 32> buf{};
  if (v < 99.95) {
    std::snprintf(buf.data(), buf.size(), "%.1f %s", v, units.at(u));
  } else if (v < 1023.5 || u + 1 == units.size()) {
    std::snprintf(buf.data(), buf.size(), "%.0f %s", v, units.at(u));
  } else { // rounds to 1024: the next unit
    std::snprintf(buf.data(), buf.size(), "1.0 %s", units.at(u + 1));
  }
  return buf.data();
}

} // namespace ll
