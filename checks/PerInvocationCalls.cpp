#include "checks/PerInvocationCalls.h"

#include "core/EditorSupport.h"

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
    if (const CatalogueEntry* entry = ctx.catalogue.match(language, rule.kind, call.callee))
      if (!boundToInvocationLoop(call)) matched.emplace_back(&call, entry);
  }
  // `boto3.Session().client("s3")` and `DynamoDBDocumentClient.from(new DynamoDBClient({}))`
  // are one construction to fix: report the outermost call, not also the ones it is made from.
  auto madeFromAnother = [&](const Call& inner) {
    for (const auto& [outer, entry] : matched)
      if (outer != &inner && outer->range.contains(inner.range) && !(outer->range == inner.range))
        return true;
    return false;
  };
  for (const auto& [callPtr, entry] : matched) {
    const Call& call = *callPtr;
    if (madeFromAnother(call)) continue;

    const int handler = ctx.invocation.handlerOf(call.function);
    std::string where = call.function == handler
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
    // Related locations: the handler, then each call on the way to this function.
    const Function& h = m.functions[handler];
    f.related.push_back({h.nameRange, "handler " + functionLabel(m, handler) + " (" +
                                          h.handlerReason + ") runs on every invocation"});
    for (int ci : ctx.invocation.callPath(call.function)) {
      const Call& step = m.calls[ci];
      f.related.push_back({step.range, std::string(step.referenceOnly ? "passes " : "calls ") +
                                           functionLabel(m, step.target)});
    }
    std::optional<Fix> fix;
    if (entry->fix == FixCeiling::None || rule.fix == FixStrategy::None) {
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
