#include "frontends/Linker.h"

#include "frontends/Registry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

namespace ll {

namespace fs = std::filesystem;

namespace {

constexpr int kMaxDepth = 8; // re-export chains followed at most this far

bool isPython(const Module& m) { return m.language == Language::Python; }
bool isCpp(const Module& m) { return m.language == Language::Cpp; }
bool isJavaScript(const Module& m) {
  return m.language == Language::JavaScript || m.language == Language::TypeScript ||
         m.language == Language::Tsx;
}

/// The callee without what the frontends add to name a made value: `mod.Repo[orders]().save`
/// -> `mod.Repo.save`.
std::string plainCallee(std::string_view callee) {
  std::string out;
  out.reserve(callee.size());
  int depth = 0;
  for (size_t i = 0; i < callee.size(); ++i) {
    const char ch = callee[i];
    if (ch == '[') ++depth;
    else if (ch == ']') depth = depth > 0 ? depth - 1 : 0;
    else if (depth == 0 && ch == '(' && i + 1 < callee.size() && callee[i + 1] == ')') ++i;
    else if (depth == 0) out += ch;
  }
  return out;
}

/// What a tsconfig.json says about module names: `compilerOptions.baseUrl` and `paths`.
struct TsConfig {
  fs::path dir;
  std::optional<fs::path> baseUrl;
  std::vector<std::pair<std::string, std::vector<std::string>>> paths;
};

std::optional<TsConfig> readTsConfig(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // tsconfig.json may have comments; one it cannot read is left alone (nothing is resolved
  // through it), never guessed at.
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false,
                                           /*ignore_comments=*/true);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  TsConfig c;
  c.dir = file.parent_path();
  auto opts = j.find("compilerOptions");
  if (opts == j.end() || !opts->is_object()) return c;
  if (auto b = opts->find("baseUrl"); b != opts->end() && b->is_string())
    c.baseUrl = (c.dir / b->get<std::string>()).lexically_normal();
  if (auto p = opts->find("paths"); p != opts->end() && p->is_object())
    for (const auto& [pattern, targets] : p->items()) {
      std::vector<std::string> ts;
      if (targets.is_array())
        for (const auto& t : targets)
          if (t.is_string()) ts.push_back(t.get<std::string>());
      c.paths.emplace_back(pattern, std::move(ts));
    }
  return c;
}

class Linker {
public:
  Linker(const std::vector<const Module*>& modules, const std::vector<char>& mayImport,
         const std::vector<std::string>& absolutePaths)
      : modules_(modules), mayImport_(mayImport) {
    for (size_t i = 0; i < modules.size(); ++i) {
      std::error_code ec;
      fs::path p = i < absolutePaths.size() ? fs::path(absolutePaths[i])
                                            : fs::absolute(modules[i]->file->path(), ec).lexically_normal();
      if (!ec) byPath_.emplace(p.string(), int(i));
      dirs_.push_back(p.parent_path());
      if (isCpp(*modules[i]))
        for (size_t f = 0; f < modules[i]->functions.size(); ++f)
          if (!modules[i]->functions[f].symbol.empty())
            bySymbol_[modules[i]->functions[f].symbol].push_back({int(i), int(f)});
    }
  }

  std::vector<std::vector<int>> imports() const {
    std::vector<std::vector<int>> out(modules_.size());
    for (size_t mi = 0; mi < modules_.size(); ++mi) {
      const Module& m = *modules_[mi];
      out[mi].assign(m.imports.size(), -1);
      if (!mayImport(mi)) continue;
      for (size_t i = 0; i < m.imports.size(); ++i) {
        const Import& imp = m.imports[i];
        if (imp.typeOnly) continue;
        int t = -1;
        if (isPython(m)) {
          if (!imp.name.empty()) {
            const bool onlyDots = imp.module.find_first_not_of('.') == std::string::npos;
            t = pythonModule(int(mi), onlyDots ? imp.module + imp.name : imp.module + "." + imp.name);
          }
          if (t < 0) t = pythonModule(int(mi), imp.module);
        } else if (isJavaScript(m)) {
          t = jsModule(int(mi), imp.module);
        }
        if (t != int(mi)) out[mi][i] = t;
      }
    }
    return out;
  }

  ProjectLinks entries() const {
    ProjectLinks out(modules_.size());
    for (size_t mi = 0; mi < modules_.size(); ++mi) {
      const Module& m = *modules_[mi];
      out[mi].resize(m.importedEntries.size());
      if (!mayImport(mi)) continue;
      for (size_t k = 0; k < m.importedEntries.size(); ++k) {
        FunctionRef r = resolveCallee(int(mi), plainCallee(m.importedEntries[k].callee), 0);
        if (r && r.module != int(mi)) out[mi][k] = r;
      }
    }
    return out;
  }

  ProjectLinks link() const {
    ProjectLinks links(modules_.size());
    for (size_t mi = 0; mi < modules_.size(); ++mi) {
      const Module& m = *modules_[mi];
      links[mi].resize(m.calls.size());
      if (!mayImport(mi)) continue;
      for (size_t ci = 0; ci < m.calls.size(); ++ci) {
        const Call& c = m.calls[ci];
        if (c.target >= 0) continue;
        if (!c.calleeSymbol.empty()) {
          links[mi][ci] = definitionOf(int(mi), c.calleeSymbol);
          continue;
        }
        if (c.callee.empty()) continue;
        FunctionRef r = resolveCallee(int(mi), plainCallee(c.callee), 0);
        if (r && r.module != int(mi)) links[mi][ci] = r;
      }
    }
    return links;
  }

private:
  bool mayImport(size_t mi) const { return mi >= mayImport_.size() || mayImport_[mi] != 0; }

  /// The definition of the function a C++ call names by USR, in another translation unit of
  /// the run. Several definitions (one per program of a repository that builds many) are told
  /// apart by folder: the one in the caller's folder, or else the one in the folder nearest
  /// above or below it; none when that still leaves more than one.
  FunctionRef definitionOf(int mi, const std::string& symbol) const {
    auto it = bySymbol_.find(symbol);
    if (it == bySymbol_.end()) return {};
    std::vector<FunctionRef> defs;
    for (const FunctionRef& r : it->second)
      if (r.module != mi) defs.push_back(r);
    if (defs.size() <= 1) return defs.empty() ? FunctionRef{} : defs.front();
    // The definitions sharing the longest folder prefix with the caller.
    auto shared = [&](const FunctionRef& r) {
      const fs::path& a = dirs_[mi];
      const fs::path& b = dirs_[r.module];
      size_t n = 0;
      for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end() && *x == *y; ++x, ++y) ++n;
      return n;
    };
    size_t best = 0, count = 0;
    FunctionRef pick;
    for (const FunctionRef& r : defs) {
      const size_t n = shared(r);
      if (n > best) {
        best = n;
        count = 1;
        pick = r;
      } else if (n == best) {
        ++count;
      }
    }
    return count == 1 ? pick : FunctionRef{};
  }

  int moduleAt(const fs::path& p) const {
    auto it = byPath_.find(p.lexically_normal().string());
    return it == byPath_.end() ? -1 : it->second;
  }

  /// A top-level function (or method, `Class.method`) of module `mi` by qualified name; a
  /// class's name reaches its constructor.
  FunctionRef functionNamed(int mi, const std::string& name) const {
    const Module& m = *modules_[mi];
    const std::string ctor = name + (isPython(m) ? ".__init__" : ".constructor");
    int found = -1, constructor = -1;
    for (size_t f = 0; f < m.functions.size(); ++f) {
      const Function& fn = m.functions[f];
      if (fn.parent >= 0) continue;
      if (fn.qualifiedName == name) found = int(f);
      else if (fn.qualifiedName == ctor) constructor = int(f);
    }
    if (found >= 0) return {mi, found};
    if (constructor >= 0) return {mi, constructor};
    return {};
  }

  FunctionRef resolveCallee(int mi, const std::string& callee, int depth) const {
    if (depth > kMaxDepth || callee.empty()) return {};
    const Module& m = *modules_[mi];
    if (isPython(m)) return resolvePython(mi, callee, depth);
    if (isJavaScript(m)) return resolveJs(mi, callee, depth);
    return {};
  }

  // ---- Python ------------------------------------------------------------------------------

  /// The module file a dotted module name (with leading dots when relative) names, as seen from
  /// module `mi`: `pkg/mod.py` or `pkg/mod/__init__.py`, looked up from the file's folder and
  /// each folder above it (absolute imports), or from the file's package (relative ones).
  int pythonModule(int mi, std::string_view dotted) const {
    // Many files of a folder import the same names: one lookup per folder and name.
    std::string key = dirs_[mi].native();
    key += '\0';
    key += dotted;
    if (auto it = pyModuleCache_.find(key); it != pyModuleCache_.end()) return it->second;
    const int found = pythonModuleUncached(mi, dotted);
    pyModuleCache_.emplace(std::move(key), found);
    return found;
  }

  int pythonModuleUncached(int mi, std::string_view dotted) const {
    size_t dots = 0;
    while (dots < dotted.size() && dotted[dots] == '.') ++dots;
    fs::path rel;
    std::string_view rest = dotted.substr(dots);
    while (!rest.empty()) {
      const size_t d = rest.find('.');
      rel /= std::string(rest.substr(0, d));
      rest = d == std::string_view::npos ? std::string_view() : rest.substr(d + 1);
    }
    auto at = [&](const fs::path& base) -> int {
      if (rel.empty()) return moduleAt(base / "__init__.py");
      fs::path file = base / rel;
      file += ".py";
      if (int t = moduleAt(file); t >= 0) return t;
      return moduleAt(base / rel / "__init__.py");
    };
    fs::path base = dirs_[mi];
    if (dots > 0) {
      for (size_t i = 1; i < dots; ++i) base = base.parent_path();
      return at(base);
    }
    if (rel.empty()) return -1;
    for (int up = 0; up < 16; ++up) {
      if (int t = at(base); t >= 0) return t;
      // A deployment package's files import from the package's root, never from beside it.
      if (!base.has_relative_path() || base.extension() == ".zip") break;
      base = base.parent_path();
    }
    return -1;
  }

  FunctionRef resolvePython(int mi, const std::string& callee, int depth) const {
    const Module& m = *modules_[mi];
    // The import the callee goes through: the longest whose canonical name prefixes it.
    const Import* best = nullptr;
    size_t bestLen = 0;
    const std::vector<std::string>& canonicals = canonicalsOf(mi);
    for (size_t i = 0; i < m.imports.size(); ++i) {
      const Import& imp = m.imports[i];
      if (imp.typeOnly) continue;
      const std::string& b = canonicals[i];
      if (b.size() <= bestLen) continue;
      if (callee == b || (callee.size() > b.size() && callee.starts_with(b) && callee[b.size()] == '.')) {
        best = &imp;
        bestLen = b.size();
      }
    }
    if (!best) return {};
    std::string rest = callee.size() > bestLen ? callee.substr(bestLen + 1) : std::string();
    auto join = [](const std::string& a, const std::string& b) {
      return b.empty() ? a : a.empty() ? b : a + "." + b;
    };
    if (!best->name.empty()) {
      // `from pkg import mod`: a submodule when there is one, else a name in pkg.
      const bool onlyDots = best->module.find_first_not_of('.') == std::string::npos;
      const std::string sub = onlyDots ? best->module + best->name : best->module + "." + best->name;
      if (int t = pythonModule(mi, sub); t >= 0 && t != mi) {
        if (rest.empty()) return {};
        return memberOfPython(t, rest, depth);
      }
      if (int t = pythonModule(mi, best->module); t >= 0 && t != mi)
        return memberOfPython(t, join(best->name, rest), depth);
      return {};
    }
    // `import pkg.mod`: the callee spells the whole dotted path; find the longest module prefix.
    std::string mod = best->module;
    for (;;) {
      if (int t = pythonModule(mi, mod); t >= 0 && t != mi) return rest.empty() ? FunctionRef{} : memberOfPython(t, rest, depth);
      // `import pkg` then `pkg.mod.f()`: the callee may name a submodule the import did not.
      const size_t d = rest.find('.');
      if (d == std::string::npos) return {};
      mod += "." + rest.substr(0, d);
      rest = rest.substr(d + 1);
    }
  }

  /// `member` ("save", "Repo", "Repo.save") of module `t`: defined there, or a name the module
  /// imports (a package's `__init__.py` re-exporting from its submodules).
  FunctionRef memberOfPython(int t, const std::string& member, int depth) const {
    if (FunctionRef r = functionNamed(t, member)) return r;
    const std::string first = member.substr(0, member.find('.'));
    const std::string rest = first.size() < member.size() ? member.substr(first.size() + 1) : "";
    for (const Import& imp : modules_[t]->imports)
      if (imp.function < 0 && !imp.typeOnly && imp.local == first)
        return resolveCallee(t, rest.empty() ? imp.canonical() : imp.canonical() + "." + rest, depth + 1);
    return {};
  }

  // ---- JavaScript / TypeScript -------------------------------------------------------------

  /// The tsconfig.json nearest above `dir`, or null; read once per folder.
  const TsConfig* tsConfigFor(const fs::path& dir) const {
    auto it = tsconfigs_.find(dir.string());
    if (it != tsconfigs_.end()) return it->second.get();
    const TsConfig* found = nullptr;
    std::error_code ec;
    if (fs::is_regular_file(dir / "tsconfig.json", ec)) {
      if (auto c = readTsConfig(dir / "tsconfig.json")) {
        auto owned = std::make_unique<TsConfig>(std::move(*c));
        found = owned.get();
        tsconfigs_.emplace(dir.string(), std::move(owned));
        return found;
      }
    } else if (dir.has_relative_path() && dir.parent_path() != dir) {
      found = tsConfigFor(dir.parent_path());
    }
    tsconfigs_.emplace(dir.string(), found ? std::make_unique<TsConfig>(*found) : nullptr);
    return found;
  }

  /// The file a specifier names from module `mi`: a relative one, or one that the nearest
  /// tsconfig.json maps (`paths`, then `baseUrl`).
  int jsModule(int mi, const std::string& spec) const {
    // Every callee of a file asks (`console.log`, `@aws-sdk/client-s3:S3Client`): one lookup
    // per folder and specifier.
    std::string key = dirs_[mi].native();
    key += '\0';
    key += spec;
    if (auto it = jsModuleCache_.find(key); it != jsModuleCache_.end()) return it->second;
    const int found = jsModuleUncached(mi, spec);
    jsModuleCache_.emplace(std::move(key), found);
    return found;
  }

  int jsModuleUncached(int mi, const std::string& spec) const {
    if (spec.starts_with("./") || spec.starts_with("../") || spec == "." || spec == "..")
      return jsFile((dirs_[mi] / spec).lexically_normal());
    if (spec.empty() || spec.starts_with("/") || spec.starts_with("node:")) return -1;
    const TsConfig* tc = tsConfigFor(dirs_[mi]);
    if (!tc) return -1;
    const fs::path root = tc->baseUrl ? *tc->baseUrl : tc->dir;
    for (const auto& [pattern, targets] : tc->paths) {
      const size_t star = pattern.find('*');
      std::string captured;
      if (star == std::string::npos) {
        if (spec != pattern) continue;
      } else {
        const std::string pre = pattern.substr(0, star), post = pattern.substr(star + 1);
        if (spec.size() < pre.size() + post.size() || !spec.starts_with(pre) || !spec.ends_with(post))
          continue;
        captured = spec.substr(pre.size(), spec.size() - pre.size() - post.size());
      }
      for (std::string target : targets) {
        if (const size_t s = target.find('*'); s != std::string::npos) target.replace(s, 1, captured);
        if (int t = jsFile((root / target).lexically_normal()); t >= 0) return t;
      }
    }
    if (tc->baseUrl) return jsFile((*tc->baseUrl / spec).lexically_normal());
    return -1;
  }

  /// The module at `base`: the file itself, with an extension, or the folder's index.
  int jsFile(const fs::path& base) const {
    static constexpr std::array<const char*, 8> kExts = {".js", ".mjs", ".cjs", ".ts",
                                                         ".tsx", ".jsx", ".mts", ".cts"};
    const std::string ext = base.extension().string();
    for (const char* e : kExts)
      if (ext == e) {
        if (int t = moduleAt(base); t >= 0) return t;
        // TypeScript sources import `./x.js` for `./x.ts`.
        for (const char* ts : {".ts", ".tsx", ".mts", ".cts"}) {
          fs::path p = base;
          p.replace_extension(ts);
          if (int t = moduleAt(p); t >= 0) return t;
        }
        return -1;
      }
    for (const char* e : kExts) {
      fs::path p = base;
      p += e;
      if (int t = moduleAt(p); t >= 0) return t;
    }
    for (const char* e : kExts)
      if (int t = moduleAt(base / (std::string("index") + e)); t >= 0) return t;
    return -1;
  }

  FunctionRef resolveJs(int mi, const std::string& callee, int depth) const {
    // `./repo:save.more` (a named export and what follows) or `./repo` (the module itself:
    // its default export).
    const size_t colon = callee.find(':');
    if (colon != std::string::npos) {
      const int t = jsModule(mi, callee.substr(0, colon));
      if (t < 0 || t == mi) return {};
      return memberOfJs(t, callee.substr(colon + 1), depth);
    }
    if (int t = jsModule(mi, callee); t >= 0) return t == mi ? FunctionRef{} : memberOfJs(t, "", depth);
    // `new Repo()` of a default import, then `r.save()`: `./lib/repo.save`, a member of the
    // default export. The specifier ends at one of the dots after its last slash.
    const size_t slash = callee.rfind('/');
    for (size_t dot = callee.find('.', slash == std::string::npos ? 0 : slash); dot != std::string::npos;
         dot = callee.find('.', dot + 1)) {
      const int t = jsModule(mi, callee.substr(0, dot));
      if (t < 0) continue;
      return t == mi ? FunctionRef{} : memberOfJs(t, "default." + callee.substr(dot + 1), depth);
    }
    return {};
  }

  FunctionRef memberOfJs(int t, const std::string& member, int depth) const {
    const Module& m = *modules_[t];
    const std::string name = member.empty() ? "default" : member.substr(0, member.find('.'));
    const std::string rest = member.size() > name.size() && !member.empty() ? member.substr(name.size() + 1) : "";
    for (const Export& e : m.exports) {
      if (e.name != name) continue;
      if (e.reexport) {
        // `./impl:save` (a name) or `./impl` (the module as a namespace).
        const bool named = e.local.find(':') != std::string::npos;
        std::string next = e.local;
        if (!rest.empty()) next += (named ? "." : ":") + rest;
        return resolveCallee(t, next, depth + 1);
      }
      if (rest.empty()) return e.function >= 0 ? FunctionRef{t, e.function} : FunctionRef{};
      return functionNamed(t, e.local + "." + rest);
    }
    // `module.exports = { save }` reads as named exports; `export * from './impl'` re-exports.
    for (const Export& e : m.exports)
      if (e.name == "*" && e.reexport && !member.empty())
        if (FunctionRef r = resolveCallee(t, e.local + ":" + member, depth + 1)) return r;
    return {};
  }

  const std::vector<const Module*>& modules_;
  const std::vector<char>& mayImport_;
  std::unordered_map<std::string, int> byPath_;
  std::unordered_map<std::string, std::vector<FunctionRef>> bySymbol_;
  std::vector<fs::path> dirs_;
  mutable std::unordered_map<std::string, std::unique_ptr<TsConfig>> tsconfigs_;
  mutable std::unordered_map<std::string, int> pyModuleCache_;
  mutable std::unordered_map<std::string, int> jsModuleCache_;
  mutable std::vector<std::vector<std::string>> canonicals_;

  /// Import::canonical() of each import of module `mi`, made once.
  const std::vector<std::string>& canonicalsOf(int mi) const {
    if (canonicals_.empty()) canonicals_.resize(modules_.size());
    std::vector<std::string>& c = canonicals_[size_t(mi)];
    if (c.empty() && !modules_[mi]->imports.empty())
      for (const Import& imp : modules_[mi]->imports) c.push_back(imp.canonical());
    return c;
  }
};

} // namespace

ImportableNames importableNames(const std::vector<std::string>& paths) {
  ImportableNames names;
  std::unordered_set<std::string> folders;
  // Per folder: whether the nearest tsconfig.json at or above it maps bare names.
  std::unordered_map<std::string, bool> mapped;
  std::function<bool(const fs::path&)> mapsNames = [&](const fs::path& dir) -> bool {
    if (auto it = mapped.find(dir.string()); it != mapped.end()) return it->second;
    bool maps = false;
    std::error_code ec;
    if (fs::is_regular_file(dir / "tsconfig.json", ec)) {
      // One that cannot be read maps nothing, as the linker reads it.
      const std::optional<TsConfig> c = readTsConfig(dir / "tsconfig.json");
      maps = c && (c->baseUrl || !c->paths.empty());
    } else if (dir.has_relative_path() && dir.parent_path() != dir) {
      maps = mapsNames(dir.parent_path());
    }
    mapped.emplace(dir.string(), maps);
    return maps;
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::path p = fs::absolute(path, ec).lexically_normal();
    const std::optional<Language> language = languageForPath(path);
    if (language == Language::Python) {
      names.python.insert(p.stem().string());
      for (fs::path dir = p.parent_path(); dir.has_filename(); dir = dir.parent_path()) {
        if (!folders.insert(dir.string()).second) break; // its parents are in already
        names.python.insert(dir.filename().string());
      }
    } else if (language == Language::JavaScript || language == Language::TypeScript ||
               language == Language::Tsx) {
      if (mapsNames(p.parent_path())) names.mappedFolders.insert(p.parent_path().string());
    }
  }
  return names;
}

bool mayImportProject(const Module& m, const ImportableNames& names) {
  const bool mapped = isJavaScript(m) && !names.mappedFolders.empty() && [&] {
    std::error_code ec;
    const fs::path dir = fs::absolute(m.file->path(), ec).lexically_normal().parent_path();
    return names.mappedFolders.contains(dir.string());
  }();
  if (isCpp(m))
    return std::ranges::any_of(m.calls, [](const Call& c) { return !c.calleeSymbol.empty(); });
  return std::ranges::any_of(m.imports, [&](const Import& imp) {
    if (imp.typeOnly || imp.module.empty()) return false;
    if (imp.module.front() == '.') return true; // relative: `.lib`, `./repo`, `../x`
    if (isPython(m) && names.python.contains(imp.module.substr(0, imp.module.find('.')))) return true;
    return mapped && !imp.module.starts_with("node:");
  });
}

ProjectLinkage linkModules(const std::vector<const Module*>& modules, const std::vector<char>& mayImport,
                           const std::vector<std::string>& absolutePaths) {
  const Linker linker(modules, mayImport, absolutePaths);
  return {linker.link(), linker.imports(), linker.entries()};
}

} // namespace ll
