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

class EagerHeavyImport final : public Check {
public:
  const RuleInfo& info() const override { return kInfo; }

  void run(const CheckContext& ctx, std::vector<Finding>& out) const override {
    const Module& m = ctx.module;
    // Which code runs on every invocation is only known with the entry points in view.
    if (!ctx.invocation.hasHandlers()) return;
    const bool typescript = m.language == Language::TypeScript || m.language == Language::Tsx;

    // One finding per import statement and module: `from sklearn import a, b` is one.
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

    for (const auto& [key, imports] : statements) {
      const Import& imp = m.imports[imports.front()];
      const ImportWeight& w = ctx.importWeights[imports.front()];
      std::vector<const NameUse*> uses;
      bool typeUses = false;
      for (int i : imports)
        for (const NameUse* u : usesOf[i]) {
          if (u->typeOnly) typeUses = true;
          else uses.push_back(u);
        }
      std::sort(uses.begin(), uses.end(),
                [](const NameUse* a, const NameUse* b) { return a->range.begin < b->range.begin; });
      const std::string shown = "`" + (m.language == Language::Python ? w.key : imp.module) + "`";

      if (uses.empty()) {
        // TypeScript erases an import used in types only, or not at all: nothing is loaded.
        if (typescript) continue;
        Finding f = finding(m, imp, shown + " (" + figure(w) + ") is imported at module scope but never used; every cold start pays for it");
        if (!imp.nested && !imp.sharedStatement)
          if (auto fix = ctx.editor.removeImport(m, imports)) {
            fix->applicability = Applicability::Unsafe; // an import can have side effects
            f.fixes.push_back(std::move(*fix));
          }
        out.push_back(std::move(f));
        continue;
      }

      // Needed on every invocation (or during Init itself): keep it at module scope.
      auto needed = [&](const NameUse* u) {
        if (u->function < 0 || ctx.invocation.atInit(u->function)) return true;
        return u->unconditional && ctx.invocation.everyInvocation(u->function);
      };
      if (std::any_of(uses.begin(), uses.end(), needed)) continue;

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
      if (std::optional<Fix> fix = moveFix(ctx, imports, uses, typeUses)) f.fixes.push_back(std::move(*fix));
      out.push_back(std::move(f));
    }
  }

private:
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
