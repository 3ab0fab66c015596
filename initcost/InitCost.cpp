#include "initcost/InitCost.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace ll {

const char* costSourceName(CostSource s) {
  switch (s) {
  case CostSource::Measured: return "measured";
  case CostSource::Weighed: return "weighed";
  case CostSource::Stdlib: return "stdlib";
  case CostSource::Project: return "project";
  case CostSource::None: break;
  }
  return "none";
}

std::string formatMs(double ms) {
  if (ms < 0.05) return "0 ms";
  std::array<char, 32> buf{};
  if (ms >= 1000) std::snprintf(buf.data(), buf.size(), "%.1f s", ms / 1000);
  else if (ms >= 10) std::snprintf(buf.data(), buf.size(), "%.0f ms", ms);
  else std::snprintf(buf.data(), buf.size(), "%.1f ms", ms);
  return buf.data();
}

namespace {

bool isTypeScript(Language l) { return l == Language::TypeScript || l == Language::Tsx; }

bool isRelative(Language l, std::string_view module) {
  if (l == Language::Python) return module.starts_with(".");
  return module.starts_with(".") || module.starts_with("/");
}

} // namespace

bool erasedByTypeScript(const Module& m, size_t import) {
  if (!isTypeScript(m.language)) return false;
  const Import& imp = m.imports[import];
  if (imp.typeOnly) return true;
  if (imp.local.empty()) return false; // `import "x"`: kept for its side effects
  return std::ranges::all_of(m.uses, [&](const NameUse& u) {
    return u.import != static_cast<int>(import) || u.typeOnly;
  });
}

ImportWeight ImportCostModel::weighOne(Language language, const std::string& path,
                                       const Import& imp) const {
  const char* lang = catalogueLanguage(language);
  const std::string name = language == Language::Python ? imp.canonical() : imp.module;
  ImportWeight w;
  if (const ImportCost* c = costs_.lookup(lang, name)) {
    w.source = CostSource::Measured;
    w.key = c->module;
    w.ms = c->ms;
    w.bytes = c->bytes;
    w.loads = c->loads;
    w.heavy = c->ms >= options_.heavyImportMs;
  } else if (costs_.isStdlib(lang, imp.module)) {
    w.source = CostSource::Stdlib;
    w.key = imp.module;
  } else if (weigher_) {
    std::optional<ModuleWeight> mw = weigher_->weigh(costs_, language, path, name);
    if (!mw && name != imp.module) mw = weigher_->weigh(costs_, language, path, imp.module);
    if (mw) {
      w.source = CostSource::Weighed;
      w.key = imp.module;
      w.bytes = mw->bytes;
      w.where = mw->path;
      w.ms = double(mw->bytes) * costs_.msPerByte(lang);
      w.heavy = options_.heavyImportBytes ? mw->bytes >= options_.heavyImportBytes
                                          : w.ms >= options_.heavyImportMs;
    }
  }
  if (w.source == CostSource::None) w.key = imp.module;
  return w;
}

std::vector<ImportWeight> ImportCostModel::weigh(const Module& m, const ProjectFacts* facts) const {
  std::vector<ImportWeight> out(m.imports.size());
  const char* lang = catalogueLanguage(m.language);
  if (std::string_view(lang) == "cpp") return out;
  std::map<std::string, ImportWeight> memo; // per module text, within this file
  for (size_t i = 0; i < m.imports.size(); ++i) {
    const Import& imp = m.imports[i];
    if (imp.typeOnly) continue;
    // Python: `from scipy import stats` is the module scipy.stats when that is catalogued.
    const std::string name = m.language == Language::Python ? imp.canonical() : imp.module;
    auto found = memo.find(name);
    if (found != memo.end()) {
      out[i] = found->second;
      continue;
    }
    ImportWeight w;
    const ProjectImport* project = nullptr;
    if (facts)
      if (auto it = facts->projectImports.find(name); it != facts->projectImports.end()) project = &it->second;
    if (project) {
      // One of the project's own modules: it costs what it imports, what those share counted
      // once, largest first.
      w.source = CostSource::Project;
      w.key = name;
      w.where = project->path;
      std::vector<ImportWeight> parts;
      for (const Import& inner : project->loads) {
        ImportWeight p = weighOne(m.language, project->path, inner);
        if (p.source == CostSource::None) {
          if (!isRelative(m.language, inner.module)) w.unknownLoads.push_back(inner.module);
          continue;
        }
        if (p.source == CostSource::Stdlib) continue;
        parts.push_back(std::move(p));
      }
      std::stable_sort(parts.begin(), parts.end(),
                       [](const ImportWeight& a, const ImportWeight& b) { return a.ms > b.ms; });
      std::set<std::string> loaded;
      for (const ImportWeight& p : parts) {
        if (loaded.contains(p.key)) continue;
        double already = 0;
        for (const std::string& n : p.loads)
          if (loaded.contains(n))
            if (const ImportCost* nc = costs_.lookup(lang, n)) already = std::max(already, nc->ms);
        w.ms += std::max(0.0, p.ms - already);
        w.bytes += p.bytes;
        loaded.insert(p.key);
        loaded.insert(p.loads.begin(), p.loads.end());
      }
      w.loads.assign(loaded.begin(), loaded.end());
    } else if (!isRelative(m.language, imp.module)) {
      w = weighOne(m.language, m.file->path(), imp);
    } else {
      continue;
    }
    memo.emplace(name, w);
    out[i] = std::move(w);
  }
  return out;
}

InitEstimate ImportCostModel::estimate(const Module& m, const std::vector<ImportWeight>& weights) const {
  InitEstimate est;
  est.budgetMs = options_.initBudgetMs;
  // C++ has no import-time cost model (headers cost nothing at Init; static initialisers are
  // not weighed): no estimate, rather than "about 0 ms".
  if (m.language == Language::Cpp) return est;
  for (const Function& f : m.functions)
    if (f.isHandler) est.handlers.push_back(f.qualifiedName);
  if (est.handlers.empty()) return est;
  est.computed = true;

  // One contributor per distinct figure (several names from one module count once).
  std::vector<InitContributor> items;
  std::map<std::string, size_t> byKey;
  std::set<std::string> unmeasured;
  for (size_t i = 0; i < m.imports.size(); ++i) {
    const Import& imp = m.imports[i];
    if (imp.function >= 0 || imp.typeOnly || erasedByTypeScript(m, i)) continue;
    const ImportWeight& w = weights[i];
    if (w.source == CostSource::None) {
      if (!isRelative(m.language, imp.module)) unmeasured.insert(imp.module);
      continue;
    }
    if (w.source == CostSource::Stdlib) continue;
    if (w.source == CostSource::Project) {
      unmeasured.insert(w.unknownLoads.begin(), w.unknownLoads.end());
      if (w.ms <= 0) continue; // imports nothing that costs
    }
    const std::string key = std::string(costSourceName(w.source)) + ":" + w.key;
    if (byKey.contains(key)) continue;
    byKey[key] = items.size();
    InitContributor c;
    c.module = m.language == Language::Python ? imp.canonical() : imp.module;
    if (w.source == CostSource::Measured && m.language == Language::Python) c.module = w.key;
    c.key = w.key;
    c.source = w.source;
    c.fullMs = w.ms;
    c.bytes = w.bytes;
    c.import = static_cast<int>(i);
    c.range = imp.range;
    items.push_back(std::move(c));
  }
  // Largest first: a big module usually loads the smaller ones, which then add nothing.
  std::stable_sort(items.begin(), items.end(),
                   [](const InitContributor& a, const InitContributor& b) { return a.fullMs > b.fullMs; });
  std::map<std::string, std::string> loadedBy; // catalogue key -> the import that loads it
  for (InitContributor& c : items) {
    if (c.source != CostSource::Measured && c.source != CostSource::Project) {
      c.ms = c.fullMs;
      continue;
    }
    if (auto it = loadedBy.find(c.key); it != loadedBy.end()) {
      c.ms = 0;
      c.loadedBy = it->second;
      continue;
    }
    // Subtract what is already loaded: the outermost such modules, each once.
    const ImportWeight& w = weights[c.import];
    std::vector<std::string> shared;
    for (const std::string& n : w.loads)
      if (loadedBy.contains(n)) shared.push_back(n);
    double already = 0;
    for (const std::string& n : shared) {
      bool inner = false;
      for (const std::string& o : shared) {
        if (o == n) continue;
        const ImportCost* oc = costs_.lookup(catalogueLanguage(m.language), o);
        if (oc && std::find(oc->loads.begin(), oc->loads.end(), n) != oc->loads.end()) inner = true;
      }
      if (inner) continue;
      if (const ImportCost* nc = costs_.lookup(catalogueLanguage(m.language), n)) already += nc->ms;
    }
    c.ms = std::max(0.0, c.fullMs - already);
    loadedBy.emplace(c.key, c.module);
    for (const std::string& n : w.loads) loadedBy.emplace(n, c.module);
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const InitContributor& a, const InitContributor& b) { return a.ms > b.ms; });
  for (const InitContributor& c : items) est.ms += c.ms;
  est.contributors = std::move(items);
  est.unmeasured.assign(unmeasured.begin(), unmeasured.end());
  return est;
}

} // namespace ll
