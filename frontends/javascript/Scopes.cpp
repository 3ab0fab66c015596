// Scopes of the JavaScript lowering, and the resolution of names and expressions to values
// (modules, canonical names, same-file functions, classes, instances, object literals).
#include "frontends/javascript/JsLowering.h"

namespace ll::js {

const Value* JsLowering::lookup(std::string_view name, int* scopeIndex) const {
  std::string key(name);
  for (int i = static_cast<int>(scopes_.size()) - 1; i >= 0; --i) {
    auto it = scopes_[i].names.find(key);
    if (it != scopes_[i].names.end()) {
      if (scopeIndex) *scopeIndex = i;
      return &it->second;
    }
  }
  if (scopeIndex) *scopeIndex = -1;
  return nullptr;
}

int JsLowering::nearestFunctionScope() const {
  for (int i = static_cast<int>(scopes_.size()) - 1; i >= 0; --i)
    if (scopes_[i].functionScope) return i;
  return 0;
}

void JsLowering::declare(const std::string& name, Value v, bool functionScoped) {
  const int s = functionScoped ? nearestFunctionScope() : static_cast<int>(scopes_.size()) - 1;
  if (s == 0) {
    scopes_.front().names[name] = std::move(v);
    return;
  }
  scopes_[s].names[name] = std::move(v);
  if (currentFunction() >= 0) ++bindCounts_[currentFunction()][name];
}

void JsLowering::assign(const std::string& name, const Value& v) {
  int where = -1;
  lookup(name, &where);
  if (where < 0) return; // an implicit global
  if (where == 0) reassignedModuleNames_.insert(name);
  if (where > 0 && scopes_[where].function == currentFunction() && currentFunction() >= 0)
    ++bindCounts_[currentFunction()][name];
  Value& slot = scopes_[where].names[name];
  if (slot.kind == Value::Unknown || v.kind != Value::Unknown) slot = v;
}

void JsLowering::pushScope(int function, bool functionScope) {
  Scope s;
  s.function = function;
  s.functionScope = functionScope;
  scopes_.push_back(std::move(s));
}

Value JsLowering::memberOf(const Value& base, const std::string& prop) const {
  switch (base.kind) {
  case Value::Module:
    return Value{Value::Name, base.canonical + ":" + prop};
  case Value::Name:
    return Value{Value::Name, base.canonical + "." + prop};
  case Value::Instance: {
    const ClassInfo& c = classes_[base.index];
    if (auto it = c.methods.find(prop); it != c.methods.end()) return Value{Value::Function, "", it->second};
    if (auto it = c.attributes.find(prop); it != c.attributes.end()) return it->second;
    return {};
  }
  case Value::Class: {
    const ClassInfo& c = classes_[base.index];
    if (auto it = c.statics.find(prop); it != c.statics.end()) return Value{Value::Function, "", it->second};
    if (auto it = c.staticAttributes.find(prop); it != c.staticAttributes.end()) return it->second;
    if (prop == "prototype") return Value{Value::Instance, "", base.index};
    return {};
  }
  case Value::Object: {
    const ObjectInfo& o = objects_[base.index];
    if (auto it = o.members.find(prop); it != o.members.end()) return it->second;
    return {};
  }
  default:
    return {};
  }
}

Value JsLowering::callResult(const Value& callee) {
  switch (callee.kind) {
  case Value::Module:
    return Value{Value::Name, callee.canonical, -1, true};
  case Value::Name:
    return Value{Value::Name, callee.made ? callee.canonical + "()" : callee.canonical, -1, true};
  case Value::Class:
    return Value{Value::Instance, "", callee.index};
  default:
    return {};
  }
}

std::string JsLowering::calleeName(const Value& v) const {
  switch (v.kind) {
  case Value::Module: return v.canonical;
  case Value::Name: return v.made ? v.canonical + "()" : v.canonical;
  case Value::Function: return m_.functions[v.index].qualifiedName;
  case Value::Class: return classes_[v.index].name;
  default: return {};
  }
}

bool JsLowering::isRequire(TSNode call) const {
  if (!is(call, "call_expression")) return false;
  TSNode fn = field(call, "function");
  if (!is(fn, "identifier") || text(fn) != "require") return false;
  if (lookup("require")) return false; // a local function named require
  TSNode args = field(call, "arguments");
  return is(args, "arguments") && namedCount(args) >= 1 && stringLiteral(named(args, 0));
}

bool JsLowering::isDynamicImport(TSNode call) {
  return is(call, "call_expression") && is(field(call, "function"), "import");
}

std::string JsLowering::requiredModule(TSNode call) const {
  TSNode args = field(call, "arguments");
  return stringLiteral(named(args, 0)).value_or("");
}

Value JsLowering::resolve(TSNode n, int depth) {
  if (ts::isNull(n) || depth > 64) return {};
  n = stripWrappers(n);
  std::string_view t = type(n);
  if (t == "identifier") {
    if (const Value* v = lookup(text(n))) return *v;
    if (text(n) == "undefined") return {};
    return Value{Value::Name, str(n)}; // a global: keep the spelling
  }
  if (t == "this") return thisStack_.empty() ? Value{} : thisStack_.back();
  if (t == "member_expression") {
    TSNode prop = field(n, "property");
    Value base = resolve(field(n, "object"), depth + 1);
    return memberOf(base, str(prop));
  }
  if (t == "subscript_expression") {
    auto key = stringLiteral(field(n, "index"));
    if (!key) return {};
    return memberOf(resolve(field(n, "object"), depth + 1), *key);
  }
  if (t == "call_expression") {
    if (isRequire(n) || isDynamicImport(n)) {
      if (isDynamicImport(n)) {
        TSNode args = field(n, "arguments");
        auto s = namedCount(args) ? stringLiteral(named(args, 0)) : std::nullopt;
        return s ? Value{Value::Module, normalizeModule(*s)} : Value{};
      }
      return Value{Value::Module, normalizeModule(requiredModule(n))};
    }
    TSNode fn = field(n, "function");
    if (is(fn, "member_expression") && text(field(fn, "property")) == "bind") {
      Value target = resolve(field(fn, "object"), depth + 1);
      if (target.kind == Value::Function) return target;
    }
    return callResult(resolve(fn, depth + 1));
  }
  if (t == "new_expression") return callResult(resolve(field(n, "constructor"), depth + 1));
  if (t == "await_expression") return resolve(named(n, 0), depth + 1);
  if (t == "assignment_expression") return resolve(field(n, "right"), depth + 1);
  if (t == "binary_expression") {
    std::string_view op = text(field(n, "operator"));
    if (op == "??" || op == "||") {
      Value l = resolve(field(n, "left"), depth + 1);
      return l.kind != Value::Unknown ? l : resolve(field(n, "right"), depth + 1);
    }
    return {};
  }
  if (isFunctionType(t)) {
    auto it = functionAt_.find(id(n));
    return it == functionAt_.end() ? Value{} : Value{Value::Function, "", it->second};
  }
  if (isClassType(t)) {
    auto it = classAt_.find(id(n));
    return it == classAt_.end() ? Value{} : Value{Value::Class, "", it->second};
  }
  if (t == "object") return Value{Value::Object, "", objectFor(n)};
  return {};
}

int JsLowering::objectFor(TSNode obj) {
  auto it = objectAt_.find(id(obj));
  if (it != objectAt_.end()) return it->second;
  const int index = static_cast<int>(objects_.size());
  objects_.push_back({});
  objectAt_[id(obj)] = index;
  ObjectInfo info;
  for (uint32_t i = 0; i < namedCount(obj); ++i) {
    TSNode p = named(obj, i);
    if (is(p, "pair")) {
      TSNode key = field(p, "key");
      std::string k = stringLiteral(key).value_or(str(key));
      info.members[k] = resolve(field(p, "value"));
    } else if (is(p, "method_definition")) {
      auto f = functionAt_.find(id(p));
      if (f != functionAt_.end()) info.members[memberName(field(p, "name"))] = Value{Value::Function, "", f->second};
    } else if (is(p, "shorthand_property_identifier")) {
      info.members[str(p)] = resolve(p);
    }
  }
  objects_[index] = std::move(info);
  return index;
}

} // namespace ll::js
