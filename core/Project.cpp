#include "core/Project.h"

#include <algorithm>
#include <deque>
#include <filesystem>

namespace ll {

namespace {

struct Node {
  int module = -1;
  int function = -1;
};

std::string fileLabel(const Module& m) {
  return std::filesystem::path(m.file->path()).filename().string();
}

} // namespace

namespace {

/// The name the cost model weighs an import under.
std::string weighName(const Module& m, const Import& imp) {
  return m.language == Language::Python ? imp.canonical() : imp.module;
}

/// What loading module `t` imports at Init from outside the project, through the project
/// modules it imports too; each module's list once, cycles cut.
const std::vector<Import>& initLoads(size_t t, const std::vector<const Module*>& modules,
                                     const std::vector<std::vector<int>>& imports,
                                     std::vector<std::vector<Import>>& memo, std::vector<int>& state) {
  if (state[t] != 0) return memo[t]; // done, or on the current path (a cycle)
  state[t] = 1;
  const Module& m = *modules[t];
  std::vector<Import> out;
  std::vector<std::string> seen;
  auto add = [&](const Import& imp) {
    const std::string key = weighName(m, imp);
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) return;
    seen.push_back(key);
    out.push_back(imp);
  };
  for (size_t i = 0; i < m.imports.size(); ++i) {
    const Import& imp = m.imports[i];
    if (imp.function >= 0 || imp.typeOnly) continue;
    const int target = t < imports.size() && i < imports[t].size() ? imports[t][i] : -1;
    if (target < 0) {
      add(imp);
      continue;
    }
    for (const Import& inner : initLoads(size_t(target), modules, imports, memo, state)) add(inner);
  }
  memo[t] = std::move(out);
  state[t] = 2;
  return memo[t];
}

} // namespace

bool hasEntryPoint(const Module& m) {
  return std::any_of(m.functions.begin(), m.functions.end(),
                     [](const Function& f) { return f.isHandler || f.isRoute; });
}

Module projectView(Module&& m) {
  // A file's calls matter to others only when they reach into another file, and this one's
  // cannot (frontends/Linker.h: mayImportProject); what others read is which functions it
  // defines and exports, and what it imports at Init.
  Module v;
  v.language = m.language;
  v.file = std::move(m.file);
  v.imports = std::move(m.imports);
  v.functions = std::move(m.functions);
  v.exports = std::move(m.exports);
  v.hasSyntaxErrors = m.hasSyntaxErrors;
  return v;
}

std::vector<ProjectFacts> projectFacts(const std::vector<const Module*>& modules,
                                       const ProjectLinks& links,
                                       const std::vector<std::vector<int>>& imports,
                                       const ProjectLinks& entries) {
  std::vector<ProjectFacts> facts(modules.size());
  // Init across files: each module-scope import of a project module brings what that module
  // imports at module scope, transitively.
  if (!imports.empty()) {
    std::vector<std::vector<Import>> memo(modules.size());
    std::vector<int> state(modules.size(), 0);
    for (size_t mi = 0; mi < modules.size() && mi < imports.size(); ++mi) {
      const Module& m = *modules[mi];
      for (size_t i = 0; i < m.imports.size() && i < imports[mi].size(); ++i) {
        const int t = imports[mi][i];
        if (t < 0 || m.imports[i].function >= 0) continue;
        ProjectImport pi;
        pi.path = modules[size_t(t)]->file->path();
        pi.loads = initLoads(size_t(t), modules, imports, memo, state);
        facts[mi].projectImports.emplace(weighName(m, m.imports[i]), std::move(pi));
      }
    }
  }
  // Node numbering: one block of ids per module.
  std::vector<size_t> base(modules.size() + 1, 0);
  for (size_t i = 0; i < modules.size(); ++i) base[i + 1] = base[i] + modules[i]->functions.size();
  const size_t n = base.back();
  if (n == 0) return facts;
  auto id = [&](int m, int f) { return base[m] + size_t(f); };
  bool anyLink = false;
  for (const auto* ls : {&links, &entries})
    for (const auto& l : *ls)
      for (const FunctionRef& r : l) anyLink = anyLink || bool(r);
  if (!anyLink) return facts;

  // An edge: call `call` of module `from` reaches node `to`.
  struct Edge {
    int call;
    Node to;
  };
  std::vector<std::vector<Edge>> out(n);
  std::vector<std::vector<Edge>> moduleLevel(modules.size()); // calls at module scope
  for (size_t mi = 0; mi < modules.size(); ++mi) {
    const Module& m = *modules[mi];
    for (size_t ci = 0; ci < m.calls.size(); ++ci) {
      const Call& c = m.calls[ci];
      Node to;
      if (ci < links[mi].size() && links[mi][ci]) to = {links[mi][ci].module, links[mi][ci].function};
      else if (c.target >= 0) to = {int(mi), c.target};
      else continue;
      if (c.function >= 0) out[id(int(mi), c.function)].push_back({int(ci), to});
      else moduleLevel[mi].push_back({int(ci), to});
    }
  }
  auto memoized = [&](Node x) { return modules[x.module]->functions[x.function].memoized; };
  auto cross = [&](Node from, Node to) { return from.module != to.module; };

  // Per invocation: breadth-first from every handler, so each recorded path is a shortest one.
  std::vector<bool> reached(n, false);
  std::vector<std::pair<Node, int>> via(n, {Node{}, -1}); // caller node and call index
  std::deque<Node> queue;
  for (size_t mi = 0; mi < modules.size(); ++mi)
    for (size_t f = 0; f < modules[mi]->functions.size(); ++f)
      if (modules[mi]->functions[f].isHandler) {
        reached[id(int(mi), int(f))] = true;
        queue.push_back({int(mi), int(f)});
      }
  // Entry points another file makes of a function of this one (ImportedEntry): a middleware's
  // hooks, a handler defined in a helper and exported through a wrapper elsewhere.
  struct ImportedRoot {
    int module = -1; // the module whose export makes the entry point
    int entry = -1;  // its ImportedEntry
  };
  std::vector<int> importedRoot(n, -1);
  std::vector<ImportedRoot> roots;
  std::vector<Node> importedNodes;
  for (size_t mi = 0; mi < modules.size() && mi < entries.size(); ++mi)
    for (size_t k = 0; k < entries[mi].size() && k < modules[mi]->importedEntries.size(); ++k) {
      const FunctionRef r = entries[mi][k];
      if (!r) continue;
      const ImportedEntry& ie = modules[mi]->importedEntries[k];
      const Function& fn = modules[r.module]->functions[r.function];
      std::vector<int> targets = ie.returned ? fn.returned : std::vector<int>{r.function};
      for (int g : targets) {
        if (g < 0 || size_t(g) >= modules[r.module]->functions.size()) continue;
        const size_t t = id(r.module, g);
        if (reached[t]) continue;
        reached[t] = true;
        importedRoot[t] = int(roots.size());
        roots.push_back({int(mi), int(k)});
        importedNodes.push_back({r.module, g});
        queue.push_back({r.module, g});
      }
    }
  while (!queue.empty()) {
    Node x = queue.front();
    queue.pop_front();
    for (const Edge& e : out[id(x.module, x.function)]) {
      const Call& c = modules[x.module]->calls[e.call];
      if (c.lazy) continue;
      const size_t t = id(e.to.module, e.to.function);
      if (reached[t] || memoized(e.to)) continue;
      reached[t] = true;
      via[t] = {x, e.call};
      queue.push_back(e.to);
    }
  }
  auto entered = [&](Node to) -> ProjectFacts::Entered& {
    const Module& m = *modules[to.module];
    return facts[to.module].functions[m.functions[to.function].qualifiedName];
  };
  for (size_t mi = 0; mi < modules.size(); ++mi) {
    const Module& m = *modules[mi];
    for (size_t f = 0; f < m.functions.size(); ++f) {
      const size_t t = id(int(mi), int(f));
      if (!reached[t]) continue;
      const bool crossCall = via[t].second >= 0 && via[t].first.module != int(mi);
      const bool importedHere = importedRoot[t] >= 0; // made an entry point by another file
      if (!crossCall && !importedHere) continue;
      // Entered from another file: the way from the handler, in order.
      std::vector<std::pair<Node, int>> chain;
      Node root{int(mi), int(f)};
      if (!importedHere)
        for (Node x{int(mi), int(f)}; via[id(x.module, x.function)].second >= 0;) {
          chain.push_back(via[id(x.module, x.function)]);
          x = chain.back().first;
          root = x;
          if (chain.size() > n) break; // defensive: never loop
        }
      std::reverse(chain.begin(), chain.end());
      ExternalEntry e;
      if (const int ri = importedRoot[id(root.module, root.function)]; ri >= 0) {
        const Module& em = *modules[roots[size_t(ri)].module];
        const ImportedEntry& ie = em.importedEntries[size_t(roots[size_t(ri)].entry)];
        const Module& rm = *modules[root.module];
        e.handlerLabel = "`" + ie.handler + "` in " + fileLabel(em);
        e.steps.push_back({ie.range,
                           "`" + rm.functions[root.function].qualifiedName + "` in " + fileLabel(rm) + " (" +
                               ie.reason + ") runs on every invocation",
                           em.file});
      } else {
        const Module& hm = *modules[root.module];
        const Function& hf = hm.functions[root.function];
        e.handlerLabel = "`" + hf.qualifiedName + "` in " + fileLabel(hm);
        e.steps.push_back({hf.nameRange,
                           "handler `" + hf.qualifiedName + "` (" + hf.handlerReason +
                               ") runs on every invocation",
                           hm.file});
      }
      for (const auto& [caller, ci] : chain) {
        const Module& cm = *modules[caller.module];
        const Call& c = cm.calls[ci];
        const Node to = [&] {
          for (const Edge& ed : out[id(caller.module, caller.function)])
            if (ed.call == ci) return ed.to;
          return Node{};
        }();
        const Module& tm = *modules[to.module];
        std::string label = "`" + tm.functions[to.function].qualifiedName + "`";
        if (cross(caller, to)) label += " in " + fileLabel(tm);
        e.steps.push_back({c.range, std::string(c.referenceOnly ? "passes " : "calls ") + label, cm.file});
      }
      ProjectFacts::Entered& en = entered({int(mi), int(f)});
      en.invocation = true;
      en.entry = int(facts[mi].entries.size());
      facts[mi].entries.push_back(std::move(e));
    }
  }

  // Every invocation: non-route handlers and what they call unconditionally.
  std::vector<bool> every(n, false);
  std::vector<Node> work;
  for (size_t mi = 0; mi < modules.size(); ++mi)
    for (size_t f = 0; f < modules[mi]->functions.size(); ++f) {
      const Function& fn = modules[mi]->functions[f];
      if (fn.isHandler && !fn.isRoute) {
        every[id(int(mi), int(f))] = true;
        work.push_back({int(mi), int(f)});
      }
    }
  for (const Node& x : importedNodes) {
    every[id(x.module, x.function)] = true;
    entered(x).every = true;
    work.push_back(x);
  }
  while (!work.empty()) {
    Node x = work.back();
    work.pop_back();
    for (const Edge& e : out[id(x.module, x.function)]) {
      const Call& c = modules[x.module]->calls[e.call];
      if (!c.unconditional || c.lazy) continue;
      const size_t t = id(e.to.module, e.to.function);
      if (every[t]) continue;
      every[t] = true;
      if (cross(x, e.to)) entered(e.to).every = true;
      work.push_back(e.to);
    }
  }
  // Init (what module scope calls) and lazy initialisation spread through every call.
  auto spread = [&](std::vector<bool>& mark, bool ProjectFacts::Entered::*flag) {
    while (!work.empty()) {
      Node x = work.back();
      work.pop_back();
      for (const Edge& e : out[id(x.module, x.function)]) {
        if (modules[x.module]->calls[e.call].referenceOnly) continue;
        const size_t t = id(e.to.module, e.to.function);
        if (mark[t]) continue;
        mark[t] = true;
        if (cross(x, e.to)) entered(e.to).*flag = true;
        work.push_back(e.to);
      }
    }
  };
  std::vector<bool> init(n, false);
  for (size_t mi = 0; mi < modules.size(); ++mi)
    for (const Edge& e : moduleLevel[mi]) {
      if (modules[mi]->calls[e.call].referenceOnly) continue;
      const size_t t = id(e.to.module, e.to.function);
      if (init[t]) continue;
      init[t] = true;
      if (e.to.module != int(mi)) entered(e.to).init = true;
      work.push_back(e.to);
    }
  spread(init, &ProjectFacts::Entered::init);
  std::vector<bool> lazy(n, false);
  for (size_t mi = 0; mi < modules.size(); ++mi) {
    const Module& m = *modules[mi];
    for (size_t ci = 0; ci < m.calls.size(); ++ci) {
      const Call& c = m.calls[ci];
      if (!c.lazy || c.referenceOnly) continue;
      Node to;
      if (ci < links[mi].size() && links[mi][ci]) to = {links[mi][ci].module, links[mi][ci].function};
      else if (c.target >= 0) to = {int(mi), c.target};
      else continue;
      const size_t t = id(to.module, to.function);
      if (lazy[t]) continue;
      lazy[t] = true;
      if (to.module != int(mi)) entered(to).lazy = true;
      work.push_back(to);
    }
  }
  spread(lazy, &ProjectFacts::Entered::lazy);
  return facts;
}

} // namespace ll
