// Lazy initialisation in the Python lowering: cache tests (`if _c is None`, `_c = _c or ...`)
// and the regions they guard.
#include "frontends/python/PyLowering.h"

namespace ll::python {

bool PythonLowering::isCacheName(TSNode n) const {
  if (is(n, "attribute")) { // self._client / cls._client: an instance or class cache
    TSNode object = field(n, "object");
    if (!is(object, "identifier")) return false;
    const Value* v = lookup(text(object));
    return v && (v->kind == Value::Instance || v->kind == Value::Class);
  }
  if (!is(n, "identifier")) return false;
  std::string name = str(n);
  if (currentFunction() < 0) return false;
  if (scope().globals.contains(name)) return true;
  int where = -2;
  lookup(name, &where);
  return where == -1 || (where >= 0 && where != currentFunction() && scope().nonlocals.contains(name));
}

std::string PythonLowering::cacheTest(TSNode cond, bool wantEmpty) const {
  if (is(cond, "parenthesized_expression")) return cacheTest(named(cond, 0), wantEmpty);
  if (is(cond, "not_operator")) return cacheTest(field(cond, "argument"), !wantEmpty);
  if (is(cond, "boolean_operator")) {
    // `_c is None or expired()` is a (TTL) cache miss; `_c and fresh()` a hit.
    std::string_view op = text(field(cond, "operator"));
    if ((wantEmpty && op == "or") || (!wantEmpty && op == "and")) {
      std::string l = cacheTest(field(cond, "left"), wantEmpty);
      return l.empty() ? cacheTest(field(cond, "right"), wantEmpty) : l;
    }
    return {};
  }
  if (isCacheName(cond)) return wantEmpty ? std::string() : str(cond); // `if _c:` is a hit
  if (is(cond, "comparison_operator") && namedCount(cond) == 2) {
    TSNode a = named(cond, 0), b = named(cond, 1);
    std::string op;
    for (uint32_t i = 0; i < ts_node_child_count(cond); ++i) {
      TSNode c = ts_node_child(cond, i);
      if (!ts_node_is_named(c)) op += (op.empty() ? "" : " ") + std::string(text(c));
    }
    auto isNone = [&](TSNode x) { return is(x, "none") || text(x) == "None"; };
    if (op == "is" || op == "==" || op == "is not" || op == "!=") {
      bool empty = op == "is" || op == "==";
      TSNode other = isNone(b) ? a : isNone(a) ? b : TSNode{};
      if (!ts::isNull(other) && isCacheName(other) && empty == wantEmpty) return str(other);
      return {};
    }
    if (op == "in" || op == "not in") { // `key not in _cache`
      bool empty = op == "not in";
      if (isCacheName(b) && empty == wantEmpty) return str(b);
    }
    return {};
  }
  if (is(cond, "call")) { // `_cache.get(key) is None` handled above; `not _cache.get(k)` here
    TSNode fn = field(cond, "function");
    if (is(fn, "attribute") && text(field(fn, "attribute")) == "get" &&
        isCacheName(field(fn, "object")) && !wantEmpty)
      return str(field(fn, "object"));
  }
  return {};
}

bool PythonLowering::assignsTo(TSNode n, std::string_view cache, int depth) const {
  if (ts::isNull(n) || depth > 200) return false;
  if (is(n, "assignment") || is(n, "augmented_assignment")) {
    TSNode left = field(n, "left");
    std::string_view l = text(left);
    if (l == cache) return true;
    if (is(left, "subscript") && text(field(left, "value")) == cache) return true;
    if (is(left, "pattern_list") || is(left, "tuple_pattern"))
      for (uint32_t i = 0; i < namedCount(left); ++i)
        if (text(named(left, i)) == cache) return true;
  }
  if (is(n, "call")) { // _cache.setdefault(...), _cache.update(...)
    TSNode fn = field(n, "function");
    if (is(fn, "attribute") && text(field(fn, "object")) == cache) {
      std::string_view m = text(field(fn, "attribute"));
      if (m == "setdefault" || m == "update") return true;
    }
    // `if s3 is None: _init()` where `_init` declares `global s3` and assigns it: an init
    // function of the module fills the cache (followed a few calls deep).
    if (depth < 150 && is(fn, "identifier")) {
      const Value* v = lookup(text(fn));
      if (v && v->kind == Value::Function && v->index >= 0 && size_t(v->index) < extras_.size()) {
        TSNode body = field(extras_[v->index].node, "body");
        if (!ts::isNull(body) && declaresGlobal(body, cache) && assignsTo(body, cache, depth + 50))
          return true;
      }
    }
  }
  if (is(n, "function_definition") || is(n, "class_definition")) return false;
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (assignsTo(named(n, i), cache, depth + 1)) return true;
  return false;
}

bool PythonLowering::declaresGlobal(TSNode n, std::string_view name, int depth) const {
  if (ts::isNull(n) || depth > 100) return false;
  if (is(n, "global_statement") || is(n, "nonlocal_statement")) {
    for (uint32_t i = 0; i < namedCount(n); ++i)
      if (text(named(n, i)) == name) return true;
    return false;
  }
  if (is(n, "function_definition") || is(n, "class_definition")) return false;
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (declaresGlobal(named(n, i), name, depth + 1)) return true;
  return false;
}

std::string PythonLowering::flagTest(TSNode cond, bool& negated) const {
  negated = false;
  for (int i = 0; i < 8; ++i) {
    if (is(cond, "parenthesized_expression")) cond = named(cond, 0);
    else if (is(cond, "not_operator")) { negated = !negated; cond = field(cond, "argument"); }
    else break;
  }
  return is(cond, "identifier") && isCacheName(cond) ? str(cond) : std::string();
}

bool PythonLowering::assignsFalsy(TSNode n, std::string_view name, int depth) const {
  if (ts::isNull(n) || depth > 200) return false;
  if (is(n, "assignment") && text(field(n, "left")) == name) {
    std::string_view r = text(field(n, "right"));
    return r == "False" || r == "None" || r == "0" || r == "\"\"" || r == "''";
  }
  if (is(n, "function_definition") || is(n, "class_definition")) return false;
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (assignsFalsy(named(n, i), name, depth + 1)) return true;
  return false;
}

std::string PythonLowering::stateTest(TSNode cond) const {
  bool negated = false;
  for (int i = 0; i < 8; ++i) {
    if (is(cond, "parenthesized_expression")) cond = named(cond, 0);
    else if (is(cond, "not_operator")) { negated = !negated; cond = field(cond, "argument"); }
    else break;
  }
  if (is(cond, "call")) cond = field(cond, "function");
  if (!is(cond, "attribute")) return {};
  TSNode object = field(cond, "object");
  if (!is(object, "identifier") || !isCacheName(object)) return {};
  const bool down = namesDownState(text(field(cond, "attribute")));
  return negated != down ? str(object) : std::string();
}

bool PythonLowering::callsMethodOn(TSNode n, std::string_view object, int depth) const {
  if (ts::isNull(n) || depth > 200) return false;
  if (is(n, "call")) {
    TSNode fn = field(n, "function");
    if (is(fn, "attribute") && text(field(fn, "object")) == object) return true;
    if (depth < 150 && is(fn, "identifier")) {
      const Value* v = lookup(text(fn));
      if (v && v->kind == Value::Function && v->index >= 0 && size_t(v->index) < extras_.size()) {
        TSNode body = field(extras_[v->index].node, "body");
        if (!ts::isNull(body) && callsMethodOn(body, object, depth + 50)) return true;
      }
    }
  }
  if (is(n, "function_definition") || is(n, "class_definition")) return false;
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (callsMethodOn(named(n, i), object, depth + 1)) return true;
  return false;
}

bool PythonLowering::lazyGuard(TSNode cond, TSNode consequence) const {
  if (currentFunction() < 0) return false;
  std::string cache = cacheTest(cond, /*wantEmpty=*/true);
  if (!cache.empty() && assignsTo(consequence, cache)) return true;
  // A flag: `if not _ready: ...; _ready = True`, `if is_cold_start: ...; is_cold_start = False`.
  bool negated = false;
  std::string flag = flagTest(cond, negated);
  if (!flag.empty() && (negated ? assignsTo(consequence, flag) : assignsFalsy(consequence, flag)))
    return true;
  // A module-level object's state: `if not conn.open: conn.connect()`, `if conn.closed:
  // conn = connect()` -- a reconnect, once per execution environment while it stays up.
  std::string object = stateTest(cond);
  return !object.empty() && (assignsTo(consequence, object) || callsMethodOn(consequence, object));
}

void PythonLowering::walkIf(TSNode stmt) {
  TSNode cond = field(stmt, "condition");
  walkExpr(cond);
  TSNode consequence = field(stmt, "consequence");
  // `if TYPE_CHECKING:` holds imports for type checkers only; they never run.
  std::string_view condText = text(cond);
  const bool typeChecking = condText == "TYPE_CHECKING" || condText.ends_with(".TYPE_CHECKING");
  if (typeChecking) ++typeCheckingDepth_;
  const bool lazy = lazyGuard(cond, consequence);
  // A lazy-initialisation branch runs on the first invocation of every execution
  // environment: for what every invocation needs, it counts as the path, not a branch.
  if (!lazy) ++ctx_.conditionalDepth;
  if (lazy) ++ctx_.lazyDepth;
  walkBlock(consequence, false);
  if (lazy) --ctx_.lazyDepth;
  if (lazy) ++ctx_.conditionalDepth; // the elif/else branches and their conditions
  for (uint32_t i = 0; i < namedCount(stmt); ++i) {
    TSNode c = named(stmt, i);
    if (is(c, "elif_clause")) {
      if (typeChecking) --typeCheckingDepth_;
      walkExpr(field(c, "condition"));
      walkBlock(field(c, "consequence"), false);
      if (typeChecking) ++typeCheckingDepth_;
    } else if (is(c, "else_clause")) {
      // `if _c is not None: ... else: _c = make()`
      std::string hit = currentFunction() >= 0 ? cacheTest(cond, /*wantEmpty=*/false) : "";
      bool elseLazy = !hit.empty() && assignsTo(field(c, "body"), hit);
      if (elseLazy) ++ctx_.lazyDepth;
      if (elseLazy) --ctx_.conditionalDepth;
      if (typeChecking) --typeCheckingDepth_; // the else branch runs
      walkBlock(field(c, "body"), false);
      if (typeChecking) ++typeCheckingDepth_;
      if (elseLazy) ++ctx_.conditionalDepth;
      if (elseLazy) --ctx_.lazyDepth;
    }
  }
  --ctx_.conditionalDepth;
  if (typeChecking) --typeCheckingDepth_;
}

bool PythonLowering::earlyReturnGuard(TSNode ifStmt, TSNode block, uint32_t next) const {
  if (!ts::isNull(field(ifStmt, "alternative"))) return false;
  std::string cache = cacheTest(field(ifStmt, "condition"), /*wantEmpty=*/false);
  if (cache.empty()) return false;
  TSNode body = field(ifStmt, "consequence");
  TSNode last = namedCount(body) ? named(body, namedCount(body) - 1) : TSNode{};
  if (!is(last, "return_statement")) return false;
  for (uint32_t i = next; i < namedCount(block); ++i)
    if (assignsTo(named(block, i), cache)) return true;
  return false;
}

} // namespace ll::python
