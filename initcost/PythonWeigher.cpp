// Python weighing: resolves a dotted name in the dependency folders as Python's import system
// does, and adds up the code that importing it loads.
#include "initcost/WeigherSupport.h"

#include "core/Strings.h"

namespace ll::weigherdetail {

namespace {


struct PyModule {
  bool found = false;
  bool isPackage = false;
  std::string file;                    // "" for a namespace package
  std::vector<std::string> searchPath; // a package's __path__
};

class PythonWeigher {
public:
  PythonWeigher(const Store& store, const ImportCosts& costs, const std::vector<std::string>& roots,
                const std::function<std::shared_ptr<const std::vector<PyImport>>(
                    const std::string&)>& scan)
      : store_(store), costs_(costs), roots_(roots), scan_(scan) {}

  const PyModule& resolve(const std::string& name) {
    auto it = memo_.find(name);
    if (it != memo_.end()) return it->second;
    PyModule m;
    const size_t dot = name.rfind('.');
    std::vector<std::string> dirs;
    std::string last = name;
    if (dot == std::string::npos) {
      if (!costs_.isStdlib("python", name)) dirs = roots_;
    } else {
      const PyModule& parent = resolve(name.substr(0, dot));
      if (parent.found && parent.isPackage) dirs = parent.searchPath;
      last = name.substr(dot + 1);
    }
    m = find(dirs, last);
    return memo_.emplace(name, std::move(m)).first->second;
  }

  ModuleWeight weigh(const std::string& module) {
    ModuleWeight w;
    std::vector<std::string> work{module};
    std::unordered_set<std::string> done;
    std::unordered_set<std::string> counted;
    while (!work.empty()) {
      std::string name = std::move(work.back());
      work.pop_back();
      if (!done.insert(name).second) continue;
      const size_t dot = name.rfind('.');
      if (dot != std::string::npos) work.push_back(name.substr(0, dot)); // parents run first
      const PyModule& m = resolve(name);
      if (!m.found || m.file.empty()) continue;
      std::string real = realPath(m.file);
      if (real.empty()) continue;
      const auto size = countOnce(w, counted, real);
      if (w.truncated) break;
      if (!size) continue;
      if (!hasExtension(real, ".py") || *size > kMaxScanBytes) continue;
      std::string package; // what relative imports in the module are relative to
      if (m.isPackage) package = name;
      else if (dot != std::string::npos) package = name.substr(0, dot);
      follow(*scan_(real), package, work);
    }
    return w;
  }

private:
  PyModule find(const std::vector<std::string>& dirs, const std::string& last) const {
    PyModule m;
    std::vector<std::string> portions;
    for (const std::string& dir : dirs) {
      auto l = store_.listing(dir);
      if (l->dirs.contains(last)) {
        const std::string sub = (fs::path(dir) / last).string();
        auto sl = store_.listing(sub);
        std::string init = moduleFile(*sl, "__init__");
        if (!init.empty()) {
          m.found = m.isPackage = true;
          m.file = (fs::path(sub) / init).string();
          m.searchPath = {sub};
          return m;
        }
        portions.push_back(sub);
      }
      std::string file = moduleFile(*l, last);
      if (!file.empty()) {
        m.found = true;
        m.file = (fs::path(dir) / file).string();
        return m;
      }
    }
    if (!portions.empty()) {
      m.found = m.isPackage = true;
      m.searchPath = std::move(portions);
    }
    return m;
  }

  static std::string moduleFile(const Store::Listing& l, const std::string& name) {
    const std::string prefix = name + ".";
    std::string source;
    std::string bytecode;
    for (auto it = l.files.lower_bound(prefix); it != l.files.end() && it->starts_with(prefix);
         ++it) {
      std::string_view rest = std::string_view(*it).substr(prefix.size());
      if (rest == "py") source = *it;
      else if (rest == "pyc") bytecode = *it;
      else if (rest == "so" || rest == "pyd" ||
               ((rest.ends_with(".so") || rest.ends_with(".pyd")) &&
                std::count(rest.begin(), rest.end(), '.') == 1))
        return *it; // extension modules come first in Python's finder
    }
    return source.empty() ? bytecode : source;
  }

  /// Queues what `imports` (scanned from a module of package `package`) load.
  void follow(const std::vector<PyImport>& imports, const std::string& package,
              std::vector<std::string>& work) {
    // A `try:` whose imports all resolve makes its `except` fallbacks dead code.
    std::set<int> failedTries;
    for (const PyImport& imp : imports) {
      if (imp.tryId < 0 || imp.inExcept) continue;
      for (const std::string& target : targetsOf(imp, package, /*checkOnly=*/true)) {
        if (!importable(target)) failedTries.insert(imp.tryId);
      }
    }
    for (const PyImport& imp : imports) {
      if (imp.inExcept && !failedTries.contains(imp.tryId)) continue;
      for (std::string& target : targetsOf(imp, package, /*checkOnly=*/false))
        work.push_back(std::move(target));
    }
  }

  /// Whether `name` can be imported: found in the dependency folders, or a standard library
  /// module (which the runtime has).
  bool importable(const std::string& name) {
    if (costs_.isStdlib("python", name)) return true;
    return resolve(name).found;
  }

  /// The modules an import statement loads. `checkOnly`: just the modules whose absence
  /// raises ImportError (a from-import's module, an import's names).
  std::vector<std::string> targetsOf(const PyImport& imp, const std::string& package,
                                     bool checkOnly) {
    std::vector<std::string> out;
    if (!imp.isFrom) return imp.names;
    std::string base;
    if (imp.level > 0) {
      if (package.empty()) return out; // a relative import outside a package fails
      const std::vector<std::string_view> parts = split(package, '.');
      if (size_t(imp.level - 1) >= parts.size()) return out;
      const size_t keep = parts.size() - size_t(imp.level - 1);
      for (size_t k = 0; k < keep; ++k) {
        if (k) base += '.';
        base += parts[k];
      }
      if (!imp.module.empty()) base += "." + imp.module;
    } else {
      base = imp.module;
    }
    out.push_back(base);
    if (checkOnly) return out;
    const PyModule& b = resolve(base);
    if (b.found && b.isPackage) {
      for (const std::string& n : imp.names) {
        std::string sub = base + "." + n;
        if (resolve(sub).found) out.push_back(std::move(sub));
      }
    }
    return out;
  }

  const Store& store_;
  const ImportCosts& costs_;
  const std::vector<std::string>& roots_;
  const std::function<std::shared_ptr<const std::vector<PyImport>>(const std::string&)>& scan_;
  std::unordered_map<std::string, PyModule> memo_;
};

} // namespace

std::optional<ModuleWeight> Store::weighPython(const ImportCosts& costs, const std::string& fromFile,
                                               const std::string& module) const {
  if (!isDottedName(module)) return std::nullopt;
  auto roots = pythonRootsFor(folderOf(fromFile));
  if (roots->empty()) return std::nullopt;
  std::string key = "py";
  for (const std::string& r : *roots) key += "\n" + r;
  key += '\0' + module + '\0' + std::to_string(stdlibId(costs, "python"));
  return cached(results, key, [&]() -> std::optional<ModuleWeight> {
    std::function<std::shared_ptr<const std::vector<PyImport>>(const std::string&)> scan =
        [this](const std::string& file) {
          return cached(pyScans, file, [&] {
            std::string text;
            if (!readFile(file, text)) text.clear();
            return std::make_shared<const std::vector<PyImport>>(scanPython(text));
          });
        };
    PythonWeigher pw(*this, costs, *roots, scan);
    const std::string top = module.substr(0, module.find('.'));
    if (!pw.resolve(top).found) return std::nullopt;
    ModuleWeight w = pw.weigh(module);
    if (w.files == 0) return std::nullopt;
    // Where it was found: the deepest part of the dotted name that resolves.
    std::string name = module;
    while (true) {
      const PyModule& m = pw.resolve(name);
      if (m.found) {
        w.path = m.isPackage && !m.searchPath.empty() ? m.searchPath.front() : m.file;
        break;
      }
      const size_t dot = name.rfind('.');
      if (dot == std::string::npos) break;
      name.resize(dot);
    }
    return w;
  });
}

} // namespace ll::weigherdetail
