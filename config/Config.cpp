// .lambda-lint.yaml: reading, validating (every error names its line and column), finding the
// one that applies to a path, and combining it with the command line.
#include "config/Config.h"

#include "core/Glob.h"
#include "initcost/PackageWeigher.h"
#include "core/Source.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>

namespace ll {

namespace fs = std::filesystem;

namespace {

std::string where(const std::string& origin, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.line < 0) return origin;
  return origin + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

[[noreturn]] void fail(const std::string& origin, const YAML::Node& n, const std::string& what) {
  throw std::runtime_error(where(origin, n) + ": " + what);
}

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

/// " (did you mean 'x'?)" for the closest of `candidates`, when close enough.
std::string suggestion(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t bestDistance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    size_t d = editDistance(word, c);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::vector<std::string> ruleIds() {
  std::vector<std::string> ids;
  for (const auto& c : allChecks()) ids.emplace_back(c->info().id);
  return ids;
}

/// Checks the keys of a mapping against `known`; a duplicate or unknown key is an error.
void checkKeys(const std::string& origin, const YAML::Node& map, const std::vector<std::string>& known,
               std::string_view what) {
  std::set<std::string> seen;
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) fail(origin, kv.first, "a key of " + std::string(what) + " is a name");
    const auto key = kv.first.as<std::string>();
    if (!seen.insert(key).second) fail(origin, kv.first, "'" + key + "' is given twice");
    if (std::find(known.begin(), known.end(), key) == known.end())
      fail(origin, kv.first, "unknown key '" + key + "' in " + std::string(what) + suggestion(key, known) +
                                 "; known keys: " + joined(known));
  }
}

std::string scalar(const std::string& origin, const YAML::Node& n, std::string_view what) {
  if (!n.IsScalar()) fail(origin, n, std::string(what) + " is a string");
  return n.as<std::string>();
}

std::vector<YAML::Node> sequence(const std::string& origin, const YAML::Node& n,
                                       std::string_view what) {
  if (n.IsNull()) return {};
  if (!n.IsSequence()) fail(origin, n, std::string(what) + " is a list");
  std::vector<YAML::Node> out;
  for (const auto& item : n) out.push_back(item);
  return out;
}

/// A rule id, or a glob over rule ids that matches at least one rule.
std::string ruleSelector(const std::string& origin, const YAML::Node& n) {
  std::string id = scalar(origin, n, "a rule");
  if (id.find('*') != std::string::npos) {
    const auto ids = ruleIds();
    if (std::none_of(ids.begin(), ids.end(), [&](const std::string& r) { return globMatch(id, r); }))
      fail(origin, n, "'" + id + "' matches no rule (see lambda-lint --list-rules)");
    return id;
  }
  if (!findCheck(id))
    fail(origin, n, "unknown rule '" + id + "'" + suggestion(id, ruleIds()) +
                        " (see lambda-lint --list-rules)");
  return id;
}

double number(const std::string& origin, const YAML::Node& n, std::string_view what) {
  const std::string text = scalar(origin, n, what);
  try {
    size_t used = 0;
    double v = std::stod(text, &used);
    if (used != text.size() || !(v >= 0) || v > 1e12) throw std::invalid_argument(text);
    return v;
  } catch (const std::exception&) {
    fail(origin, n, std::string(what) + " is a non-negative number, got '" + text + "'");
  }
}

/// A share of the package quotas: 0.8, 80%, or 80.
double share(const std::string& origin, const YAML::Node& n) {
  std::string text = scalar(origin, n, "'package'");
  const std::string given = text;
  try {
    const bool percent = !text.empty() && text.back() == '%';
    if (percent) text.pop_back();
    size_t used = 0;
    double v = std::stod(text, &used);
    if (used != text.size()) throw std::invalid_argument(text);
    if (percent || v > 1) v /= 100;
    if (!(v > 0) || v > 1) throw std::invalid_argument(text);
    return v;
  } catch (const std::exception&) {
    fail(origin, n, "'package' is a share of the quotas such as 0.8 or 80%, got '" + given + "'");
  }
}

PathPattern pathPattern(const std::string& origin, const YAML::Node& n, const fs::path& base) {
  std::string p = scalar(origin, n, "a path pattern");
  if (p.rfind("./", 0) == 0) p = p.substr(2);
  if (const char* why = pathGlobError(p)) fail(origin, n, "bad path pattern '" + p + "': " + why);
  return {p, base};
}

Level levelFrom(const std::string& origin, const YAML::Node& n) {
  const std::string v = scalar(origin, n, "a severity");
  if (v == "error") return Level::Error;
  if (v == "warning") return Level::Warning;
  if (v == "note") return Level::Note;
  fail(origin, n, "a severity is error, warning or note, got '" + v + "'");
}

fs::path absoluteNormal(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

bool isRegularFile(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

} // namespace

bool PathPattern::matches(const fs::path& absolute, bool isDirectory) const {
  const fs::path rel = absolute.lexically_relative(base);
  if (rel.empty() || rel == ".") return false;
  const std::string s = rel.generic_string();
  if (s == ".." || s.rfind("../", 0) == 0) return false; // not below the configuration's folder
  return pathGlobMatch(pattern, s, isDirectory);
}

ConfigFile ConfigFile::parse(const std::string& yaml, const std::string& path) {
  ConfigFile c;
  c.path = path;
  const fs::path base = absoluteNormal(path).parent_path();
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(path + ":" + std::to_string(e.mark.line + 1) + ":" +
                             std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  if (!root || root.IsNull()) return c;
  if (!root.IsMap()) fail(path, root, "a configuration is a mapping (select:, ignore:, ...)");
  checkKeys(path, root,
            {"inherit", "select", "ignore", "severity", "exclude", "per-path-ignores", "handlers",
             "budgets", "catalogue"},
            "the configuration");
  for (const auto& kv : root) {
    const auto key = kv.first.as<std::string>();
    const YAML::Node& v = kv.second;
    if (key == "inherit") {
      const std::string b = scalar(path, v, "'inherit'");
      if (b != "true" && b != "false") fail(path, v, "'inherit' is true or false");
      c.inherit = b == "true";
    } else if (key == "select" || key == "ignore") {
      std::vector<std::string> ids;
      for (const auto& item : sequence(path, v, "'" + key + "'")) ids.push_back(ruleSelector(path, item));
      if (key == "select") c.select = std::move(ids);
      else c.ignore = std::move(ids);
    } else if (key == "severity") {
      if (v.IsNull()) continue;
      if (!v.IsMap()) fail(path, v, "'severity' maps rule ids to error, warning or note");
      for (const auto& r : v) c.severity[ruleSelector(path, r.first)] = levelFrom(path, r.second);
    } else if (key == "exclude") {
      for (const auto& item : sequence(path, v, "'exclude'")) c.exclude.push_back(pathPattern(path, item, base));
    } else if (key == "per-path-ignores") {
      if (v.IsNull()) continue;
      if (!v.IsMap()) fail(path, v, "'per-path-ignores' maps path patterns to lists of rules");
      for (const auto& entry : v) {
        PathPattern p = pathPattern(path, entry.first, base);
        std::vector<std::string> ids;
        for (const auto& item : sequence(path, entry.second, "the rules of a path pattern"))
          ids.push_back(ruleSelector(path, item));
        c.perPathIgnores.emplace_back(std::move(p), std::move(ids));
      }
    } else if (key == "handlers") {
      if (v.IsNull()) continue;
      if (!v.IsMap()) fail(path, v, "'handlers' is a mapping with names: and functions:");
      checkKeys(path, v, {"names", "functions"}, "'handlers'");
      if (const auto names = v["names"])
        for (const auto& item : sequence(path, names, "'names'")) {
          std::string name = scalar(path, item, "a handler name");
          if (name.empty()) fail(path, item, "a handler name is not empty");
          c.handlerNames.push_back(std::move(name));
        }
      if (const auto functions = v["functions"])
        for (const auto& item : sequence(path, functions, "'functions'")) {
          const std::string spec = scalar(path, item, "a handler function");
          const size_t colon = spec.rfind(':');
          if (colon == std::string::npos || colon == 0 || colon + 1 == spec.size())
            fail(path, item, "a handler function is FILE-PATTERN:FUNCTION (app/*.py:main), got '" + spec + "'");
          std::string file = spec.substr(0, colon);
          if (file.rfind("./", 0) == 0) file = file.substr(2);
          if (const char* why = pathGlobError(file))
            fail(path, item, "bad path pattern '" + file + "': " + why);
          c.handlerFunctions.emplace_back(PathPattern{file, base}, spec.substr(colon + 1));
        }
    } else if (key == "budgets") {
      if (v.IsNull()) continue;
      if (!v.IsMap()) fail(path, v, "'budgets' is a mapping (init-ms:, package:, ...)");
      checkKeys(path, v, {"init-ms", "heavy-import-ms", "heavy-import-bytes", "package"}, "'budgets'");
      for (const auto& b : v) {
        const auto name = b.first.as<std::string>();
        if (name == "init-ms") c.initBudgetMs = number(path, b.second, "'init-ms'");
        else if (name == "heavy-import-ms") c.heavyImportMs = number(path, b.second, "'heavy-import-ms'");
        else if (name == "heavy-import-bytes")
          c.heavyImportBytes = static_cast<uint64_t>(number(path, b.second, "'heavy-import-bytes'"));
        else c.packageBudget = share(path, b.second);
      }
    } else if (key == "catalogue") {
      if (v.IsNull()) continue;
      c.catalogue = Catalogue::fromNode(v, path);
      if (v.IsMap() && v["import-costs"]) c.importCosts = ImportCosts::fromNode(v["import-costs"], path);
    }
  }
  return c;
}

void ConfigFile::inheritInto(ConfigFile& child) const {
  if (!child.select) child.select = select;
  child.ignore.insert(child.ignore.begin(), ignore.begin(), ignore.end());
  for (const auto& [rule, level] : severity) child.severity.emplace(rule, level); // child's win
  child.exclude.insert(child.exclude.begin(), exclude.begin(), exclude.end());
  child.perPathIgnores.insert(child.perPathIgnores.begin(), perPathIgnores.begin(), perPathIgnores.end());
  child.handlerNames.insert(child.handlerNames.begin(), handlerNames.begin(), handlerNames.end());
  child.handlerFunctions.insert(child.handlerFunctions.begin(), handlerFunctions.begin(),
                                handlerFunctions.end());
  if (!child.initBudgetMs) child.initBudgetMs = initBudgetMs;
  if (!child.heavyImportMs) child.heavyImportMs = heavyImportMs;
  if (!child.heavyImportBytes) child.heavyImportBytes = heavyImportBytes;
  if (!child.packageBudget) child.packageBudget = packageBudget;
  Catalogue cat = catalogue;
  cat.merge(child.catalogue);
  child.catalogue = std::move(cat);
  ImportCosts costs = importCosts;
  costs.merge(child.importCosts);
  child.importCosts = std::move(costs);
}

bool Profile::excluded(const fs::path& absolute, bool isDirectory) const {
  return std::any_of(exclude.begin(), exclude.end(),
                     [&](const PathPattern& p) { return p.matches(absolute, isDirectory); });
}

std::vector<const Check*> Profile::checksFor(const fs::path& absolute) const {
  if (perPathIgnores.empty()) return checks;
  std::set<std::string> off;
  for (const auto& [pattern, ids] : perPathIgnores)
    if (pattern.matches(absolute, false)) off.insert(ids.begin(), ids.end());
  if (off.empty()) return checks;
  std::vector<const Check*> out;
  for (const Check* c : checks) {
    const std::string id(c->info().id);
    if (std::none_of(off.begin(), off.end(), [&](const std::string& g) { return globMatch(g, id); }))
      out.push_back(c);
  }
  return out;
}

std::set<std::string> Profile::handlersFor(const fs::path& absolute) const {
  std::set<std::string> out;
  for (const auto& [pattern, function] : handlerFunctions)
    if (pattern.matches(absolute, false)) out.insert(function);
  return out;
}

void Profile::applySeverity(std::vector<Finding>& findings) const {
  if (severity.empty()) return;
  for (Finding& f : findings) {
    for (const auto& [rule, level] : severity)
      if (globMatch(rule, f.rule)) {
        f.level = level;
        break;
      }
  }
}

void loadDataFiles() {
  (void)Catalogue::builtin();
  (void)ImportCosts::builtin();
}

Configuration::Configuration(ConfigRequest request, const PackageWeigher* weigher)
    : request_(std::move(request)), weigher_(weigher) {
  const ConfigRequest& options = request_;
  for (const std::string& path : options.catalogues) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read catalogue " + path + ": " + std::strerror(errno));
    std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    try {
      cliCatalogue_.merge(Catalogue::parse(yaml, path));
      cliImportCosts_.merge(ImportCosts::parseUserSection(yaml, path));
    } catch (const std::exception& e) {
      throw std::runtime_error(std::string("bad catalogue: ") + e.what());
    }
  }
  useConfigFiles_ = !options.noConfig;
  if (!options.configFile.empty()) {
    if (!isRegularFile(options.configFile))
      throw std::runtime_error("--config " + options.configFile + ": " +
                               (fs::exists(options.configFile) ? "not a file" : "no such file"));
    explicitConfig_ = absoluteNormal(options.configFile);
    std::lock_guard lock(mutex_);
    load(*explicitConfig_); // parse errors surface through errors()
  }
}

const ConfigFile* Configuration::load(const fs::path& file) const {
  const std::string key = file.string();
  if (auto it = files_.find(key); it != files_.end()) return it->second.get();
  if (failed_.contains(key)) return nullptr;
  // What messages call the file: relative to the working directory when below it.
  std::string shown = key;
  std::error_code ec;
  const fs::path cwd = absoluteNormal(fs::current_path(ec));
  if (!ec) {
    const fs::path rel = file.lexically_relative(cwd);
    if (!rel.empty() && rel.generic_string().rfind("..", 0) != 0) shown = rel.string();
  }
  std::ifstream in(file, std::ios::binary);
  std::string yaml;
  if (in) yaml.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    errors_.emplace_back(shown + ": cannot read: " + std::strerror(errno));
    failed_[key] = true;
    return nullptr;
  }
  if (yaml.find('\0') != std::string::npos || !isValidUtf8(yaml)) {
    errors_.push_back(shown + ": not a text file (a configuration is UTF-8 YAML)");
    failed_[key] = true;
    return nullptr;
  }
  try {
    auto parsed = std::make_unique<ConfigFile>(ConfigFile::parse(yaml, shown));
    if (parsed->inherit) {
      const fs::path parentDir = file.parent_path().parent_path();
      if (parentDir != file.parent_path()) {
        const ConfigFile* parent = loadNearest(parentDir);
        if (!parent && failedBelow(parentDir)) {
          // The parent could not be read: its error is reported already; this one fails too.
          failed_[key] = true;
          return nullptr;
        }
        if (parent) parent->inheritInto(*parsed);
      }
    }
    return (files_[key] = std::move(parsed)).get();
  } catch (const std::exception& e) {
    errors_.emplace_back(e.what());
    failed_[key] = true;
    return nullptr;
  }
}

bool Configuration::failedBelow(const fs::path& dir) const {
  // The nearest configuration file at or above `dir` exists but failed to load.
  for (fs::path d = dir;; d = d.parent_path()) {
    const fs::path candidate = d / kConfigFileName;
    if (isRegularFile(candidate)) return failed_.contains(candidate.string());
    if (d == d.parent_path()) return false;
  }
}

const ConfigFile* Configuration::loadNearest(const fs::path& dir) const {
  if (explicitConfig_) return load(*explicitConfig_);
  if (!useConfigFiles_) return nullptr;
  const std::string key = dir.string();
  if (auto it = nearest_.find(key); it != nearest_.end()) return it->second;
  const ConfigFile* found = nullptr;
  const fs::path candidate = dir / kConfigFileName;
  if (isRegularFile(candidate)) found = load(candidate);
  else if (dir.has_parent_path() && dir.parent_path() != dir) found = loadNearest(dir.parent_path());
  nearest_[key] = found;
  return found;
}

std::unique_ptr<Profile> Configuration::makeProfile(const ConfigFile* config) const {
  auto p = std::make_unique<Profile>();
  const ConfigRequest& o = request_;
  if (config) p->configPath = config->path;
  auto matchesAny = [](const std::vector<std::string>& selectors, const std::string& id) {
    return std::any_of(selectors.begin(), selectors.end(),
                       [&](const std::string& s) { return globMatch(s, id); });
  };
  for (const auto& c : allChecks()) {
    const std::string id(c->info().id);
    bool on = true;
    if (!o.select.empty()) {
      // The command line's --select is the selection: it replaces the configuration's.
      on = matchesAny(o.select, id);
    } else if (config) {
      on = (!config->select || matchesAny(*config->select, id)) && !matchesAny(config->ignore, id);
    }
    if (matchesAny(o.ignore, id)) on = false;
    if (on) p->checks.push_back(c.get());
  }
  p->catalogue = Catalogue::builtin();
  p->importCosts = ImportCosts::builtin();
  if (config) {
    p->severity = config->severity;
    p->exclude = config->exclude;
    for (const auto& [pattern, ids] : config->perPathIgnores)
      p->perPathIgnores.emplace_back(pattern, std::set<std::string>(ids.begin(), ids.end()));
    p->handlerFunctions = config->handlerFunctions;
    p->catalogue.merge(config->catalogue);
    for (const std::string& name : config->handlerNames)
      for (const char* language : {"python", "javascript", "cpp"})
        p->catalogue.add(language, kind::HandlerName, {name, "handler", FixCeiling::Safe});
    p->importCosts.merge(config->importCosts);
    if (config->initBudgetMs) p->initCost.initBudgetMs = *config->initBudgetMs;
    if (config->heavyImportMs) p->initCost.heavyImportMs = *config->heavyImportMs;
    if (config->heavyImportBytes) p->initCost.heavyImportBytes = *config->heavyImportBytes;
    if (config->packageBudget) p->packageBudget = *config->packageBudget;
  }
  p->catalogue.merge(cliCatalogue_);
  p->importCosts.merge(cliImportCosts_);
  // The command line wins over the configuration.
  if (o.initBudgetMs) p->initCost.initBudgetMs = *o.initBudgetMs;
  if (o.heavyImportMs) p->initCost.heavyImportMs = *o.heavyImportMs;
  if (o.heavyImportBytes) p->initCost.heavyImportBytes = *o.heavyImportBytes;
  if (o.packageBudget) p->packageBudget = *o.packageBudget;
  p->costs = std::make_unique<ImportCostModel>(p->importCosts, weigher_, p->initCost);
  return p;
}

const Profile& Configuration::profileForDirectory(const fs::path& dir) const {
  std::lock_guard lock(mutex_);
  const ConfigFile* config = loadNearest(dir);
  if (!config) {
    if (!noConfig_) noConfig_ = makeProfile(nullptr);
    return *noConfig_;
  }
  auto& slot = profiles_[config];
  if (!slot) slot = makeProfile(config);
  return *slot;
}

const Profile& Configuration::forPath(const std::string& path) const {
  return profileForDirectory(absoluteNormal(path).parent_path());
}

bool Configuration::excluded(const std::string& path, bool isDirectory) const {
  const fs::path abs = absoluteNormal(path);
  return profileForDirectory(abs.parent_path()).excluded(abs, isDirectory);
}

std::vector<std::string> Configuration::errors() const {
  std::lock_guard lock(mutex_);
  return errors_;
}

std::vector<const Check*> Configuration::checksInUse() const {
  std::lock_guard lock(mutex_);
  if (!noConfig_ && profiles_.empty()) noConfig_ = makeProfile(nullptr);
  std::set<const Check*> used;
  if (noConfig_) used.insert(noConfig_->checks.begin(), noConfig_->checks.end());
  for (const auto& [config, profile] : profiles_) used.insert(profile->checks.begin(), profile->checks.end());
  std::vector<const Check*> out;
  for (const auto& c : allChecks())
    if (used.contains(c.get())) out.push_back(c.get());
  return out;
}

} // namespace ll
