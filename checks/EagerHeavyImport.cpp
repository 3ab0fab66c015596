// eager-heavy-import: a heavy module imported at module scope (so loaded during every cold
// start's Init) that only code some invocations run needs, or that nothing uses.
// Documentation: docs/rules/eager-heavy-import.md.
#include "checks/Check.h"

#include "core/EditorSupport.h"

#include <algorithm>
#include <map>
#include <set>

namespace ll {

namespace {

const RuleInfo kInfo{
    .id = "eager-heavy-import",
    .name = "EagerHeavyImport",
    .defaultLevel = Level::Warning,
    .tags = {"performance", "cold-start", "init", "lambda"},
    .languages = {"python", "javascript", "typescript"},
    .fixAvailability = "sometimes",
};

std::string figure(const ImportWeight& w) {
  if (w.source == CostSource::Weighed)
    return "about " + formatMs(w.ms) + " to load, estimated from its " +
           std::to_string((w.bytes + 512) / 1024) + " KiB of code";
  return formatMs(w.ms) + " to import";
}

std::string fnLabel(const Module& m, int f) { return "`" + m.functions[f].qualifiedName + "`"; }

/// The smallest block of function `f` that holds all of `blocks` (each in `f` or a block of
/// `f` nested in it), or -1.
int commonBlock(const Module& m, const std::vector<int>& blocks) {
  if (blocks.empty()) return -1;
  std::vector<int> chain; // from the first block up to its function's outermost block
  for (int b = blocks.front(); b >= 0; b = m.blocks[b].parent) chain.push_back(b);
  size_t best = 0;
  for (int other : blocks) {
    std::set<int> up;
    for (int b = other; b >= 0; b = m.blocks[b].parent) up.insert(b);
    while (best < chain.size() && !up.contains(chain[best])) ++best;
    if (best == chain.size()) return -1;
  }
  return chain[best];
}

/// Block `b` or a block around it in the same function is a branch.
bool conditionalWithin(const Module& m, int b, int fn) {
  for (; b >= 0 && m.blocks[b].function == fn; b = m.blocks[b].parent)
    if (m.blocks[b].conditional) return true;
  return false;
}

/// A heavy module-scope import statement whose uses (if any) are all in code that not every
/// invocation runs.
struct Candidate {
  std::vector<int> imports;              // the statement's Import records of the module
  std::vector<const NameUse*> uses;      // value uses, in source order
  bool typeUses = false;
  bool loadedAnyway = false;             // Init loads the module through another import
};

/// Needed on every invocation, or once per execution environment anyway: keep it at module
/// scope. A use at module scope or in code Init or lazy initialisation runs; an unconditional
/// use in code every invocation runs; or a use in every route of the file (each invocation is
/// served by one of them).
bool needed(const CheckContext& ctx, const std::vector<const NameUse*>& uses, size_t routes) {
  const Module& m = ctx.module;
  std::set<int> routesUsing;
  std::vector<bool> using_(m.functions.size(), false);
  for (const NameUse* u : uses) {
    if (u->function < 0 || ctx.invocation.atInit(u->function) || ctx.invocation.lazyInit(u->function))
      return true;
    if (u->unconditional && ctx.invocation.everyInvocation(u->function)) return true;
    if (m.functions[u->function].isRoute) routesUsing.insert(u->function);
    using_[u->function] = true;
  }
  if (routes > 0 && routesUsing.size() == routes) return true;
  // A handler that dispatches: `if ...: return create(event)` / `if ...: return read(event)`,
  // with only inline code (a usage message, an error response) on the other paths. When every
  // same-file function it may call uses the module (itself or through what it calls), each
  // invocation that does real work needs it.
  for (bool changed = true; changed;) {
    changed = false;
    for (const Call& c : m.calls)
      if (c.function >= 0 && c.target >= 0 && !c.referenceOnly && using_[c.target] && !using_[c.function])
        using_[c.function] = changed = true;
  }
  for (size_t h = 0; h < m.functions.size(); ++h) {
    if (!m.functions[h].isHandler || m.functions[h].isRoute) continue;
    std::set<int> targets;
    bool all = true;
    for (const Call& c : m.calls)
      if (c.function == int(h) && c.target >= 0 && c.target != int(h) && !c.lazy) {
        targets.insert(c.target);
        all = all && using_[c.target];
      }
    if (targets.size() >= 2 && all) return true;
  }
  return false;
}

class EagerHeavyImport final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }

  void run(const CheckContext& ctx, std::vector<Finding>& out) const override {
    const Module& m = ctx.module;
    // Which code runs on every invocation is only known with the entry points in view.
    if (!ctx.invocation.hasHandlers()) return;
    const bool typescript = m.language == Language::TypeScript || m.language == Language::Tsx;

    // One decision per import statement and module: `from sklearn import a, b` is one.
    std::map<std::pair<uint32_t, std::string>, std::vector<int>> statements;
    for (size_t i = 0; i < m.imports.size(); ++i) {
      const Import& imp = m.imports[i];
      if (imp.function >= 0 || imp.typeOnly || imp.local.empty()) continue;
      if (!ctx.importWeights[i].heavy) continue;
      statements[{imp.range.begin, imp.module}].push_back(int(i));
    }
    if (statements.empty()) return;
    std::vector<std::vector<const NameUse*>> usesOf(m.imports.size());
    for (const NameUse& u : m.uses)
      if (u.import >= 0) usesOf[u.import].push_back(&u);
    size_t routes = 0;
    for (const Function& fn : m.functions)
      if (fn.isRoute) ++routes;

    std::vector<Candidate> candidates;
    std::vector<bool> candidate(m.imports.size(), false);
    for (const auto& [key, imports] : statements) {
      Candidate c;
      c.imports = imports;
      for (int i : imports)
        for (const NameUse* u : usesOf[i]) {
          if (u->typeOnly) c.typeUses = true;
          else c.uses.push_back(u);
        }
      // TypeScript erases an import used in types only, or not at all: nothing is loaded.
      if (c.uses.empty() && typescript) continue;
      if (!c.uses.empty() && needed(ctx, c.uses, routes)) continue;
      std::sort(c.uses.begin(), c.uses.end(),
                [](const NameUse* a, const NameUse* b) { return a->range.begin < b->range.begin; });
      for (int i : imports) candidate[i] = true;
      candidates.push_back(std::move(c));
    }
    if (candidates.empty()) return;

    // What Init loads anyway: every run-time module-scope import that stays where it is, with
    // what it loads (the catalogue's `loads`) and, in Python, the packages above it. Moving an
    // import of a module in there saves nothing, and such an import stays too, so the set
    // grows until nothing changes.
    std::set<std::string> loaded;
    auto load = [&](int i) {
      const Import& imp = m.imports[i];
      const ImportWeight& w = ctx.importWeights[i];
      if (!w.key.empty()) loaded.insert(w.key);
      loaded.insert(w.loads.begin(), w.loads.end());
      std::string name = m.language == Language::Python ? imp.canonical() : imp.module;
      loaded.insert(name);
      if (m.language == Language::Python)
        for (size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', dot + 1))
          loaded.insert(name.substr(0, dot));
    };
    for (size_t i = 0; i < m.imports.size(); ++i) {
      const Import& imp = m.imports[i];
      if (imp.function >= 0 || imp.typeOnly || candidate[i]) continue;
      if (typescript && erasedByTypeScript(m, i)) continue;
      load(int(i));
    }
    // Calls that Init makes and that load modules themselves (the catalogue's `init-loads`: the
    // label lists what they load): Powertools' `Tracer()` patches libraries through the X-Ray
    // SDK, which imports each of them that is installed, `requests` among them.
    const char* language = catalogueLanguage(m.language);
    for (const Call& call : m.calls) {
      if (call.referenceOnly || call.callee.empty()) continue;
      if (call.function >= 0 && !ctx.invocation.atInit(call.function)) continue;
      if (const CatalogueEntry* e = ctx.catalogue.match(language, kind::InitLoads, call.callee))
        for (std::string_view rest = e->label; !rest.empty();) {
          const size_t space = rest.find(' ');
          std::string_view name = rest.substr(0, space);
          if (!name.empty()) loaded.insert(std::string(name));
          rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
        }
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (Candidate& c : candidates) {
        if (c.loadedAnyway) continue;
        const Import& imp = m.imports[c.imports.front()];
        const ImportWeight& w = ctx.importWeights[c.imports.front()];
        if (loaded.contains(w.key) || loaded.contains(imp.module)) {
          c.loadedAnyway = true;
          for (int i : c.imports) load(i);
          changed = true;
        }
      }
    }

    // Module-scope imports that stay and whose loads are not known: the project's own modules and
    // third-party modules with no figure may load a candidate too, which would make moving it
    // save nothing. A weighed module's size is all the code it loads, so it can load a
    // candidate only if it is at least as large. Such a finding is a note that says why.
    std::vector<std::pair<std::string, const ImportWeight*>> unknown;
    for (size_t i = 0; i < m.imports.size(); ++i) {
      const Import& imp = m.imports[i];
      if (imp.function >= 0 || imp.typeOnly || candidate[i] || imp.module.empty()) continue;
      if (typescript && erasedByTypeScript(m, i)) continue;
      const ImportWeight& w = ctx.importWeights[i];
      // A module of the project is known by what it imports; what that has no figures for
      // may load anything.
      if (w.source == CostSource::Project) {
        for (const std::string& u : w.unknownLoads)
          if (std::none_of(unknown.begin(), unknown.end(), [&](const auto& k) { return k.first == u; }))
            unknown.emplace_back(u, &w);
        continue;
      }
      if (w.source != CostSource::None && w.source != CostSource::Weighed) continue;
      if (std::none_of(unknown.begin(), unknown.end(), [&](const auto& u) { return u.first == imp.module; }))
        unknown.emplace_back(imp.module, &w);
    }

    // Two imports of one package are one decision (`import requests` and `from requests import
    // Response`): one finding on the first, the others related, and a fix only for a single
    // statement (it moves all of them or none).
    std::map<std::string, std::vector<Candidate*>> byPackage;
    std::vector<std::string> order;
    for (Candidate& c : candidates) {
      if (c.loadedAnyway) continue;
      const std::string& key = ctx.importWeights[c.imports.front()].key;
      if (!byPackage.contains(key)) order.push_back(key);
      byPackage[key].push_back(&c);
    }
    for (const std::string& key : order) report(ctx, byPackage[key], unknown, out);
  }

private:
  /// One finding for the candidates that import one package.
  static void report(const CheckContext& ctx, const std::vector<Candidate*>& group,
                     const std::vector<std::pair<std::string, const ImportWeight*>>& maybeLoaders,
                     std::vector<Finding>& out) {
    std::vector<Finding> made;
    report(ctx, group, made);
    const ImportWeight& own = ctx.importWeights[group.front()->imports.front()];
    std::vector<std::string> unknown;
    for (const auto& [module, w] : maybeLoaders)
      if (w->source == CostSource::None || w->source == CostSource::Project || w->bytes >= own.bytes) unknown.push_back(module);
    for (Finding& f : made) {
      if (!unknown.empty()) {
        // Not sure that nothing else loads it: a note with the reason, and no safe fix.
        f.level = Level::Note;
        std::string names = "`" + unknown.front() + "`";
        if (unknown.size() == 2) names += " or `" + unknown[1] + "`";
        else if (unknown.size() > 2) names += " or " + std::to_string(unknown.size() - 1) + " other modules";
        f.message += " (unless " + names + ", which lambda-lint has no import figures for, loads it too)";
        for (Fix& fix : f.fixes)
          if (fix.applicability == Applicability::Safe) fix.applicability = Applicability::Unsafe;
      }
      out.push_back(std::move(f));
    }
  }

  /// The finding for one group, before what is unknown lowers it.
  static void report(const CheckContext& ctx, const std::vector<Candidate*>& group,
                     std::vector<Finding>& out) {
    const Module& m = ctx.module;
    const Candidate& first = *group.front();
    const Import& imp = m.imports[first.imports.front()];
    const ImportWeight& w = ctx.importWeights[first.imports.front()];
    std::vector<const NameUse*> uses;
    for (const Candidate* c : group) uses.insert(uses.end(), c->uses.begin(), c->uses.end());
    std::sort(uses.begin(), uses.end(),
              [](const NameUse* a, const NameUse* b) { return a->range.begin < b->range.begin; });
    const std::string shown = "`" + (m.language == Language::Python ? w.key : imp.module) + "`";
    auto others = [&](Finding& f) {
      for (size_t k = 1; k < group.size(); ++k)
        f.related.push_back({m.imports[group[k]->imports.front()].range,
                             "also imports " + shown + "; it moves with this import or not at all"});
    };

    if (uses.empty()) {
      Finding f = finding(m, imp, shown + " (" + figure(w) + ") is imported at module scope but never used; every cold start pays for it");
      others(f);
      if (group.size() == 1 && !imp.nested && !imp.sharedStatement)
        if (auto fix = ctx.editor.removeImport(m, first.imports)) {
          fix->applicability = Applicability::Unsafe; // an import can have side effects
          f.fixes.push_back(std::move(*fix));
        }
      out.push_back(std::move(f));
      return;
    }

    std::vector<int> functions;
    for (const NameUse* u : uses)
      if (std::find(functions.begin(), functions.end(), u->function) == functions.end())
        functions.push_back(u->function);
    std::string where;
    if (functions.size() == 1) {
      const int fn = functions.front();
      where = ctx.invocation.everyInvocation(fn)
                  ? "only in a branch of " + fnLabel(m, fn)
                  : "only in " + fnLabel(m, fn) + ", which not every invocation runs";
    } else {
      where = "only in " + std::to_string(functions.size()) +
              " functions that not every invocation runs";
    }
    Finding f = finding(m, imp, shown + " (" + figure(w) + ") is loaded during Init on every cold start, but used " +
                                    where + "; import it where it is used");
    for (const NameUse* u : uses) {
      if (f.related.size() >= 8) break;
      std::string in = u->function < 0 ? "module scope" : fnLabel(m, u->function);
      f.related.push_back({u->range, "used in " + in});
    }
    others(f);
    if (group.size() == 1)
      if (std::optional<Fix> fix = moveFix(ctx, first.imports, uses, first.typeUses))
        f.fixes.push_back(std::move(*fix));
    out.push_back(std::move(f));
  }

  static Finding finding(const Module& m, const Import& imp, std::string message) {
    Finding f;
    f.rule = std::string(kInfo.id);
    f.level = kInfo.defaultLevel;
    f.file = m.file;
    f.range = imp.range;
    f.message = std::move(message);
    return f;
  }

  /// The import moved to the start of the smallest block holding each function's uses.
  static std::optional<Fix> moveFix(const CheckContext& ctx, const std::vector<int>& imports,
                                    const std::vector<const NameUse*>& uses, bool typeUses) {
    const Module& m = ctx.module;
    const Import& imp = m.imports[imports.front()];
    if (imp.nested || imp.sharedStatement) return std::nullopt;
    std::map<int, std::vector<int>> blocksByFunction;
    for (const NameUse* u : uses) {
      if (u->block < 0 || u->function < 0) return std::nullopt;
      blocksByFunction[u->function].push_back(u->block);
    }
    std::vector<int> targets;
    for (const auto& [fn, blocks] : blocksByFunction) {
      const int b = commonBlock(m, blocks);
      if (b < 0 || m.blocks[b].function != fn || m.blocks[b].insertAt == Block::kNoInsert)
        return std::nullopt;
      // In code every invocation runs, the import must land in a branch, or it would load on
      // every invocation's path again (a use in `x if c else pd.y` has no block of its own).
      if (ctx.invocation.everyInvocation(fn) && !conditionalWithin(m, b, fn)) return std::nullopt;
      targets.push_back(b);
    }
    const bool keepTypes = typeUses && (m.language == Language::TypeScript || m.language == Language::Tsx);
    std::optional<Fix> fix = ctx.editor.moveImport(m, imports, targets, keepTypes);
    // Python annotations under `from __future__ import annotations` still name the module for
    // typing.get_type_hints(): moving the import changes what they resolve to.
    if (fix && typeUses && !keepTypes) fix->applicability = Applicability::Unsafe;
    return fix;
  }
};

} // namespace

std::unique_ptr<Check> makeEagerHeavyImport() { return std::make_unique<EagerHeavyImport>(); }

} // namespace ll
