// Calls in the JavaScript lowering: the Call records with canonical callee names, the statements
// that assign them, hoistability, and the facts settled after the walk.
#include "frontends/javascript/JsLowering.h"

namespace ll::js {

void JsLowering::walkCall(TSNode n) {
  const bool isNew = is(n, "new_expression");
  TSNode fn = isNew ? field(n, "constructor") : field(n, "function");
  TSNode args = field(n, "arguments");
  if (!isNew && (isRequire(n) || isDynamicImport(n))) {
    recordRequire(n);
    if (isDynamicImport(n)) walkExpr(args);
    return;
  }
  const int f = currentFunction();
  TSNode bareFn = stripWrappers(fn);
  if (f >= 0 && is(bareFn, "member_expression") && is(stripWrappers(field(bareFn, "object")), "identifier")) {
    noteRelease(f, text(field(bareFn, "property")), str(stripWrappers(field(bareFn, "object"))));
  }
  if (is(bareFn, "member_expression")) walkExpr(field(bareFn, "object"));
  else if (is(bareFn, "subscript_expression")) {
    walkExpr(field(bareFn, "object"));
    walkExpr(field(bareFn, "index"));
  } else if (is(bareFn, "identifier")) noteUse(bareFn, false);
  else walkExpr(fn);
  walkTypes(field(n, "type_arguments"));
  // `a?.b(x)`: the call and its arguments run only when `a` is there.
  const Conditional optional(conditional_, !isNew && optionalChain(n));

  Value callee = resolve(fn);
  // `f.call(this, ...)` / `f.apply(...)` call f.
  if (is(bareFn, "member_expression")) {
    std::string_view prop = text(field(bareFn, "property"));
    if (prop == "call" || prop == "apply") {
      Value target = resolve(field(bareFn, "object"));
      if (target.kind == Value::Function) callee = target;
    }
  }
  const std::string canonical = calleeName(callee);
  const char* lang = "javascript";
  const bool memo = !canonical.empty() && cat_.match(lang, kind::Memoizer, canonical);
  const bool lambdaRoute = !canonical.empty() && cat_.match(lang, kind::LambdaRoute, canonical);
  const bool route = !lambdaRoute && !canonical.empty() && cat_.match(lang, kind::Route, canonical);
  if (!canonical.empty() && cat_.match(lang, kind::Adapter, canonical)) hasAdapter_ = true;

  // Recorded before the calls in its arguments: an edit of the outer call (moving
  // `DynamoDBDocumentClient.from(new DynamoDBClient({}))` to module scope) then comes first
  // and takes the inner one along.
  const int index = static_cast<int>(m_.calls.size());
  {
    Call c;
    c.callee = canonical;
    c.range = ts::range(n);
    c.calleeRange = isNew ? ByteRange{ts_node_start_byte(n), ts_node_end_byte(fn)} : ts::range(fn);
    c.function = f;
    c.unconditional = unconditional();
    noteLazy(c);
    if (callee.kind == Value::Function) c.target = callee.index;
    else if (callee.kind == Value::Class) c.target = classes_[callee.index].constructor;
    TSNode child{};
    TSNode p = wrappedParent(n, &child);
    if (is(p, "await_expression")) c.use = CallUse::Awaited;
    if (f >= 0) {
      c.fromInvocation = invocationValue(args);
      if (c.fromInvocation.empty() && is(bareFn, "member_expression"))
        c.fromInvocation = invocationValue(field(bareFn, "object"));
      std::vector<std::string> names;
      c.hoistable = hoistable(n, f, names);
      if (c.hoistable && !names.empty()) namesUsedBy_[index] = std::move(names);
      c.statement = statementFor();
    }
    m_.calls.push_back(std::move(c));
    if (m_.calls[index].statement >= 0) noteAssignedCall(n, index, m_.statements[m_.calls[index].statement]);
  }

  if (is(args, "arguments")) {
    // `p.catch(onError)` / `p.then(ok, onError)`: the error callback runs on failures only.
    const std::string_view method = is(bareFn, "member_expression") ? text(field(bareFn, "property")) : "";
    for (uint32_t i = 0; i < namedCount(args); ++i) {
      TSNode a = named(args, i);
      {
        const Conditional onError(conditional_, method == "catch" || (method == "then" && i == 1));
        walkExpr(a);
      }
      if (!memo && !route && !lambdaRoute) continue;
      // `app.get("/x", [auth], handler)`: functions in an array argument count too.
      std::vector<TSNode> candidates{a};
      if (is(stripWrappers(a), "array"))
        for (uint32_t j = 0; j < namedCount(stripWrappers(a)); ++j) candidates.push_back(named(stripWrappers(a), j));
      for (TSNode cand : candidates) {
        Value av = resolve(cand);
        if (av.kind != Value::Function) continue;
        if (memo) m_.functions[av.index].memoized = true;
        else routes_.push_back({av.index, abbreviated(fn), lambdaRoute});
      }
    }
  } else if (!ts::isNull(args)) {
    walkExpr(args); // tagged template
  }
}

bool JsLowering::invocationName(std::string_view name) const {
  int where = -1;
  if (!lookup(name, &where) || where < 0 || scopes_[where].function < 0) return false;
  return scopes_[where].invocation.contains(std::string(name));
}

std::string JsLowering::invocationValue(TSNode expr) {
  if (ts::isNull(expr) || currentFunction() < 0) return {};
  std::vector<TSNode> stack{expr};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    std::string_view t = type(n);
    if (isFunctionType(t) || isClassType(t) || isTypeOnly(t)) continue;
    if (t == "member_expression") { // `event.requestContext.domainName`: the property is no name
      stack.push_back(field(n, "object"));
      continue;
    }
    if (t == "pair") { // `{ endpoint: url }`: the key is no name
      stack.push_back(field(n, "value"));
      continue;
    }
    if (t == "identifier" || t == "shorthand_property_identifier") {
      if (invocationName(text(n))) return str(n);
      continue;
    }
    if (t == "call_expression" || t == "new_expression") {
      TSNode fn = field(n, t == "new_expression" ? "constructor" : "function");
      const std::string callee = calleeName(resolve(fn));
      if (!callee.empty() && cat_.match("javascript", kind::Credentials, callee))
        return std::string(text(fn));
    }
    for (uint32_t i = namedCount(n); i-- > 0;) stack.push_back(named(n, i));
  }
  return {};
}

void JsLowering::noteInvocationPattern(TSNode pattern, TSNode value, int scope) {
  if (currentFunction() < 0 || scope < 0 || ts::isNull(pattern) || invocationValue(value).empty()) return;
  forEachPatternName(pattern, [&](TSNode id) { scopes_[scope].invocation.insert(str(id)); });
}

bool JsLowering::optionalChain(TSNode call) {
  TSNode n = call;
  for (int i = 0; i < 32 && !ts::isNull(n); ++i) {
    if (!ts::isNull(field(n, "optional_chain"))) return true;
    std::string_view t = type(n);
    if (t == "call_expression") n = stripWrappers(field(n, "function"));
    else if (t == "member_expression" || t == "subscript_expression") n = stripWrappers(field(n, "object"));
    else return false;
  }
  return false;
}

void JsLowering::noteAssignedCall(TSNode call, int index, Statement& s) {
  TSNode st = statementNode_;
  if (is(st, "lexical_declaration") || is(st, "variable_declaration")) {
    TSNode only{};
    int declarators = 0;
    for (uint32_t k = 0; k < namedCount(st); ++k)
      if (is(named(st, k), "variable_declarator")) {
        only = named(st, k);
        ++declarators;
      }
    if (declarators != 1 || !same(field(only, "value"), call) || !is(field(only, "name"), "identifier")) return;
    s.assignedName = str(field(only, "name"));
    s.declarationKind = is(st, "variable_declaration") ? "var" : str(field(st, "kind"));
    s.call = index;
    // Another binding of the name in an enclosing block or function would capture uses once
    // this one is gone.
    for (size_t i = 1; i + 1 < scopes_.size(); ++i)
      if (scopes_[i].names.contains(s.assignedName)) shadowing_.insert(currentStatement_);
  } else if (is(st, "expression_statement")) {
    TSNode e = named(st, 0);
    if (is(e, "assignment_expression") && same(field(e, "right"), call) && is(field(e, "left"), "identifier")) {
      s.assignedName = str(field(e, "left"));
      s.call = index;
    }
  }
}

bool JsLowering::hoistable(TSNode call, int f, std::vector<std::string>& moduleNamesRead) const {
  const uint32_t limit = m_.functions[f].topLevelStart;
  std::unordered_set<std::string> innerNames; // bound by functions inside the call
  std::vector<std::pair<TSNode, int>> stack{{call, 0}};
  while (!stack.empty()) {
    auto [n, depth] = stack.back();
    stack.pop_back();
    if (depth > 256) return false;
    std::string_view t = type(n);
    if (isTypeOnly(t)) continue;
    if (t == "this" || t == "super" || t == "await_expression" || t == "yield_expression" ||
        t == "assignment_expression" || t == "augmented_assignment_expression" ||
        t == "update_expression" || t == "meta_property" || t == "import" || isClassType(t))
      return false;
    if (isFunctionType(t)) {
      for (const std::string& p : parameterNames(n)) innerNames.insert(p);
      forEachDeclaredName(n, innerNames);
    }
    if (t == "identifier" || t == "shorthand_property_identifier") {
      std::string name = str(n);
      if (innerNames.contains(name)) continue;
      TSNode p = ts::parent(n);
      int where = -1;
      const Value* v = lookup(name, &where);
      if (where == 0) {
        auto it = m_.moduleNames.find(name);
        if (it == m_.moduleNames.end() || it->second.offset >= limit) return false;
        moduleNamesRead.push_back(name);
        continue;
      }
      if (v) return false; // a local or parameter
      if (name == "process") {
        if (is(p, "member_expression") && text(field(p, "property")) == "env") continue;
        return false;
      }
      if (name == "Math" && is(p, "member_expression") && text(field(p, "property")) == "random")
        return false;
      if (hoistableGlobals_.contains(name)) continue;
      return false;
    }
    for (uint32_t i = 0; i < namedCount(n); ++i) stack.emplace_back(named(n, i), depth + 1);
  }
  return true;
}

void JsLowering::forEachDeclaredName(TSNode n, std::unordered_set<std::string>& out,
                                     int depth) const {
  if (ts::isNull(n) || depth > 64) return;
  if (is(n, "variable_declarator")) forEachPatternName(field(n, "name"), [&](TSNode id) { out.insert(str(id)); });
  if (is(n, "function_declaration")) out.insert(str(field(n, "name")));
  for (uint32_t i = 0; i < namedCount(n); ++i) forEachDeclaredName(named(n, i), out, depth + 1);
}

void JsLowering::finishStatements() {
  // A module-level variable assigned anywhere after its declaration (by a handler, or later at
  // module scope) may hold another value when the call runs than where it would move to.
  for (auto& [index, names] : namesUsedBy_)
    for (const std::string& name : names)
      if (reassignedModuleNames_.contains(name)) m_.calls[index].hoistable = false;
  for (size_t i = 0; i < m_.statements.size(); ++i) {
    Statement& s = m_.statements[i];
    if (s.assignedName.empty() || s.function < 0) continue;
    const int f = s.function;
    auto counts = bindCounts_.find(f);
    int count = 0;
    if (counts != bindCounts_.end()) {
      auto it = counts->second.find(s.assignedName);
      if (it != counts->second.end()) count = it->second;
    }
    bool once = count == 1 && !s.declarationKind.empty() && !isParameter(f, s.assignedName) &&
                !shadowing_.contains(static_cast<int>(i));
    s.assignedOnce = once;
    s.released = released_[f].contains(s.assignedName);
  }
}

} // namespace ll::js
