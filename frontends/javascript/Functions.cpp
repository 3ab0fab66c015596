// Passes 0 and 1 of the JavaScript lowering: module-level names (to tell wrapper calls from local
// ones), then every function and class with the names they are known by.
#include "frontends/javascript/JsLowering.h"

namespace ll::js {

std::optional<std::string> JsLowering::stringLiteral(TSNode n) const {
  n = stripWrappers(n);
  if (!is(n, "string") && !is(n, "template_string")) return std::nullopt;
  std::string out;
  for (uint32_t i = 0; i < namedCount(n); ++i) {
    TSNode c = named(n, i);
    if (is(c, "string_fragment")) out += text(c);
    else return std::nullopt; // escapes, substitutions
  }
  return out;
}

void JsLowering::collectModuleNames(TSNode root) {
  for (uint32_t i = 0; i < namedCount(root); ++i) {
    TSNode s = named(root, i);
    if (is(s, "export_statement")) {
      TSNode d = field(s, "declaration");
      if (!ts::isNull(d)) s = d;
    }
    std::string_view t = type(s);
    if (t == "import_statement") {
      forEachIdentifier(s, [&](TSNode n) { moduleRoots_.insert(str(n)); });
    } else if (t == "lexical_declaration" || t == "variable_declaration") {
      for (uint32_t k = 0; k < namedCount(s); ++k) {
        TSNode d = named(s, k);
        if (is(d, "variable_declarator"))
          forEachPatternName(field(d, "name"), [&](TSNode n) { moduleRoots_.insert(str(n)); });
      }
    } else if (t == "function_declaration" || t == "generator_function_declaration" ||
               t == "class_declaration" || t == "abstract_class_declaration") {
      moduleRoots_.insert(str(field(s, "name")));
    }
  }
}

std::string JsLowering::bindingName(TSNode fn, TSNode* nameNode) const {
  TSNode cur{};
  TSNode p = wrappedParent(fn, &cur);
  if (is(p, "variable_declarator") && same(field(p, "value"), cur)) {
    TSNode name = field(p, "name");
    if (!is(name, "identifier")) return {};
    *nameNode = name;
    return str(name);
  }
  if (is(p, "assignment_expression") && same(field(p, "right"), cur)) {
    TSNode left = field(p, "left");
    *nameNode = left;
    if (is(left, "identifier")) return str(left);
    if (is(left, "member_expression")) {
      std::string_view obj = text(field(left, "object"));
      TSNode prop = field(left, "property");
      if (obj == "exports" || obj == "module.exports") {
        *nameNode = prop;
        return str(prop);
      }
      if (text(left) == "module.exports") return "module.exports";
      return str(left);
    }
    return {};
  }
  if (is(p, "pair") && same(field(p, "value"), cur)) {
    TSNode key = field(p, "key");
    *nameNode = key;
    if (auto s = stringLiteral(key)) return *s;
    if (is(key, "property_identifier") || is(key, "number")) return str(key);
    return {};
  }
  if ((is(p, "field_definition") || is(p, "public_field_definition")) &&
      same(field(p, "value"), cur)) {
    TSNode name = is(p, "field_definition") ? field(p, "property") : field(p, "name");
    *nameNode = name;
    return str(name);
  }
  if (is(p, "export_statement")) {
    *nameNode = TSNode{};
    return "default";
  }
  return {};
}

bool JsLowering::isReturned(TSNode fn) const {
  TSNode cur{};
  TSNode p = wrappedParent(fn, &cur);
  for (int i = 0; i < 32 && !ts::isNull(p); ++i) {
    std::string_view t = type(p);
    if (t == "return_statement") return true;
    if (t == "arrow_function") return same(field(p, "body"), cur);
    if (t == "await_expression") {
      p = wrappedParent(p, &cur);
      continue;
    }
    if (t == "arguments") {
      TSNode call = ts::parent(p);
      if (!isWrapperCall(call)) return false;
      p = wrappedParent(call, &cur);
      continue;
    }
    if (t == "member_expression" && same(field(p, "object"), cur)) {
      TSNode call = ts::parent(p);
      if (!is(call, "call_expression") || !same(field(call, "function"), p)) return false;
      p = wrappedParent(call, &cur);
      continue;
    }
    return false;
  }
  return false;
}

bool JsLowering::isWrapperCall(TSNode call) const {
  if (!is(call, "call_expression")) return false;
  TSNode fn = field(call, "function");
  for (int i = 0; i < 32; ++i) {
    fn = stripWrappers(fn);
    if (is(fn, "member_expression")) fn = field(fn, "object");
    else if (is(fn, "call_expression")) fn = field(fn, "function");
    else break;
  }
  return is(fn, "identifier") && (moduleRoots_.contains(str(fn)) || wrapperRoots_.contains(text(fn)));
}

std::string JsLowering::valuePathName(TSNode fn, TSNode* nameNode) const {
  TSNode cur{};
  TSNode p = wrappedParent(fn, &cur);
  for (int i = 0; i < 32 && !ts::isNull(p); ++i) {
    std::string_view t = type(p);
    if (t == "arguments" || t == "await_expression") {
      TSNode call = t == "arguments" ? ts::parent(p) : p;
      if (t == "arguments" && !is(call, "call_expression")) return {};
      std::string name = bindingName(call, nameNode);
      if (!name.empty()) return name;
      p = wrappedParent(call, &cur);
      continue;
    }
    if (t == "member_expression" && same(field(p, "object"), cur)) {
      TSNode call = ts::parent(p);
      if (!is(call, "call_expression")) return {};
      std::string name = bindingName(call, nameNode);
      if (!name.empty()) return name;
      p = wrappedParent(call, &cur);
      continue;
    }
    return {};
  }
  return {};
}

std::string JsLowering::objectPrefix(TSNode object) const {
  TSNode nameNode{};
  std::string name = bindingName(object, &nameNode);
  if (name == "module.exports") return {};
  return name;
}

std::string JsLowering::registrationName(TSNode fn) const {
  TSNode cur{};
  TSNode p = wrappedParent(fn, &cur);
  if (!is(p, "arguments")) return "<anonymous>";
  TSNode call = ts::parent(p);
  TSNode callee = is(call, "call_expression") ? field(call, "function") : TSNode{};
  if (ts::isNull(callee) || text(callee).size() > 40 || text(callee).find('\n') != std::string_view::npos)
    return "<anonymous>";
  TSNode first = namedCount(p) ? named(p, 0) : TSNode{};
  std::string_view arg = text(first);
  if (!same(first, cur) && stringLiteral(first) && arg.size() <= 48) return str(callee) + "(" + std::string(arg) + ")";
  return str(callee) + "(...)";
}

std::string JsLowering::memberName(TSNode nameNode) const {
  if (auto s = stringLiteral(nameNode)) return *s;
  return str(nameNode);
}

void JsLowering::collect(TSNode n, int fn, int klass, int depth) {
  if (ts::isNull(n)) return;
  if (depth > kMaxDepth) return;
  std::string_view t = type(n);
  if (t == "program") { // remember the module-level statement each function is in
    for (uint32_t i = 0; i < namedCount(n); ++i) {
      topNode_ = named(n, i);
      collect(topNode_, fn, klass, depth + 1);
    }
    topNode_ = TSNode{};
    return;
  }
  if (isTypeOnly(t)) return;
  if (isClassType(t)) {
    collectClass(n, fn, depth);
    return;
  }
  if (isFunctionType(t)) {
    int f = newFunction(n, fn, klass);
    if (f >= 0) fn = f;
    for (uint32_t i = 0; i < namedCount(n); ++i) collect(named(n, i), fn, -1, depth + 1);
    return;
  }
  for (uint32_t i = 0; i < namedCount(n); ++i) collect(named(n, i), fn, -1, depth + 1);
}

void JsLowering::collectClass(TSNode n, int fn, int depth) {
  ClassInfo info;
  TSNode nameNode = field(n, "name");
  if (!ts::isNull(nameNode)) {
    info.name = str(nameNode);
  } else {
    TSNode bound{};
    info.name = bindingName(n, &bound);
    if (info.name.empty()) info.name = "<anonymous class>";
  }
  if (fn >= 0) info.name = m_.functions[fn].qualifiedName + "." + info.name;
  const int k = static_cast<int>(classes_.size());
  classes_.push_back(std::move(info));
  classAt_[id(n)] = k;
  TSNode body = field(n, "body");
  bool needsConstructor = false;
  for (uint32_t i = 0; i < namedCount(n); ++i) {
    TSNode c = named(n, i);
    if (!same(c, body)) collect(c, fn, -1, depth + 1); // heritage, decorators
  }
  std::vector<TSNode> pendingDecorators;
  for (uint32_t i = 0; i < namedCount(body); ++i) {
    TSNode member = named(body, i);
    std::string_view t = type(member);
    if (t == "decorator") { // TypeScript: decorators precede the member they decorate
      pendingDecorators.push_back(member);
      continue;
    }
    if (t == "method_definition") {
      int f = newFunction(member, fn, k);
      decoratorsOf_[f] = pendingDecorators;
      for (uint32_t j = 0; j < namedCount(member); ++j)
        if (is(named(member, j), "decorator")) decoratorsOf_[f].push_back(named(member, j));
      for (uint32_t j = 0; j < namedCount(member); ++j) collect(named(member, j), f, -1, depth + 1);
    } else if (t == "field_definition" || t == "public_field_definition") {
      TSNode value = field(member, "value");
      bool isStatic = hasToken(member, "static");
      if (!isStatic && !ts::isNull(value) && !isFunctionType(type(stripWrappers(value))))
        needsConstructor = true;
      collect(value, fn, k, depth + 1);
    } else {
      collect(member, fn, -1, depth + 1);
    }
    pendingDecorators.clear();
  }
  if (classes_[k].constructor < 0 && needsConstructor) {
    // Instance field initialisers run when the class is constructed: give them a constructor.
    Function f;
    f.name = "constructor";
    f.qualifiedName = classes_[k].name + ".constructor";
    f.range = ts::range(n);
    f.nameRange = ts::isNull(nameNode) ? ByteRange{ts_node_start_byte(n), ts_node_start_byte(n) + 5}
                                       : ts::range(nameNode);
    f.parent = fn;
    f.topLevelStart = topLevelStartOf(n);
    const int index = static_cast<int>(m_.functions.size());
    m_.functions.push_back(std::move(f));
    FunctionExtra x;
    x.node = n;
    x.klass = k;
    x.isMember = true;
    x.synthetic = true;
    extras_.push_back(x);
    classes_[k].constructor = index;
  }
}

bool JsLowering::hasToken(TSNode n, std::string_view token) {
  for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
    TSNode c = ts_node_child(n, i);
    if (!ts_node_is_named(c) && type(c) == token) return true;
  }
  return false;
}

uint32_t JsLowering::topLevelStartOf(TSNode n) const {
  // Walking up with ts_node_parent costs the depth each step: use the statement collect() is in.
  TSNode cur = ts::isNull(topNode_) ? n : topNode_;
  uint32_t start = ts_node_start_byte(cur);
  TSNode prev = ts_node_prev_named_sibling(cur);
  // Each step costs the number of siblings: a doc comment is not hundreds of comments long.
  for (int steps = 0; is(prev, "comment") && steps < 64; ++steps) {
    uint32_t prevEndLine = m_.file->position(ts_node_end_byte(prev)).line;
    uint32_t startLine = m_.file->position(start).line;
    if (prevEndLine + 1 != startLine) break;
    // The comment must be alone on its lines (not trailing another statement).
    uint32_t b = ts_node_start_byte(prev);
    std::string_view before = src_.substr(lineStartOf(b), b - lineStartOf(b));
    if (before.find_first_not_of(" \t") != std::string_view::npos) break;
    start = b;
    prev = ts_node_prev_named_sibling(prev);
  }
  return lineStartOf(start);
}

std::vector<std::string> JsLowering::parameterNames(TSNode fn) const {
  std::vector<std::string> out;
  TSNode params = field(fn, "parameters");
  if (ts::isNull(params)) {
    TSNode single = field(fn, "parameter"); // `x => ...`
    if (!ts::isNull(single)) out.push_back(str(single));
    return out;
  }
  for (uint32_t i = 0; i < namedCount(params); ++i) {
    TSNode p = named(params, i);
    std::string_view t = type(p);
    if (t == "comment") continue;
    if (t == "required_parameter" || t == "optional_parameter") p = field(p, "pattern");
    if (is(p, "assignment_pattern")) p = field(p, "left");
    if (is(p, "this")) continue; // TypeScript `this: T` parameter
    out.push_back(str(p));
  }
  return out;
}

int JsLowering::newFunction(TSNode n, int enclosing, int klass) {
  std::string_view t = type(n);
  Function f;
  FunctionExtra x;
  x.node = n;
  x.isArrow = t == "arrow_function";
  TSNode nameNode{};
  std::string name;
  std::string prefix = enclosing >= 0 ? m_.functions[enclosing].qualifiedName + "." : "";
  if (t == "method_definition") {
    nameNode = field(n, "name");
    name = memberName(nameNode);
    x.isMember = true;
    TSNode p = ts::parent(n);
    if (klass >= 0) {
      x.klass = klass;
      x.isStatic = hasToken(n, "static");
      prefix = classes_[klass].name + ".";
    } else if (is(p, "object")) {
      x.inObject = true;
      x.objectNode = p;
      std::string obj = objectPrefix(p);
      if (!obj.empty()) prefix += obj + ".";
    }
  } else if (t == "function_declaration" || t == "generator_function_declaration") {
    nameNode = field(n, "name");
    name = str(nameNode);
  } else {
    name = bindingName(n, &nameNode);
    TSNode cur{};
    TSNode p = wrappedParent(n, &cur);
    if (is(p, "pair")) {
      x.isMember = true;
      x.inObject = true;
      x.objectNode = ts::parent(p);
      std::string obj = objectPrefix(x.objectNode);
      if (!obj.empty()) prefix += obj + ".";
    } else if ((is(p, "field_definition") || is(p, "public_field_definition")) && klass >= 0) {
      x.klass = klass;
      x.isMember = true;
      x.isStatic = hasToken(p, "static");
      prefix = classes_[klass].name + ".";
    }
    if (name.empty() && enclosing >= 0) {
      const bool returned = isReturned(n);
      bool wrapperArgument = false;
      if (!returned) return -1; // an inline callback: part of the enclosing function
      TSNode argsParent = ts::parent(cur);
      wrapperArgument = is(p, "arguments") || is(argsParent, "arguments");
      x.callback = wrapperArgument;
      name = "<anonymous>";
    } else if (name.empty()) {
      name = valuePathName(n, &nameNode);
      if (name.empty()) {
        name = registrationName(n);
        nameNode = TSNode{};
      } else {
        prefix.clear();
      }
      x.callback = is(p, "arguments");
    }
    if (name == "module.exports") {
      TSNode own = field(n, "name");
      if (!ts::isNull(own)) name = str(own);
    }
  }
  f.name = name;
  f.qualifiedName = prefix + name;
  f.range = ts::range(n);
  if (ts::isNull(nameNode)) {
    TSNode params = field(n, "parameters");
    if (ts::isNull(params)) params = field(n, "parameter");
    uint32_t end = ts::isNull(params) ? std::min(ts_node_end_byte(n), ts_node_start_byte(n) + 8)
                                      : ts_node_end_byte(params);
    f.nameRange = {ts_node_start_byte(n), end};
  } else {
    f.nameRange = ts::range(nameNode);
  }
  f.parent = enclosing;
  f.topLevelStart = topLevelStartOf(n);
  f.params = parameterNames(n);
  f.isAsync = hasToken(n, "async");
  const int index = static_cast<int>(m_.functions.size());
  m_.functions.push_back(std::move(f));
  extras_.push_back(x);
  functionAt_[id(n)] = index;
  if (x.klass >= 0 && t == "method_definition") {
    ClassInfo& c = classes_[x.klass];
    if (name == "constructor") c.constructor = index;
    else if (x.isStatic) c.statics[name] = index;
    else c.methods[name] = index;
  } else if (x.klass >= 0) {
    (x.isStatic ? classes_[x.klass].statics : classes_[x.klass].methods)[name] = index;
  }
  return index;
}

} // namespace ll::js
