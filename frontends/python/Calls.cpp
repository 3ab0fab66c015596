// Calls in the Python lowering: resolution to canonical names, Call and Statement records,
// hoistability, and the facts settled after the walk.
#include "frontends/python/PyLowering.h"

namespace ll::python {

std::string PythonLowering::qualifierOf(TSNode call) const {
  TSNode args = field(call, "arguments");
  if (!is(args, "argument_list")) return {};
  bool first = true;
  for (uint32_t i = 0; i < namedCount(args); ++i) {
    TSNode a = named(args, i);
    if (is(a, "comment")) continue;
    std::optional<std::string> s;
    if (is(a, "keyword_argument")) {
      if (text(field(a, "name")) == "service_name") s = stringLiteral(field(a, "value"));
    } else if (first) {
      s = stringLiteral(a);
    }
    first = false;
    if (s && looksLikeService(*s)) return *s;
  }
  return {};
}

Value PythonLowering::resolve(TSNode n, int depth) const {
  if (ts::isNull(n) || depth > 64) return {};
  std::string_view t = type(n);
  if (t == "identifier") {
    if (const Value* v = lookup(text(n))) return *v;
    return Value{Value::Name, str(n)}; // unresolved: keep the spelling
  }
  if (t == "attribute") {
    Value base = resolve(field(n, "object"), depth + 1);
    std::string attr = str(field(n, "attribute"));
    switch (base.kind) {
    case Value::Instance:
    case Value::Class: {
      const ClassInfo& c = classes_[base.index];
      if (auto it = c.methods.find(attr); it != c.methods.end())
        return Value{Value::Function, "", it->second};
      if (auto it = c.attributes.find(attr); it != c.attributes.end()) return it->second;
      return {};
    }
    case Value::Name:
      return Value{Value::Name, base.canonical + "." + attr};
    default:
      return {};
    }
  }
  if (t == "call") {
    Value callee = resolve(field(n, "function"), depth + 1);
    if (callee.kind == Value::Class) return Value{Value::Instance, "", callee.index};
    if (callee.kind == Value::Name) {
      std::string q = qualifierOf(n);
      return Value{Value::Name, q.empty() ? callee.canonical : callee.canonical + "[" + q + "]", -1, true};
    }
    return {};
  }
  if (t == "await" || t == "parenthesized_expression") return resolve(named(n, 0), depth + 1);
  return {};
}

std::string PythonLowering::canonicalCallee(TSNode callee) const {
  Value v = resolve(callee);
  // Calling what a call made (`Session = sessionmaker(bind=engine)`, then `Session()`) is another
  // call than making it again: `sqlalchemy.orm.sessionmaker()`, as in JavaScript.
  if (v.kind == Value::Name && v.made) return v.canonical + "()";
  if (v.kind == Value::Name) return v.canonical;
  if (v.kind == Value::Function) return m_.functions[v.index].qualifiedName;
  if (v.kind == Value::Class) return classes_[v.index].name;
  return {};
}

void PythonLowering::walkCall(TSNode n, CallUse use) {
  TSNode fn = field(n, "function");
  if (currentFunction() >= 0 && is(fn, "attribute") && is(field(fn, "object"), "identifier")) {
    noteRelease(currentFunction(), text(field(fn, "attribute")), str(field(fn, "object")));
  }
  if (is(fn, "attribute")) walkNameObject(field(fn, "object"));
  else if (is(fn, "identifier")) noteUse(fn);
  else walkExpr(fn);
  walkExpr(field(n, "arguments"));

  Call c;
  Value callee = resolve(fn);
  c.callee = canonicalCallee(fn);
  c.qualifier = qualifierOf(n);
  c.range = ts::range(n);
  c.calleeRange = ts::range(fn);
  c.function = currentFunction();
  c.lazy = ctx_.lazyDepth > 0;
  c.unconditional = ctx_.conditionalDepth == 0;
  if (callee.kind == Value::Function) {
    c.target = callee.index;
  } else if (callee.kind == Value::Class) {
    auto it = classes_[callee.index].methods.find("__init__");
    if (it != classes_[callee.index].methods.end()) c.target = it->second;
  }
  c.use = use;
  if (cat_.match("python", kind::Adapter, c.callee)) hasAdapter_ = true;
  if (c.function >= 0) {
    c.fromInvocation = invocationValue(field(n, "arguments"));
    if (c.fromInvocation.empty() && is(fn, "attribute")) c.fromInvocation = invocationValue(field(fn, "object"));
    c.hoistable = hoistable(n, c.function);
    c.statement = statementFor();
  }
  int index = static_cast<int>(m_.calls.size());
  if (c.statement >= 0) {
    Statement& s = m_.statements[c.statement];
    TSNode e = named(statementNode_, 0);
    if (is(e, "assignment") && ts_node_eq(field(e, "right"), n) && namedCount(statementNode_) == 1) {
      TSNode left = field(e, "left");
      if (is(left, "identifier")) {
        s.assignedName = str(left);
        s.call = index;
      }
      if (c.function >= 0 && (is(left, "identifier") || is(left, "attribute")))
        madeBy_[c.function][str(left)] = index;
    }
  }
  // An object made in this function and then given credentials of the invocation (a catalogue
  // `credentials-setter`: `session = get_session(); session.set_credentials(key, secret,
  // token)` with assumed credentials) is of this invocation too, and so is what is made from it.
  if (c.function >= 0 && !c.fromInvocation.empty() && is(fn, "attribute") &&
      cat_.match("python", kind::CredentialsSetter, c.callee)) {
    const std::string object = str(field(fn, "object"));
    auto& made = madeBy_[c.function];
    if (auto it = made.find(object);
        it != made.end() && it->second < index && m_.calls[it->second].fromInvocation.empty()) {
      m_.calls[it->second].fromInvocation = c.fromInvocation;
      if (is(field(fn, "object"), "attribute")) invocationAttributes_[c.function].insert(object);
      else invocationNames_[c.function].insert(object);
    }
  }
  m_.calls.push_back(std::move(c));
}

bool PythonLowering::invocationName(std::string_view name) const {
  int where = -2;
  lookup(name, &where);
  if (where < 0) return false;
  if (auto it = invocationNames_.find(where); it != invocationNames_.end() && it->second.contains(std::string(name)))
    return true;
  if (!isParameter(where, std::string(name))) return false;
  // `self` and `cls` hold the object, not a value of the invocation.
  const auto& params = m_.functions[where].params;
  const bool self = extras_[where].klass >= 0 && !params.empty() && params.front() == name;
  return !self;
}

std::string PythonLowering::invocationValue(TSNode expr) const {
  if (ts::isNull(expr) || currentFunction() < 0) return {};
  std::vector<TSNode> stack{expr};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    std::string_view t = type(n);
    if (t == "keyword_argument") {
      stack.push_back(field(n, "value"));
      continue;
    }
    if (t == "attribute") {
      if (auto it = invocationAttributes_.find(currentFunction());
          it != invocationAttributes_.end() && it->second.contains(std::string(text(n))))
        return str(n);
      stack.push_back(field(n, "object"));
      continue;
    }
    if (t == "identifier") {
      if (invocationName(text(n))) return str(n);
      continue;
    }
    if (t == "call") {
      std::string callee = canonicalCallee(field(n, "function"));
      if (!callee.empty() && cat_.match("python", kind::Credentials, callee))
        return std::string(text(field(n, "function")));
    }
    for (uint32_t i = namedCount(n); i-- > 0;) stack.push_back(named(n, i));
  }
  return {};
}

void PythonLowering::noteInvocationTarget(TSNode target, TSNode value) {
  const int f = currentFunction();
  if (f < 0 || ts::isNull(target) || invocationValue(value).empty()) return;
  std::vector<TSNode> stack{target};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    if (is(n, "identifier")) invocationNames_[f].insert(str(n));
    else if (is(n, "pattern_list") || is(n, "tuple_pattern") || is(n, "list_pattern") ||
             is(n, "list_splat_pattern") || is(n, "parenthesized_expression"))
      for (uint32_t i = 0; i < namedCount(n); ++i) stack.push_back(named(n, i));
  }
}

bool PythonLowering::hoistable(TSNode call, int f) const {
  const uint32_t limit = m_.functions[f].topLevelStart;
  std::vector<TSNode> stack{call};
  while (!stack.empty()) {
    TSNode n = stack.back();
    stack.pop_back();
    std::string_view t = type(n);
    if (t == "lambda" || t == "await" || t == "yield" || t == "named_expression" ||
        t.ends_with("comprehension") || t == "generator_expression")
      return false;
    if (t == "keyword_argument") { // the keyword is no name lookup
      stack.push_back(field(n, "value"));
      continue;
    }
    if (t == "attribute") { // nor is the attribute
      stack.push_back(field(n, "object"));
      continue;
    }
    if (t == "identifier") {
      std::string_view name = text(n);
      int where = -2;
      lookup(name, &where);
      if (where == -1) {
        auto it = m_.moduleNames.find(std::string(name));
        if (it == m_.moduleNames.end() || it->second.offset >= limit) return false;
        continue;
      }
      if (where == -2 && hoistableGlobals_.contains(name)) continue;
      return false;
    }
    for (uint32_t i = 0; i < namedCount(n); ++i) stack.push_back(named(n, i));
  }
  return true;
}

void PythonLowering::finishFunctions() {
  for (Statement& s : m_.statements) {
    if (s.assignedName.empty() || s.function < 0) continue;
    const int f = s.function;
    const auto& counts = bindCounts_[f];
    auto it = counts.find(s.assignedName);
    bool once = it != counts.end() && it->second == 1;
    once = once && !isParameter(f, s.assignedName);
    once = once && !globalsOf_[f].contains(s.assignedName);
    // Not a name of an enclosing function either: removing the local binding must leave
    // uses referring to the module-level name.
    for (int p = m_.functions[f].parent; once && p >= 0; p = m_.functions[p].parent)
      if (localNames_[p].contains(s.assignedName)) once = false;
    s.assignedOnce = once;
    s.released = released_[f].contains(s.assignedName);
  }
}

} // namespace ll::python
