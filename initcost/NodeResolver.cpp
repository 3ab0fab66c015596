// JavaScript weighing: Node.js module resolution (node_modules chains, package.json `main`,
// `exports` and `imports`) and the code that requiring a module loads.
#include "initcost/WeigherSupport.h"

#include "core/Strings.h"

namespace ll::weigherdetail {

namespace {


class JavaScriptWeigher {
public:
  JavaScriptWeigher(const Store& store, const ImportCosts& costs, std::vector<std::string> extraRoots)
      : store_(store), costs_(costs), extraRoots_(std::move(extraRoots)) {}

  /// Resolves a bare specifier through `roots` (node_modules folders, nearest first). Returns
  /// the real path of the file, or "".
  std::string resolveBare(const std::string& spec, const std::vector<std::string>& roots) {
    std::string name;
    std::string subpath;
    if (!splitSpecifier(spec, name, subpath)) return {};
    for (const std::string& nm : roots) {
      const fs::path pkg = fs::path(nm) / name;
      if (!isDirectory(pkg)) continue;
      std::string file = resolveInPackage(pkg, subpath);
      if (!file.empty()) return file;
    }
    return {};
  }

  /// Resolves a specifier found in `file` (relative, bare, or a package-internal `#import`).
  std::string resolveFrom(const std::string& spec, const fs::path& dir) {
    if (isRelativeSpecifier(spec)) {
      std::string s = spec == "." || spec == ".." ? spec + "/" : spec;
      fs::path p = s.starts_with("/") ? fs::path(s) : dir / s;
      return loadAsFileOrDirectory(p.lexically_normal());
    }
    if (spec.starts_with("#")) return resolveImportsField(spec, dir);
    if (isNodeBuiltin(spec, costs_)) return {};
    return resolveBare(spec, dependencyRoots(dir));
  }

  ModuleWeight weigh(const std::string& entry,
                     const std::function<std::shared_ptr<const std::vector<std::string>>(
                         const std::string&)>& scan) {
    ModuleWeight w;
    std::vector<std::string> work{entry};
    std::unordered_set<std::string> counted;
    while (!work.empty()) {
      std::string file = std::move(work.back());
      work.pop_back();
      const auto size = countOnce(w, counted, file);
      if (w.truncated) break;
      if (!size) continue;
      if (*size > kMaxScanBytes ||
          !(hasExtension(file, ".js") || hasExtension(file, ".cjs") || hasExtension(file, ".mjs")))
        continue;
      const fs::path dir = fs::path(file).parent_path();
      for (const std::string& spec : *scan(file)) {
        std::string target = resolveFrom(spec, dir);
        if (!target.empty() && !counted.contains(target)) work.push_back(std::move(target));
      }
    }
    return w;
  }

private:
  static bool splitSpecifier(const std::string& spec, std::string& name, std::string& subpath) {
    if (spec.empty() || spec.front() == '.' || spec.front() == '/' || spec.front() == '#' ||
        spec.find('\\') != std::string::npos || spec.find('\0') != std::string::npos)
      return false;
    size_t slash = spec.find('/');
    if (spec.front() == '@') {
      if (slash == std::string::npos || slash == 1) return false;
      slash = spec.find('/', slash + 1);
    }
    name = spec.substr(0, slash);
    subpath = slash == std::string::npos ? "" : spec.substr(slash);
    const std::vector<std::string_view> parts = split(name, '/');
    return std::none_of(parts.begin(), parts.end(), [](std::string_view p) {
      return p.empty() || p == "." || p == "..";
    }) && subpath.find("/../") == std::string::npos && !subpath.ends_with("/..");
  }

  std::vector<std::string> dependencyRoots(const fs::path& dir) {
    auto it = rootsMemo_.find(dir.string());
    if (it != rootsMemo_.end()) return it->second;
    std::vector<std::string> roots = *store_.nodeChain(dir, kDependencyLevels);
    for (const std::string& r : extraRoots_)
      if (std::find(roots.begin(), roots.end(), r) == roots.end()) roots.push_back(r);
    return rootsMemo_.emplace(dir.string(), std::move(roots)).first->second;
  }

  std::string resolveInPackage(const fs::path& pkg, const std::string& subpath) {
    auto pj = store_.packageJson(pkg.string());
    if (pj) {
      auto ex = pj->find("exports");
      if (ex != pj->end() && !ex->is_null()) {
        std::string file = resolveExports(*ex, "." + subpath, pkg);
        if (!file.empty()) return file;
      }
    }
    if (!subpath.empty()) return loadAsFileOrDirectory((pkg / subpath.substr(1)).lexically_normal());
    return loadAsDirectory(pkg);
  }

  /// `exports` of package `pkg` for the subpath "." or "./x".
  std::string resolveExports(const Json& exports, const std::string& sub, const fs::path& pkg) {
    bool subpathMap = false;
    if (exports.is_object())
      for (const auto& kv : exports.items()) subpathMap = subpathMap || kv.key().starts_with(".");
    if (!subpathMap) return sub == "." ? resolveTarget(exports, pkg, "", false, 0) : "";
    return resolveMapped(exports, sub, pkg, false);
  }

  /// A subpath map (`exports` with "./x" keys, or `imports` with "#x" keys): an exact key, or
  /// the pattern with one `*` and the longest prefix that matches.
  std::string resolveMapped(const Json& map, const std::string& key, const fs::path& pkg,
                            bool allowBare) {
    auto exact = map.find(key);
    if (exact != map.end()) return resolveTarget(*exact, pkg, "", allowBare, 0);
    const Json* best = nullptr;
    size_t bestPrefix = 0;
    std::string star;
    for (const auto& kv : map.items()) {
      const std::string& k = kv.key();
      const size_t s = k.find('*');
      if (s == std::string::npos || k.find('*', s + 1) != std::string::npos) continue;
      const std::string_view prefix = std::string_view(k).substr(0, s);
      const std::string_view suffix = std::string_view(k).substr(s + 1);
      if (key.size() < prefix.size() + suffix.size() || !key.starts_with(prefix) ||
          !key.ends_with(suffix))
        continue;
      if (best && prefix.size() <= bestPrefix) continue;
      best = &kv.value();
      bestPrefix = prefix.size();
      star = key.substr(prefix.size(), key.size() - prefix.size() - suffix.size());
    }
    return best ? resolveTarget(*best, pkg, star, allowBare, 0) : "";
  }

  /// An exports/imports target: a "./file" string (with `*` replaced), an array of
  /// alternatives, or an object of conditions (Node's require conditions in the object's
  /// order, then `import`).
  std::string resolveTarget(const Json& t, const fs::path& pkg, const std::string& star,
                            bool allowBare, int depth) {
    if (depth > 32) return {};
    if (t.is_string()) {
      std::string s = t.get<std::string>();
      for (size_t p = s.find('*'); p != std::string::npos; p = s.find('*', p + star.size()))
        s.replace(p, 1, star);
      if (s.starts_with("./")) {
        const fs::path p = (pkg / s.substr(2)).lexically_normal();
        if (!isUnder(p, pkg)) return {};
        return loadAsFileOrDirectory(p);
      }
      if (allowBare && !isRelativeSpecifier(s) && !s.starts_with("#")) {
        if (isNodeBuiltin(s, costs_)) return {};
        return resolveBare(s, dependencyRoots(pkg));
      }
      return {};
    }
    if (t.is_array()) {
      for (const Json& e : t) {
        std::string r = resolveTarget(e, pkg, star, allowBare, depth + 1);
        if (!r.empty()) return r;
      }
      return {};
    }
    if (!t.is_object()) return {};
    for (const auto& kv : t.items()) {
      if (kv.key() == "require" || kv.key() == "node" || kv.key() == "module-sync" ||
          kv.key() == "default") {
        std::string r = resolveTarget(kv.value(), pkg, star, allowBare, depth + 1);
        if (!r.empty()) return r;
      }
    }
    auto imp = t.find("import");
    if (imp != t.end()) return resolveTarget(*imp, pkg, star, allowBare, depth + 1);
    return {};
  }

  static bool isUnder(const fs::path& p, const fs::path& dir) {
    const std::string ps = p.string();
    const std::string ds = dir.lexically_normal().string();
    return ps.size() > ds.size() && ps.starts_with(ds) && ps[ds.size()] == '/';
  }

  /// `#name` through the `imports` field of the nearest package.json above `dir`.
  std::string resolveImportsField(const std::string& spec, const fs::path& dir) {
    fs::path d = dir;
    for (int level = 0; level < kDependencyLevels; ++level) {
      auto pj = store_.packageJson(d.string());
      if (pj) {
        auto im = pj->find("imports");
        if (im == pj->end() || !im->is_object()) return {};
        return resolveMapped(*im, spec, d, /*allowBare=*/true);
      }
      if (d.filename() == "node_modules") return {};
      fs::path parent = d.parent_path();
      if (parent.empty() || parent == d) break;
      d = std::move(parent);
    }
    return {};
  }

  std::string loadAsFileOrDirectory(const fs::path& p) {
    std::string f = loadAsFile(p);
    return f.empty() ? loadAsDirectory(p) : f;
  }

  static std::string loadAsFile(const fs::path& p) {
    if (p.filename().empty()) return {};
    if (isRegularFile(p)) return realPath(p);
    for (const char* ext : {".js", ".cjs", ".mjs", ".json", ".node"}) {
      fs::path q = p;
      q += ext;
      if (isRegularFile(q)) return realPath(q);
    }
    return {};
  }

  static std::string loadIndex(const fs::path& p) {
    for (const char* index : {"index.js", "index.json", "index.node"})
      if (isRegularFile(p / index)) return realPath(p / index);
    return {};
  }

  std::string loadAsDirectory(const fs::path& p) {
    if (!isDirectory(p)) return {};
    if (auto pj = store_.packageJson(p.string())) {
      auto main = pj->find("main");
      if (main != pj->end() && main->is_string() && !main->get<std::string>().empty()) {
        const fs::path m = (p / main->get<std::string>()).lexically_normal();
        std::string f = loadAsFile(m);
        if (f.empty()) f = loadIndex(m);
        if (!f.empty()) return f;
      }
    }
    return loadIndex(p);
  }

  const Store& store_;
  const ImportCosts& costs_;
  std::vector<std::string> extraRoots_;
  std::unordered_map<std::string, std::vector<std::string>> rootsMemo_;
};

} // namespace

std::optional<ModuleWeight>
Store::weighJavaScript(const ImportCosts& costs, const std::string& fromFile,
                       const std::string& module) const {
  if (module.empty() || isRelativeSpecifier(module) || isNodeBuiltin(module, costs))
    return std::nullopt;
  const Roots extra = packageNodeModules();
  Roots roots = extra;
  for (const std::string& nm : *nodeChain(folderOf(fromFile), kHandlerLevels))
    if (std::find(roots.begin(), roots.end(), nm) == roots.end()) roots.push_back(nm);
  if (roots.empty()) return std::nullopt;
  JavaScriptWeigher jw(*this, costs, extra);
  const std::string entry = jw.resolveBare(module, roots);
  if (entry.empty()) return std::nullopt;
  return cached(results, "js\n" + entry + '\0' + std::to_string(stdlibId(costs, "javascript")), [&]() -> std::optional<ModuleWeight> {
    std::function<std::shared_ptr<const std::vector<std::string>>(const std::string&)> scan =
        [this](const std::string& file) {
          return cached(jsScans, file, [&] {
            std::string text;
            if (!readFile(file, text)) text.clear();
            return std::make_shared<const std::vector<std::string>>(scanJavaScript(text));
          });
        };
    ModuleWeight w = jw.weigh(entry, scan);
    if (w.files == 0) return std::nullopt;
    w.path = entry;
    return w;
  });
}

} // namespace ll::weigherdetail
