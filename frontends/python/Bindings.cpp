// Scopes and bindings of the Python lowering: names bound by assignments, targets and imports,
// and the uses of the names module-scope imports bind.
#include "frontends/python/PyLowering.h"

namespace ll::python {

const Value* PythonLowering::lookup(std::string_view name, int* where) const {
  std::string key(name);
  for (const auto & scope : std::ranges::reverse_view(scopes_)) {
    if (scope.globals.contains(key)) break;
    auto found = scope.names.find(key);
    if (found != scope.names.end()) {
      if (where) *where = scope.function;
      return &found->second;
    }
  }
  auto found = scopes_.front().names.find(key);
  if (found != scopes_.front().names.end()) {
    if (where) *where = -1;
    return &found->second;
  }
  if (where) *where = -2;
  return nullptr;
}

void PythonLowering::bindName(const std::string& name, Value v) {
  Scope& s = scope();
  if (s.function < 0) noteRebind(name, ts::range(statementNode_));
  if (s.function >= 0) {
    ++s.bindCount[name];
    if (s.globals.contains(name)) {
      scopes_.front().names[name] = std::move(v);
      return;
    }
  }
  s.names[name] = std::move(v);
}

void PythonLowering::bindPattern(TSNode target) {
  if (is(target, "identifier")) {
    bindName(str(target), Value{});
    return;
  }
  if (is(target, "pattern_list") || is(target, "tuple_pattern") || is(target, "list_pattern") ||
      is(target, "expression_list") || is(target, "tuple") || is(target, "list") ||
      is(target, "list_splat_pattern") || is(target, "parenthesized_expression")) {
    for (uint32_t i = 0; i < namedCount(target); ++i) bindPattern(named(target, i));
  }
}

void PythonLowering::noteUse(TSNode id) {
  if (importsOf_.empty()) return;
  auto it = importsOf_.find(std::string(text(id)));
  if (it == importsOf_.end()) return;
  int where = -2;
  lookup(text(id), &where);
  if (where != -1) return;
  for (int imp : it->second) {
    NameUse u;
    u.import = imp;
    u.range = ts::range(id);
    u.function = currentFunction();
    u.block = currentBlock_;
    u.unconditional = ctx_.conditionalDepth == 0;
    u.typeOnly = ctx_.typeOnlyDepth > 0;
    m_.uses.push_back(u);
  }
}

void PythonLowering::walkWithTarget(TSNode asPattern) {
  TSNode alias = field(asPattern, "alias");
  if (ts::isNull(alias)) return;
  TSNode target = namedCount(alias) > 0 ? named(alias, 0) : alias;
  if (is(target, "identifier")) bindName(str(target), resolve(named(asPattern, 0)));
  else bindPattern(target);
}

void PythonLowering::walkTarget(TSNode target) {
  if (ts::isNull(target)) return;
  if (is(target, "identifier")) {
    bindName(str(target), Value{});
    return;
  }
  if (is(target, "attribute") || is(target, "subscript")) {
    walkExpr(target); // the object and index are evaluated
    return;
  }
  bindPattern(target);
  for (uint32_t i = 0; i < namedCount(target); ++i)
    if (!is(named(target, i), "identifier")) walkTarget(named(target, i));
}

void PythonLowering::walkAssignment(TSNode assign, TSNode stmt) {
  TSNode left = field(assign, "left");
  TSNode right = field(assign, "right");
  // `_c = _c or make()`: the right operand runs only while the cache is empty.
  bool lazyOr = false;
  if (is(right, "boolean_operator") && is(left, "identifier") &&
      text(field(right, "left")) == text(left) && isCacheName(left))
    lazyOr = true;
  if (!ts::isNull(right)) {
    if (lazyOr) {
      walkExpr(field(right, "left"));
      ++ctx_.lazyDepth;
      walkExpr(field(right, "right"));
      --ctx_.lazyDepth;
    } else if (is(right, "assignment")) {
      walkAssignment(right, stmt); // a = b = call()
    } else {
      walkExpr(right);
    }
  }
  // A local variable's annotation is never evaluated; a module or class variable's is.
  walkAnnotation(field(assign, "type"), /*evaluated=*/currentFunction() < 0);
  if (!ts::isNull(right)) noteInvocationTarget(left, is(right, "assignment") ? field(right, "right") : right);
  bindAssignment(assign, stmt, /*record=*/true);
}

void PythonLowering::bindAssignment(TSNode assign, TSNode stmt, bool record) {
  TSNode left = field(assign, "left");
  TSNode right = field(assign, "right");
  if (ts::isNull(right)) { // annotation only: `x: int`
    if (is(left, "identifier") && record) bindName(str(left), Value{});
    return;
  }
  if (is(right, "assignment")) right = field(right, "right");
  if (is(left, "identifier")) {
    Value v = resolve(right);
    std::string name = str(left);
    if (!record) {
      bindModule(name, v, stmt, &right);
      return;
    }
    if (currentFunction() < 0) {
      noteRebind(name, ts::range(left));
      bindModule(name, v, stmt, &right);
      noteModuleAssignment(name, right);
    } else {
      bindName(name, v);
    }
    return;
  }
  if (!record) {
    bindModulePattern(left, stmt);
    return;
  }
  if (is(left, "attribute")) {
    // self.x = ... in a method: remember the attribute's value for the class.
    TSNode object = field(left, "object");
    if (is(object, "identifier")) {
      const Value* v = lookup(text(object));
      if (v && (v->kind == Value::Instance || v->kind == Value::Class))
        classes_[v->index].attributes[str(field(left, "attribute"))] = resolve(right);
    }
    walkExpr(left);
    return;
  }
  walkTarget(left);
}

void PythonLowering::bindModulePattern(TSNode target, TSNode stmt) {
  if (is(target, "identifier")) {
    bindModule(str(target), Value{}, stmt, nullptr);
    return;
  }
  for (uint32_t i = 0; i < namedCount(target); ++i) bindModulePattern(named(target, i), stmt);
}

void PythonLowering::noteModuleAssignment(const std::string& name, TSNode value) {
  if (!cat_.match("python", kind::HandlerName, name)) return;
  Value v = resolve(value);
  if (v.kind == Value::Function)
    aliasedHandlers_.emplace_back(v.index, "`" + name + " = " + str(value) + "`");
}

void PythonLowering::noteImport(Import& imp) {
  if (typeCheckingDepth_ > 0) imp.typeOnly = true;
  if (imp.function >= 0) return;
  imp.nested = moduleNesting_ > 0;
  noteRebind(imp.local, imp.range);
  importsOf_[imp.local].push_back(static_cast<int>(m_.imports.size()));
}

void PythonLowering::noteRebind(const std::string& name, ByteRange at) {
  if (currentFunction() >= 0) return;
  auto it = importsOf_.find(name);
  if (it == importsOf_.end()) return;
  for (int imp : it->second) {
    NameUse u;
    u.import = imp;
    u.range = at;
    u.block = currentBlock_;
    u.unconditional = ctx_.conditionalDepth == 0;
    m_.uses.push_back(u);
  }
}

void PythonLowering::bindImports(TSNode stmt, bool record) {
  auto add = [&](std::string module, std::string name, const std::string& local) {
    Import imp{std::move(module), std::move(name), local, ts::range(stmt), currentFunction(), false};
    Value v{Value::Name, imp.canonical()};
    if (record) {
      noteImport(imp);
      m_.imports.push_back(imp);
      if (currentFunction() >= 0) bindName(local, v);
      else scopes_.front().names[local] = v;
    } else {
      bindModule(local, v, stmt, nullptr);
    }
  };
  if (is(stmt, "import_statement")) {
    for (uint32_t i = 0; i < namedCount(stmt); ++i) {
      TSNode n = named(stmt, i);
      if (is(n, "dotted_name")) {
        // `import a.b.c` binds `a`, which refers to the package a.
        std::string full = str(n);
        std::string first = full.substr(0, full.find('.'));
        Import imp{full, "", first, ts::range(stmt), currentFunction(), false};
        if (record) {
          noteImport(imp);
          m_.imports.push_back(imp);
          if (currentFunction() >= 0) bindName(first, Value{Value::Name, first});
          else scopes_.front().names[first] = Value{Value::Name, first};
        } else {
          bindModule(first, Value{Value::Name, first}, stmt, nullptr);
        }
      } else if (is(n, "aliased_import")) {
        add(str(field(n, "name")), "", str(field(n, "alias")));
      }
    }
    return;
  }
  // import_from_statement
  TSNode moduleNode = field(stmt, "module_name");
  std::string module = str(moduleNode);
  for (uint32_t i = 0; i < namedCount(stmt); ++i) {
    TSNode n = named(stmt, i);
    if (ts_node_eq(n, moduleNode)) continue;
    if (is(n, "dotted_name")) add(module, str(n), str(n));
    else if (is(n, "aliased_import")) add(module, str(field(n, "name")), str(field(n, "alias")));
  }
}

} // namespace ll::python
