#include "checks/PerInvocationCalls.h"

#include "core/EditorSupport.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace ll {

namespace {

std::string expand(std::string_view tmpl, std::string_view label, std::string_view callee,
                   std::string_view where, std::string_view once) {
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    auto sub = [&](std::string_view key, std::string_view value) {
      if (tmpl.substr(i, key.size()) != key) return false;
      out += value;
      i += key.size();
      return true;
    };
    if (sub("{label}", label) || sub("{callee}", callee) || sub("{where}", where) ||
        sub("{once}", once))
      continue;
    out += tmpl[i++];
  }
  return out;
}

/// Where code that runs once per execution environment goes, for messages.
std::string_view onceScope(Language language) {
  return language == Language::Cpp ? "(in `main()` before `run_handler`, or as a function-local `static`)"
                                   : "at module scope";
}

std::string functionLabel(const Module& m, int f) {
  return "`" + m.functions[f].qualifiedName + "`";
}

/// `pool = new Pool(...)` in an init function that lazy initialisation calls (`if (!pool) await
/// init()`), where the assigned name is module-level: the function fills the cache. Another,
/// unguarded call of it (a webhook that rotates credentials) replaces the cached object on
/// purpose; it is not per-invocation waste.
bool refreshesCache(const Module& m, const InvocationAnalysis& invocation, const Call& call) {
  if (!invocation.lazyInit(call.function) || call.statement < 0) return false;
  const Statement& s = m.statements[call.statement];
  return s.call >= 0 && &m.calls[s.call] == &call && !s.assignedName.empty() &&
         s.declarationKind.empty() && !s.assignedOnce && m.moduleNames.contains(s.assignedName);
}

} // namespace

void reportPerInvocationCalls(const CheckContext& ctx, const PerInvocationRule& rule,
                              std::vector<Finding>& out) {
  const Module& m = ctx.module;
  const char* language = catalogueLanguage(m.language);
  // Python runs a handler's coroutines in an event loop that the invocation makes
  // (`asyncio.run`) and closes when it returns. An object bound to its loop (an aiohttp
  // session, an httpx AsyncClient: the catalogue's `loop-bound`) made in an async function cannot
  // outlive the invocation, unless the module keeps a loop of its own for every invocation.
  bool moduleLoop = false;
  for (const Call& call : m.calls)
    if (call.function < 0 && (call.callee == "asyncio.new_event_loop" || call.callee == "asyncio.get_event_loop"))
      moduleLoop = true;
  auto boundToInvocationLoop = [&](const Call& call) {
    return m.language == Language::Python && !moduleLoop && call.function >= 0 &&
           m.functions[call.function].isAsync &&
           ctx.catalogue.match(language, kind::LoopBound, call.callee) != nullptr;
  };
  std::vector<std::pair<const Call*, const CatalogueEntry*>> matched;
  for (const Call& call : m.calls) {
    if (call.referenceOnly || !ctx.invocation.perInvocation(call)) continue;
    if (refreshesCache(m, ctx.invocation, call)) continue;
    if (const CatalogueEntry* entry = ctx.catalogue.match(language, rule.kind, call.callee))
      if (!boundToInvocationLoop(call)) matched.emplace_back(&call, entry);
  }
  // `boto3.Session().client("s3")` and `DynamoDBDocumentClient.from(new DynamoDBClient({}))`
  // are one construction to fix: report the outermost call, not also the ones it is made from.
  // Read-modify-write: a store the handler also writes holds data, not configuration.
  auto store = [](std::string_view label) { return label.substr(0, label.rfind(' ')); };
  if (!rule.writeKind.empty()) {
    std::vector<std::pair<int, std::string_view>> writes; // handler, store
    for (const Call& call : m.calls)
      if (!call.referenceOnly && ctx.invocation.perInvocation(call.function))
        if (const CatalogueEntry* w = ctx.catalogue.match(language, rule.writeKind, call.callee))
          writes.emplace_back(ctx.invocation.handlerOf(call.function), store(w->label));
    std::erase_if(matched, [&](const auto& item) {
      const int handler = ctx.invocation.handlerOf(item.first->function);
      return std::ranges::any_of(writes, [&](const auto& w) {
        return w.first == handler && w.second == store(item.second->label);
      });
    });
  }
  // `const client = new MongoClient(uri); await client.connect();`: one connection, one
  // finding, at the construction, with the call on it as a related location.
  auto receiverOf = [&](const Call& call) -> std::string_view {
    std::string_view callee = m.text(call.calleeRange);
    const size_t dot = callee.rfind('.');
    if (dot == std::string_view::npos) return {};
    std::string_view object = callee.substr(0, dot);
    if (object.starts_with("await ")) return {};
    const bool identifier = std::ranges::all_of(object, [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_' || ch == '$';
    });
    return identifier ? object : std::string_view();
  };
  std::unordered_map<const Call*, std::vector<const Call*>> usesOf; // construction -> calls on it
  std::unordered_set<const Call*> merged;
  for (const auto& [callPtr, entry] : matched) {
    std::string_view object = receiverOf(*callPtr);
    if (object.empty()) continue;
    for (const auto& [maker, makerEntry] : matched) {
      if (maker == callPtr || maker->function != callPtr->function || maker->statement < 0 ||
          maker->range.begin >= callPtr->range.begin)
        continue;
      const Statement& s = m.statements[maker->statement];
      if (s.call >= 0 && &m.calls[s.call] == maker && s.assignedName == object) {
        usesOf[maker].push_back(callPtr);
        merged.insert(callPtr);
        break;
      }
    }
  }
  auto madeFromAnother = [&](const Call& inner) {
    for (const auto& [outer, entry] : matched)
      if (outer != &inner && outer->range.contains(inner.range) && !(outer->range == inner.range))
        return true;
    return false;
  };
  for (const auto& [callPtr, entry] : matched) {
    const Call& call = *callPtr;
    if (madeFromAnother(call) || merged.contains(&call)) continue;

    const int handler = ctx.invocation.handlerOf(call.function);
    // Entered from a handler in another file of the project (core/Project.h), or not.
    const ExternalEntry* external = ctx.invocation.externalEntry(handler);
    std::string where = external ? "in " + functionLabel(m, call.function) + ", called from handler " +
                                       external->handlerLabel
                        : call.function == handler
                            ? "in handler " + functionLabel(m, handler)
                            : "in " + functionLabel(m, call.function) + ", called from handler " +
                                  functionLabel(m, handler);
    Finding f;
    f.rule = std::string(rule.info.id);
    f.level = rule.info.defaultLevel;
    f.file = m.file;
    f.range = call.range;
    f.message = expand(rule.message, entry->label, abbreviate(m.text(call.calleeRange)), where,
                       onceScope(m.language));
    // Made from a value of this invocation (the event, a parameter, credentials assumed here):
    // it cannot simply be made once, and whether a cache per value pays depends on how often
    // the values repeat, which the code does not tell. Said as a note, without a fix.
    const bool fromInvocation = !call.fromInvocation.empty() && rule.fix != FixStrategy::None;
    if (fromInvocation) {
      f.level = Level::Note;
      f.message = f.message.substr(0, f.message.find(';')) + "; it uses `" +
                  abbreviate(call.fromInvocation) +
                  "`, a value of this invocation, so it cannot simply be made once: if such values "
                  "repeat across invocations, keep one per value in a module-level cache";
    }
    // Related locations: the handler, then each call on the way to this function.
    if (external) {
      f.related.insert(f.related.end(), external->steps.begin(), external->steps.end());
    } else {
      const Function& h = m.functions[handler];
      f.related.push_back({h.nameRange, "handler " + functionLabel(m, handler) + " (" +
                                            h.handlerReason + ") runs on every invocation"});
    }
    for (int ci : ctx.invocation.callPath(call.function)) {
      const Call& step = m.calls[ci];
      f.related.push_back({step.range, std::string(step.referenceOnly ? "passes " : "calls ") +
                                           functionLabel(m, step.target)});
    }
    f.pathSteps = f.related.size();
    if (auto it = usesOf.find(&call); it != usesOf.end())
      for (const Call* use : it->second)
        f.related.push_back({use->range, "`" + abbreviate(m.text(use->calleeRange)) + "(...)` on the same object is part of this finding"});
    std::optional<Fix> fix;
    if (fromInvocation || entry->fix == FixCeiling::None || rule.fix == FixStrategy::None) {
      // e.g. a one-use token: caching it would break the next invocation
    } else if (rule.fix == FixStrategy::HoistOrLazyGetter) {
      fix = ctx.editor.hoistToModuleScope(m, call);
      if (!fix) fix = ctx.editor.lazyInitialize(m, call, LazyPurpose::Client);
    } else {
      fix = ctx.editor.lazyInitialize(m, call, LazyPurpose::Config);
    }
    if (fix && entry->fix == FixCeiling::Unsafe) fix->applicability = Applicability::Unsafe;
    if (fix) f.fixes.push_back(std::move(*fix));
    out.push_back(std::move(f));
  }
}

} // namespace ll
