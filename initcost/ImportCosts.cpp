#include "initcost/ImportCosts.h"

#include "core/DataDir.h"

#include <algorithm>
#include <stdexcept>
#include <yaml-cpp/yaml.h>

namespace ll {

namespace {

[[noreturn]] void fail(std::string_view origin, const YAML::Node& n, const std::string& what) {
  const YAML::Mark m = n.Mark();
  throw std::runtime_error(std::string(origin) + ":" + std::to_string(m.line + 1) + ":" +
                           std::to_string(m.column + 1) + ": " + what);
}

YAML::Node load(std::string_view yaml, std::string_view origin) {
  try {
    return YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(std::string(origin) + ":" + std::to_string(e.mark.line + 1) + ":" +
                             std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
}

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

double number(std::string_view origin, const YAML::Node& n, const char* what) {
  try {
    const auto v = n.as<double>();
    if (v < 0) fail(origin, n, std::string(what) + " must not be negative");
    return v;
  } catch (const YAML::Exception&) {
    fail(origin, n, std::string(what) + " is a number");
  }
}

} // namespace

ImportCosts ImportCosts::fromNode(const YAML::Node& root, std::string_view origin) {
  ImportCosts out;
  if (!root || root.IsNull()) return out;
  if (!root.IsMap()) fail(origin, root, "import costs are a mapping of language to modules");
  for (const auto& top : root) {
    const auto key = top.first.as<std::string>();
    if (key == "measured_on") continue;
    if (key == "stdlib") {
      if (!top.second.IsMap()) fail(origin, top.second, "'stdlib' maps a language to module names");
      for (const auto& l : top.second) {
        const auto lang = l.first.as<std::string>();
        if (lang != "python" && lang != "javascript")
          fail(origin, l.first, "unknown language '" + lang + "' (python, javascript)");
        if (!l.second.IsScalar()) fail(origin, l.second, "a space-separated list of modules");
        for (auto& w : words(l.second.as<std::string>())) out.languages_[lang].stdlib.insert(w);
      }
      continue;
    }
    if (key != "python" && key != "javascript")
      fail(origin, top.first, "unknown language '" + key + "' (python, javascript)");
    if (top.second.IsNull()) continue;
    if (!top.second.IsMap()) fail(origin, top.second, "expected a mapping of module to figures");
    Language& lang = out.languages_[key];
    for (const auto& m : top.second) {
      ImportCost c;
      c.module = m.first.as<std::string>();
      c.origin = std::string(origin);
      const YAML::Node& e = m.second;
      if (e.IsScalar()) { // `mylib: 120` -- milliseconds
        c.ms = number(origin, e, "an import cost");
        lang.entries[c.module] = std::move(c);
        continue;
      }
      if (!e.IsMap()) fail(origin, e, "an entry is a number of milliseconds or a mapping");
      bool haveMs = false;
      for (const auto& f : e) {
        const auto k = f.first.as<std::string>();
        if (k == "import_ms" || k == "require_ms" || k == "ms") {
          c.ms = number(origin, f.second, k.c_str());
          haveMs = true;
        } else if (k == "code_bytes" || k == "loaded_bytes") {
          c.bytes = static_cast<uint64_t>(number(origin, f.second, k.c_str()));
        } else if (k == "loads") {
          c.loads = words(f.second.IsScalar() ? f.second.as<std::string>() : "");
        } else if (k == "version") {
          c.version = f.second.as<std::string>();
        } else if (k == "min_ms" || k == "max_ms" || k == "package_bytes" || k == "method" ||
                   k == "modules_loaded" || k == "files_loaded" || k == "distribution") {
          // recorded by the measurement, not used by the analysis
        } else {
          fail(origin, f.first, "unknown key '" + k + "' (import_ms, require_ms, ms, code_bytes, "
                                "loaded_bytes, loads, version)");
        }
      }
      if (!haveMs) fail(origin, e, "entry for '" + c.module + "' has no import_ms/require_ms/ms");
      lang.entries[c.module] = std::move(c);
    }
  }
  return out;
}

ImportCosts ImportCosts::parse(std::string_view yaml, std::string_view origin) {
  return fromNode(load(yaml, origin), origin);
}

ImportCosts ImportCosts::parseUserSection(std::string_view yaml, std::string_view origin) {
  YAML::Node root = load(yaml, origin);
  if (!root || !root.IsMap() || !root["import-costs"]) return {};
  return fromNode(root["import-costs"], origin);
}

const ImportCosts& ImportCosts::builtin() {
  static const ImportCosts costs = parseDataFile("import-costs.yaml", &ImportCosts::parse);
  return costs;
}

void ImportCosts::merge(const ImportCosts& other) {
  for (const auto& [name, lang] : other.languages_) {
    Language& mine = languages_[name];
    for (const auto& [module, c] : lang.entries) mine.entries[module] = c;
    mine.stdlib.insert(lang.stdlib.begin(), lang.stdlib.end());
  }
}

const ImportCosts::Language* ImportCosts::find(std::string_view language) const {
  auto it = languages_.find(std::string(language));
  return it == languages_.end() ? nullptr : &it->second;
}

const ImportCost* ImportCosts::lookup(std::string_view language, std::string_view module) const {
  const Language* lang = find(language);
  if (!lang || module.empty()) return nullptr;
  std::string key(module);
  if (language == "javascript") {
    if (key.starts_with("node:")) return nullptr;
    auto it = lang->entries.find(key);
    return it == lang->entries.end() ? nullptr : &it->second;
  }
  while (!key.empty() && key.front() != '.') {
    auto it = lang->entries.find(key);
    if (it != lang->entries.end()) return &it->second;
    size_t dot = key.rfind('.');
    if (dot == std::string::npos) break;
    key.resize(dot);
  }
  return nullptr;
}

bool ImportCosts::isStdlib(std::string_view language, std::string_view module) const {
  const Language* lang = find(language);
  if (!lang) return false;
  if (language == "javascript") {
    if (module.starts_with("node:")) return true;
    return lang->stdlib.contains(module.substr(0, module.find('/')));
  }
  return lang->stdlib.contains(module.substr(0, module.find('.')));
}

const std::set<std::string, std::less<>>& ImportCosts::stdlib(std::string_view language) const {
  static const std::set<std::string, std::less<>> none;
  const Language* lang = find(language);
  return lang ? lang->stdlib : none;
}

double ImportCosts::msPerByte(std::string_view language) const {
  const Language* lang = find(language);
  if (!lang) return 0;
  std::vector<double> rates;
  for (const auto& [name, c] : lang->entries)
    if (c.bytes > 0 && c.ms > 0) rates.push_back(c.ms / double(c.bytes));
  if (rates.empty()) return 0;
  std::sort(rates.begin(), rates.end());
  size_t n = rates.size();
  return n % 2 ? rates[n / 2] : (rates[n / 2 - 1] + rates[n / 2]) / 2;
}

size_t ImportCosts::size(std::string_view language) const {
  const Language* lang = find(language);
  return lang ? lang->entries.size() : 0;
}

} // namespace ll
