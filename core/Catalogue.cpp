#include "core/Catalogue.h"

#include "core/DataDir.h"
#include "core/Glob.h"

#include <algorithm>
#include <stdexcept>
#include <yaml-cpp/yaml.h>

namespace ll {

namespace {

std::string where(std::string_view origin, const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  return std::string(origin) + ":" + std::to_string(m.line + 1) + ":" + std::to_string(m.column + 1);
}

[[noreturn]] void fail(std::string_view origin, const YAML::Node& n, const std::string& what) {
  throw std::runtime_error(where(origin, n) + ": " + what);
}

std::string defaultLabel(std::string_view kind) {
  if (kind == kind::Client) return "AWS SDK client";
  if (kind == kind::Connection) return "connection";
  if (kind == kind::ConfigFetch) return "configuration fetch";
  return std::string(kind);
}

/// Expands `a.{b,c}.d` into `a.b.d` and `a.c.d` (nested and repeated groups allowed).
void expandBraces(const std::string& pattern, std::vector<std::string>& out) {
  size_t open = pattern.find('{');
  if (open == std::string::npos) {
    out.push_back(pattern);
    return;
  }
  int depth = 0;
  size_t close = open;
  std::vector<size_t> commas;
  for (size_t i = open; i < pattern.size(); ++i) {
    if (pattern[i] == '{') ++depth;
    else if (pattern[i] == '}' && --depth == 0) { close = i; break; }
    else if (pattern[i] == ',' && depth == 1) commas.push_back(i);
  }
  if (close == open) throw std::runtime_error("unbalanced '{' in pattern '" + pattern + "'");
  size_t start = open + 1;
  commas.push_back(close);
  for (size_t c : commas) {
    expandBraces(pattern.substr(0, open) + pattern.substr(start, c - start) +
                     pattern.substr(close + 1),
                 out);
    start = c + 1;
  }
}

void addPattern(std::vector<CatalogueEntry>& entries, std::string_view origin,
                const YAML::Node& node, const std::string& label, FixCeiling fix = FixCeiling::Safe) {
  if (!node.IsScalar()) fail(origin, node, "a pattern is a string");
  std::vector<std::string> expanded;
  try {
    expandBraces(node.as<std::string>(), expanded);
  } catch (const std::runtime_error& e) {
    fail(origin, node, e.what());
  }
  for (auto& p : expanded) entries.push_back({std::move(p), label, fix});
}

} // namespace

Catalogue Catalogue::parse(std::string_view yaml, std::string_view origin) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(std::string(origin) + ":" + std::to_string(e.mark.line + 1) + ":" +
                             std::to_string(e.mark.column + 1) + ": " + e.msg);
  }
  return fromNode(root, origin);
}

Catalogue Catalogue::fromNode(const YAML::Node& root, std::string_view origin) {
  Catalogue cat;
  if (!root || root.IsNull()) return cat;
  if (!root.IsMap()) fail(origin, root, "a catalogue is a mapping of language to kinds");
  for (const auto& lang : root) {
    const auto language = lang.first.as<std::string>();
    if (language == "import-costs") continue; // read by ImportCosts::parseUserSection
    if (language != "python" && language != "javascript" && language != "cpp")
      fail(origin, lang.first, "unknown language '" + language + "' (python, javascript, cpp)");
    if (!lang.second.IsMap()) fail(origin, lang.second, "expected a mapping of kind to entries");
    for (const auto& k : lang.second) {
      Section section{language, k.first.as<std::string>(), {}};
      if (!k.second.IsSequence()) fail(origin, k.second, "expected a list of entries");
      for (const auto& e : k.second) {
        if (e.IsScalar()) {
          addPattern(section.entries, origin, e, defaultLabel(section.kind));
          continue;
        }
        if (!e.IsMap()) fail(origin, e, "an entry is a pattern or {pattern|patterns, label}");
        std::string label = e["label"] ? e["label"].as<std::string>() : defaultLabel(section.kind);
        FixCeiling fix = FixCeiling::Safe;
        for (const auto& field : e) {
          const auto key = field.first.as<std::string>();
          if (key != "pattern" && key != "patterns" && key != "label" && key != "fix")
            fail(origin, field.first, "unknown key '" + key + "' (pattern, patterns, label, fix)");
        }
        if (const auto f = e["fix"]) {
          const std::string v = f.IsScalar() ? f.as<std::string>() : "";
          if (v == "safe") fix = FixCeiling::Safe;
          else if (v == "unsafe") fix = FixCeiling::Unsafe;
          else if (v == "none") fix = FixCeiling::None;
          else fail(origin, f, "'fix' is safe, unsafe or none");
        }
        if (e["pattern"]) addPattern(section.entries, origin, e["pattern"], label, fix);
        if (const auto ps = e["patterns"]) {
          if (!ps.IsSequence()) fail(origin, ps, "'patterns' is a list");
          for (const auto& p : ps) addPattern(section.entries, origin, p, label, fix);
        }
        if (!e["pattern"] && !e["patterns"]) fail(origin, e, "entry has no 'pattern' or 'patterns'");
      }
      cat.sections_.push_back(std::move(section));
    }
  }
  return cat;
}

const Catalogue& Catalogue::builtin() {
  static const Catalogue cat = parseDataFile("catalogue.yaml", &Catalogue::parse);
  return cat;
}

void Catalogue::merge(const Catalogue& other) {
  for (const auto& s : other.sections_) {
    auto it = std::find_if(sections_.begin(), sections_.end(), [&](const Section& mine) {
      return mine.language == s.language && mine.kind == s.kind;
    });
    if (it == sections_.end()) sections_.push_back(s);
    else it->entries.insert(it->entries.end(), s.entries.begin(), s.entries.end());
  }
}

void Catalogue::add(std::string_view language, std::string_view kind, CatalogueEntry entry) {
  auto it = std::find_if(sections_.begin(), sections_.end(), [&](const Section& s) {
    return s.language == language && s.kind == kind;
  });
  if (it == sections_.end()) {
    sections_.push_back({std::string(language), std::string(kind), {}});
    it = sections_.end() - 1;
  }
  it->entries.push_back(std::move(entry));
}

const std::vector<CatalogueEntry>& Catalogue::entries(std::string_view language,
                                                      std::string_view kind) const {
  static const std::vector<CatalogueEntry> none;
  for (const auto& s : sections_)
    if (s.language == language && s.kind == kind) return s.entries;
  return none;
}

const CatalogueEntry* Catalogue::match(std::string_view language, std::string_view kind,
                                       std::string_view name) const {
  if (name.empty()) return nullptr;
  for (const auto& e : entries(language, kind))
    if (globMatch(e.pattern, name)) return &e;
  return nullptr;
}

} // namespace ll
