// Lazy initialisation in the JavaScript lowering: cache tests (`if (!_c)`, `_c ??= ...`,
// `cache.has(k)`), the regions they guard, and which of those outlive an invocation.
#include "frontends/javascript/JsLowering.h"

namespace ll::js {

bool JsLowering::isCacheRead(TSNode value) {
  value = stripWrappers(value);
  if (is(value, "call_expression")) {
    TSNode fn = field(value, "function");
    return is(fn, "member_expression") && text(field(fn, "property")) == "get" &&
           isCacheExpr(field(fn, "object"));
  }
  return isCacheExpr(value);
}

void JsLowering::noteLazy(Call& c) {
  c.lazy = !lazyOwners_.empty();
  if (c.lazy) lazyOwnersOf_[static_cast<int>(m_.calls.size())] = lazyOwners_;
}

bool JsLowering::isCacheExpr(TSNode n) {
  n = stripWrappers(n);
  if (currentFunction() < 0 || ts::isNull(n)) return false;
  if (is(n, "identifier")) {
    int where = -1;
    lookup(text(n), &where);
    lastCacheOwner_ = -1;
    if (where < 0) return text(n) != "undefined"; // an implicit global keeps its value too
    if (where == 0) return true;
    if (scopes_[where].function != currentFunction()) {
      lastCacheOwner_ = scopes_[where].function; // closure state of an enclosing function
      return true;
    }
    return scopes_[where].cacheAliases.contains(str(n));
  }
  if (is(n, "member_expression")) {
    TSNode object = stripWrappers(field(n, "object"));
    if (is(object, "this")) {
      const Value& self = thisStack_.back();
      lastCacheOwner_ = -1;
      return self.kind == Value::Instance || self.kind == Value::Class || self.kind == Value::Object;
    }
    return isCacheExpr(object);
  }
  if (is(n, "subscript_expression")) return isCacheExpr(field(n, "object"));
  return false;
}

std::string JsLowering::cacheTest(TSNode cond, bool wantEmpty, int depth) {
  if (ts::isNull(cond) || depth > 32) return {};
  cond = stripWrappers(cond);
  std::string_view t = type(cond);
  if (t == "unary_expression" && text(field(cond, "operator")) == "!")
    return cacheTest(field(cond, "argument"), !wantEmpty, depth + 1);
  if (t == "binary_expression") {
    std::string_view op = text(field(cond, "operator"));
    TSNode a = stripWrappers(field(cond, "left")), b = stripWrappers(field(cond, "right"));
    if (op == "||" || op == "&&") {
      // `!_c || expired()` is a miss; `_c && fresh()` a hit.
      if ((wantEmpty && op == "||") || (!wantEmpty && op == "&&")) {
        std::string l = cacheTest(a, wantEmpty, depth + 1);
        return l.empty() ? cacheTest(b, wantEmpty, depth + 1) : l;
      }
      return {};
    }
    if (op == "===" || op == "==" || op == "!==" || op == "!=") {
      const bool empty = op == "===" || op == "==";
      TSNode other{};
      if (isNullish(text(b)) || text(b) == "'undefined'" || text(b) == "\"undefined\"") other = a;
      else if (isNullish(text(a)) || text(a) == "'undefined'" || text(a) == "\"undefined\"") other = b;
      if (ts::isNull(other)) return {};
      if (is(other, "unary_expression") && text(field(other, "operator")) == "typeof")
        other = stripWrappers(field(other, "argument"));
      if (empty != wantEmpty) return {};
      if (isCacheExpr(other)) return str(other);
      if (std::string m = mapLookup(other); !m.empty()) return m;
      return {};
    }
    if (op == "in" && isCacheExpr(b)) return wantEmpty ? std::string() : str(b);
    return {};
  }
  if (t == "call_expression") {
    if (std::string m = mapLookup(cond); !m.empty()) return wantEmpty ? std::string() : m;
    return {};
  }
  if (isCacheExpr(cond)) return wantEmpty ? std::string() : str(cond);
  return {};
}

std::string JsLowering::mapLookup(TSNode call) {
  if (!is(call, "call_expression")) return {};
  TSNode fn = stripWrappers(field(call, "function"));
  if (!is(fn, "member_expression")) return {};
  std::string_view m = text(field(fn, "property"));
  if ((m == "has" || m == "get") && isCacheExpr(field(fn, "object"))) return str(stripWrappers(field(fn, "object")));
  return {};
}

bool JsLowering::assignsTo(TSNode n, std::string_view cache, int depth) const {
  if (ts::isNull(n) || depth > 200 || cache.empty()) return false;
  std::string_view t = type(n);
  if (isFunctionType(t) || isClassType(t)) return false;
  if (t == "assignment_expression" || t == "augmented_assignment_expression") {
    TSNode left = stripWrappers(field(n, "left"));
    if (text(left) == cache) return true;
    if ((is(left, "subscript_expression") || is(left, "member_expression")) &&
        text(stripWrappers(field(left, "object"))) == cache)
      return true;
  }
  if (t == "call_expression") {
    TSNode fn = stripWrappers(field(n, "function"));
    if (is(fn, "member_expression") && text(stripWrappers(field(fn, "object"))) == cache) {
      std::string_view m = text(field(fn, "property"));
      if (m == "set" || m == "add") return true;
    }
    // `if (!pool) await init()` where `init` assigns the module-level `pool`: an init function
    // fills the cache (followed a few calls deep).
    if (depth < 150) {
      TSNode body = calledBody(n, cache);
      if (!ts::isNull(body) && assignsTo(body, cache, depth + 50)) return true;
    }
  }
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (assignsTo(named(n, i), cache, depth + 1)) return true;
  return false;
}

TSNode JsLowering::calledBody(TSNode call, std::string_view name) const {
  TSNode fn = stripWrappers(field(call, "function"));
  if (!is(fn, "identifier")) return {};
  const Value* v = lookup(text(fn));
  if (!v || v->kind != Value::Function || v->index < 0 || size_t(v->index) >= extras_.size()) return {};
  TSNode node = extras_[v->index].node;
  if (ts::isNull(node) || declaresLocal(node, name)) return {};
  return field(node, "body");
}

bool JsLowering::declaresLocal(TSNode n, std::string_view name, int depth) const {
  if (ts::isNull(n) || depth > 100 || name.empty()) return false;
  std::string_view t = type(n);
  if (t == "variable_declarator") {
    bool found = false;
    forEachPatternName(field(n, "name"), [&](TSNode id) { found = found || text(id) == name; });
    if (found) return true;
  } else if (t == "formal_parameters") {
    bool found = false;
    for (uint32_t i = 0; i < namedCount(n); ++i)
      forEachPatternName(named(n, i), [&](TSNode id) { found = found || text(id) == name; });
    if (found) return true;
  } else if (depth > 0 && (isFunctionType(t) || isClassType(t))) {
    return false;
  }
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (declaresLocal(named(n, i), name, depth + 1)) return true;
  return false;
}

bool JsLowering::assignsFalsy(TSNode n, std::string_view name, int depth) const {
  if (ts::isNull(n) || depth > 200) return false;
  std::string_view t = type(n);
  if (isFunctionType(t) || isClassType(t)) return false;
  if (t == "assignment_expression" && text(stripWrappers(field(n, "left"))) == name) {
    std::string_view r = text(stripWrappers(field(n, "right")));
    return r == "false" || r == "null" || r == "undefined" || r == "0" || r == "''" || r == "\"\"";
  }
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (assignsFalsy(named(n, i), name, depth + 1)) return true;
  return false;
}

std::string JsLowering::stateTest(TSNode cond) {
  bool negated = false;
  for (int i = 0; i < 8; ++i) {
    cond = stripWrappers(cond);
    if (is(cond, "unary_expression") && text(field(cond, "operator")) == "!") {
      negated = !negated;
      cond = field(cond, "argument");
    } else {
      break;
    }
  }
  if (is(cond, "call_expression")) cond = stripWrappers(field(cond, "function"));
  if (!is(cond, "member_expression")) return {};
  TSNode object = stripWrappers(field(cond, "object"));
  if (!is(object, "identifier") || !isCacheExpr(object)) return {};
  const bool down = namesDownState(text(field(cond, "property")));
  return negated != down ? str(object) : std::string();
}

bool JsLowering::callsMethodOn(TSNode n, std::string_view object, int depth) const {
  if (ts::isNull(n) || depth > 200) return false;
  std::string_view t = type(n);
  if (isFunctionType(t) || isClassType(t)) return false;
  if (t == "call_expression") {
    TSNode fn = stripWrappers(field(n, "function"));
    if (is(fn, "member_expression") && text(stripWrappers(field(fn, "object"))) == object) return true;
    if (depth < 150) {
      TSNode body = calledBody(n, object);
      if (!ts::isNull(body) && callsMethodOn(body, object, depth + 50)) return true;
    }
  }
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (callsMethodOn(named(n, i), object, depth + 1)) return true;
  return false;
}

std::string JsLowering::lazyGuard(TSNode cond, TSNode consequence) {
  if (currentFunction() < 0) return {};
  std::string miss = cacheTest(cond, true);
  if (!miss.empty() && assignsTo(consequence, miss)) return miss;
  // A flag set once: `if (isColdStart) { ...; isColdStart = false; }`.
  TSNode bare = stripWrappers(cond);
  if (is(bare, "identifier") && isCacheExpr(bare) && assignsFalsy(consequence, text(bare))) return str(bare);
  // A module-level object's state: `if (!client.isConnected()) await client.connect()` -- a
  // (re)connect, once per execution environment while the connection stays up.
  std::string object = stateTest(cond);
  if (!object.empty() && (assignsTo(consequence, object) || callsMethodOn(consequence, object))) return object;
  return {};
}

void JsLowering::walkIf(TSNode stmt) {
  TSNode cond = field(stmt, "condition");
  walkExpr(cond);
  TSNode consequence = field(stmt, "consequence");
  const std::string miss = lazyGuard(cond, consequence);
  // The owner of the cache tested (a module, or an enclosing function's closure state): the
  // last name lazyGuard resolved.
  const int missOwner = lastCacheOwner_;
  const bool lazy = !miss.empty();
  {
    // A lazy-initialisation branch runs on the first invocation of every execution
    // environment: for what every invocation needs, it counts as the path, not a branch.
    const Conditional branch(conditional_, !lazy);
    if (lazy) lazyOwners_.push_back(missOwner);
    walkBody(consequence, !lazy);
    if (lazy) lazyOwners_.pop_back();
  }
  TSNode alt = field(stmt, "alternative");
  if (!ts::isNull(alt)) {
    // `if (_c) {...} else { _c = make(); }`
    const std::string hit = currentFunction() >= 0 ? cacheTest(cond, false) : "";
    const int hitOwner = lastCacheOwner_;
    const bool elseLazy = !hit.empty() && assignsTo(alt, hit);
    const Conditional branch(conditional_, !elseLazy);
    if (elseLazy) lazyOwners_.push_back(hitOwner);
    // `else { ... }`, `else stmt;` and `else if (...) ...`: a branch each.
    for (uint32_t i = 0; i < namedCount(alt); ++i)
      if (!is(named(alt, i), "comment")) walkBody(named(alt, i), !elseLazy);
    if (elseLazy) lazyOwners_.pop_back();
  }
}

bool JsLowering::earlyReturnGuard(TSNode ifStmt, TSNode block, uint32_t next) {
  if (!ts::isNull(field(ifStmt, "alternative"))) return false;
  const std::string cache = cacheTest(field(ifStmt, "condition"), false);
  if (cache.empty()) return false;
  TSNode body = field(ifStmt, "consequence");
  if (is(body, "statement_block")) {
    TSNode last{};
    for (uint32_t i = 0; i < namedCount(body); ++i)
      if (!is(named(body, i), "comment")) last = named(body, i);
    body = last;
  }
  if (!is(body, "return_statement")) return false;
  for (uint32_t i = next; i < namedCount(block); ++i)
    if (assignsTo(named(block, i), cache)) return true;
  return false;
}

void JsLowering::settleLazy() {
  for (bool changed = true; changed;) {
    changed = false;
    InvocationAnalysis reach(m_);
    for (auto& [index, owners] : lazyOwnersOf_) {
      Call& c = m_.calls[index];
      if (!c.lazy) continue;
      const bool persistent = std::any_of(owners.begin(), owners.end(),
                                          [&](int f) { return f < 0 || !reach.perInvocation(f); });
      if (!persistent) {
        c.lazy = false;
        changed = true;
      }
    }
  }
}

} // namespace ll::js
