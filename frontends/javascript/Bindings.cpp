// Pass 2 of the JavaScript lowering and its imports: module-level bindings and exports, ES
// imports, `require`/`import()` records, and the uses of the names imports bind.
#include "frontends/javascript/JsLowering.h"

namespace ll::js {

void JsLowering::bindModule(TSNode root) {
  // Function declarations are hoisted: bind them first.
  for (uint32_t i = 0; i < namedCount(root); ++i) {
    TSNode s = named(root, i);
    TSNode d = is(s, "export_statement") ? field(s, "declaration") : s;
    if (is(d, "function_declaration") || is(d, "generator_function_declaration")) {
      auto it = functionAt_.find(id(d));
      if (it != functionAt_.end()) bindModuleName(str(field(d, "name")), Value{Value::Function, "", it->second}, s, TSNode{});
    }
  }
  for (uint32_t i = 0; i < namedCount(root); ++i) bindModuleStatement(named(root, i), 0);
}

void JsLowering::bindModuleStatement(TSNode s, int depth) {
  if (depth > 8) return;
  std::string_view t = type(s);
  if (t == "import_statement") {
    bindImports(s, /*record=*/false);
  } else if (t == "export_statement") {
    bindExport(s);
  } else if (t == "lexical_declaration" || t == "variable_declaration") {
    bindModuleDeclaration(s, s);
  } else if (t == "class_declaration" || t == "abstract_class_declaration") {
    auto it = classAt_.find(id(s));
    if (it != classAt_.end()) bindModuleName(str(field(s, "name")), Value{Value::Class, "", it->second}, s, TSNode{});
  } else if (t == "expression_statement") {
    TSNode e = named(s, 0);
    if (is(e, "assignment_expression")) noteExportAssignment(e);
    else if (is(e, "internal_module") || is(e, "module")) bindModuleName(str(field(e, "name")), Value{}, s, TSNode{});
  } else if (t == "enum_declaration" || t == "internal_module" || t == "module") {
    TSNode name = field(s, "name");
    if (!ts::isNull(name)) bindModuleName(str(name), Value{}, s, TSNode{});
  } else if (t == "ERROR") {
    for (uint32_t i = 0; i < namedCount(s); ++i) bindModuleStatement(named(s, i), depth + 1);
  }
}

void JsLowering::bindModuleDeclaration(TSNode decl, TSNode stmt) {
  for (uint32_t k = 0; k < namedCount(decl); ++k) {
    TSNode d = named(decl, k);
    if (!is(d, "variable_declarator")) continue;
    TSNode name = field(d, "name"), value = field(d, "value");
    if (is(name, "identifier")) {
      Value v = ts::isNull(value) ? Value{} : resolve(value);
      bindModuleName(str(name), v, stmt, value);
      if (!ts::isNull(value)) moduleInit_[str(name)] = value;
    } else {
      Value v = ts::isNull(value) ? Value{} : resolve(value);
      bindPatternValues(name, v, [&](const std::string& n, Value pv) {
        bindModuleName(n, std::move(pv), stmt, TSNode{});
      });
    }
  }
}

void JsLowering::bindExport(TSNode s) {
  TSNode source = field(s, "source");
  if (!ts::isNull(source)) { // re-export: recorded as an import by the walk
    recordReexport(s, source);
    return;
  }
  const bool isDefault = hasToken(s, "default");
  TSNode decl = field(s, "declaration");
  if (!ts::isNull(decl)) {
    std::string_view t = type(decl);
    if (t == "function_declaration" || t == "generator_function_declaration") {
      exports_.push_back({isDefault ? "default" : str(field(decl, "name")), decl});
    } else if (t == "lexical_declaration" || t == "variable_declaration") {
      bindModuleDeclaration(decl, s);
      for (uint32_t k = 0; k < namedCount(decl); ++k) {
        TSNode d = named(decl, k);
        if (is(d, "variable_declarator") && is(field(d, "name"), "identifier") &&
            !ts::isNull(field(d, "value")))
          exports_.push_back({str(field(d, "name")), field(d, "value")});
      }
    } else {
      bindModuleStatement(decl, 1);
      if (is(decl, "class_declaration") || is(decl, "abstract_class_declaration"))
        if (auto it = classAt_.find(id(decl)); it != classAt_.end())
          m_.exports.push_back({isDefault ? "default" : str(field(decl, "name")),
                                classes_[it->second].name, false, classes_[it->second].constructor});
    }
    return;
  }
  TSNode value = field(s, "value");
  if (!ts::isNull(value)) {
    exports_.push_back({"default", value});
    return;
  }
  for (uint32_t i = 0; i < namedCount(s); ++i) {
    TSNode c = named(s, i);
    if (is(c, "export_clause")) {
      if (hasToken(s, "type")) continue;
      for (uint32_t k = 0; k < namedCount(c); ++k) {
        TSNode spec = named(c, k);
        if (!is(spec, "export_specifier") || hasToken(spec, "type")) continue;
        TSNode name = field(spec, "name"), alias = field(spec, "alias");
        exports_.push_back({str(ts::isNull(alias) ? name : alias), name});
      }
    } else if (!is(c, "comment") && !isTypeOnly(type(c))) {
      exports_.push_back({"module.exports", c}); // TypeScript `export = handler`
    }
  }
}

void JsLowering::recordReexport(TSNode s, TSNode source) {
  std::optional<std::string> spec = stringLiteral(source);
  if (!spec || hasToken(s, "type")) return;
  bool clause = false;
  for (uint32_t i = 0; i < namedCount(s); ++i) {
    TSNode c = named(s, i);
    if (is(c, "export_clause")) {
      clause = true;
      for (uint32_t k = 0; k < namedCount(c); ++k) {
        TSNode sp = named(c, k);
        if (!is(sp, "export_specifier") || hasToken(sp, "type")) continue;
        TSNode name = field(sp, "name"), alias = field(sp, "alias");
        const std::string imported = stringLiteral(name).value_or(str(name));
        m_.exports.push_back({ts::isNull(alias) ? imported : stringLiteral(alias).value_or(str(alias)),
                              imported == "default" ? *spec : *spec + ":" + imported, true});
      }
    } else if (is(c, "namespace_export")) { // `export * as ns from './x'`
      clause = true;
      TSNode name = named(c, 0);
      m_.exports.push_back({stringLiteral(name).value_or(str(name)), *spec, true});
    }
  }
  if (!clause) m_.exports.push_back({"*", *spec, true}); // `export * from './x'`
}

void JsLowering::recordExports() {
  for (const ExportRecord& e : exports_) {
    const std::string name = e.name == "module.exports" ? "default" : e.name;
    TSNode v = stripWrappers(e.value);
    Export x;
    x.name = name;
    if (auto f = functionAt_.find(id(v)); f != functionAt_.end()) {
      x.function = f->second;
      x.local = m_.functions[f->second].qualifiedName;
    } else if (auto k = classAt_.find(id(v)); k != classAt_.end()) {
      x.local = classes_[k->second].name;
      x.function = classes_[k->second].constructor;
    } else {
      Value r;
      if (is(v, "shorthand_property_identifier")) { // `module.exports = { save }`
        if (const Value* b = lookup(str(v))) r = *b;
      } else {
        r = resolve(v);
      }
      switch (r.kind) {
      case Value::Function:
        x.function = r.index;
        x.local = m_.functions[r.index].qualifiedName;
        break;
      case Value::Class:
        x.local = classes_[r.index].name;
        x.function = classes_[r.index].constructor;
        break;
      case Value::Module: // `module.exports = require('./impl')`
        x.local = r.canonical;
        x.reexport = true;
        break;
      case Value::Name: // `export { save } ` of an imported `save`
        if (r.made) continue;
        x.local = r.canonical;
        x.reexport = true;
        break;
      default:
        continue;
      }
    }
    m_.exports.push_back(std::move(x));
  }
}

void JsLowering::noteExportAssignment(TSNode assign) {
  TSNode left = field(assign, "left"), right = field(assign, "right");
  if (is(left, "member_expression")) {
    std::string_view obj = text(field(left, "object"));
    if (obj == "exports" || obj == "module.exports") {
      exports_.push_back({str(field(left, "property")), right});
      return;
    }
    if (text(left) != "module.exports") return;
    TSNode value = stripWrappers(right);
    if (is(value, "object")) {
      for (uint32_t i = 0; i < namedCount(value); ++i) {
        TSNode p = named(value, i);
        if (is(p, "pair")) {
          TSNode key = field(p, "key");
          std::string k = stringLiteral(key).value_or(str(key));
          exports_.push_back({k, field(p, "value")});
        } else if (is(p, "shorthand_property_identifier")) {
          exports_.push_back({str(p), p});
        } else if (is(p, "method_definition")) {
          exports_.push_back({memberName(field(p, "name")), p});
        }
      }
    } else {
      exports_.push_back({"module.exports", right});
    }
  }
}

void JsLowering::bindModuleName(const std::string& name, Value v, TSNode stmt, TSNode valueNode) {
  scopes_.front().names[name] = std::move(v);
  recordModuleName(name, stmt, valueNode);
}

void JsLowering::walkExport(TSNode stmt) {
  TSNode source = field(stmt, "source");
  if (!ts::isNull(source)) { // export ... from "m": loads m
    auto spec = stringLiteral(source);
    if (spec && !hasToken(stmt, "type")) {
      bool any = false;
      for (uint32_t i = 0; i < namedCount(stmt); ++i) {
        TSNode c = named(stmt, i);
        if (!is(c, "export_clause")) continue;
        for (uint32_t k = 0; k < namedCount(c); ++k) {
          TSNode s = named(c, k);
          if (!is(s, "export_specifier")) continue;
          any = true;
          std::string name = str(field(s, "name"));
          addImport(*spec, name == "default" ? "" : name, "", ts::range(stmt), hasToken(s, "type"));
        }
      }
      if (!any) addImport(*spec, "", "", ts::range(stmt), false);
    }
    return;
  }
  TSNode decl = field(stmt, "declaration");
  if (!ts::isNull(decl)) {
    walkStatement(decl);
    return;
  }
  TSNode value = field(stmt, "value");
  if (!ts::isNull(value)) {
    walkExpr(value);
    return;
  }
  const bool typeExport = hasToken(stmt, "type");
  for (uint32_t i = 0; i < namedCount(stmt); ++i) {
    TSNode c = named(stmt, i);
    if (is(c, "export_clause")) {
      // `export { x }` exports the binding itself: a use at module scope.
      for (uint32_t k = 0; k < namedCount(c); ++k) {
        TSNode spec = named(c, k);
        if (is(spec, "export_specifier") && is(field(spec, "name"), "identifier"))
          noteUse(field(spec, "name"), typeExport || hasToken(spec, "type"));
      }
    } else if (!is(c, "comment") && !isTypeOnly(type(c))) {
      walkExpr(c);
    }
  }
}

void JsLowering::addImport(const std::string& module, std::string name, std::string local,
                           ByteRange range, bool typeOnly) {
  Import imp;
  imp.module = module;
  imp.name = std::move(name);
  imp.local = std::move(local);
  imp.range = range;
  imp.function = currentFunction();
  imp.typeOnly = typeOnly;
  m_.imports.push_back(std::move(imp));
}

void JsLowering::bindImports(TSNode stmt, bool record) {
  TSNode source = field(stmt, "source");
  const bool typeOnlyStatement = hasToken(stmt, "type") || hasToken(stmt, "typeof");
  auto bind = [&](const std::string& local, const Value& v) {
    if (record && currentFunction() >= 0) declare(local, v, false);
    else if (!record) bindModuleName(local, v, stmt, TSNode{});
    else scopes_.front().names[local] = v;
  };
  for (uint32_t i = 0; i < namedCount(stmt); ++i) {
    TSNode c = named(stmt, i);
    if (is(c, "import_require_clause")) {
      TSNode local = named(c, 0);
      TSNode src = field(c, "source");
      auto spec = stringLiteral(src);
      if (!spec) continue;
      if (record) addImport(*spec, "", str(local), ts::range(stmt), false);
      bind(str(local), Value{Value::Module, normalizeModule(*spec)});
    }
  }
  auto spec = stringLiteral(source);
  if (!spec) return;
  const std::string module = normalizeModule(*spec);
  bool any = false;
  for (uint32_t i = 0; i < namedCount(stmt); ++i) {
    TSNode clause = named(stmt, i);
    if (!is(clause, "import_clause")) continue;
    for (uint32_t k = 0; k < namedCount(clause); ++k) {
      TSNode c = named(clause, k);
      if (is(c, "identifier")) { // default import
        any = true;
        if (record) addImport(*spec, "", str(c), ts::range(stmt), typeOnlyStatement);
        if (!typeOnlyStatement) bind(str(c), Value{Value::Module, module});
      } else if (is(c, "namespace_import")) {
        any = true;
        TSNode local = named(c, 0);
        if (record) addImport(*spec, "", str(local), ts::range(stmt), typeOnlyStatement);
        if (!typeOnlyStatement) bind(str(local), Value{Value::Module, module});
      } else if (is(c, "named_imports")) {
        for (uint32_t j = 0; j < namedCount(c); ++j) {
          TSNode s = named(c, j);
          if (!is(s, "import_specifier")) continue;
          any = true;
          TSNode name = field(s, "name"), alias = field(s, "alias");
          std::string imported = stringLiteral(name).value_or(str(name));
          std::string local = str(ts::isNull(alias) ? name : alias);
          const bool typeOnly = typeOnlyStatement || hasToken(s, "type");
          const bool whole = imported == "default";
          if (record) addImport(*spec, whole ? "" : imported, local, ts::range(stmt), typeOnly);
          if (!typeOnly)
            bind(local, whole ? Value{Value::Module, module} : Value{Value::Name, module + ":" + imported});
        }
      }
    }
  }
  if (!any && record) addImport(*spec, "", "", ts::range(stmt), typeOnlyStatement); // `import "m"`
}

bool JsLowering::isImportValue(TSNode value) const {
  value = stripWrappers(value);
  if (is(value, "await_expression")) value = stripWrappers(named(value, 0));
  if (is(value, "member_expression")) value = stripWrappers(field(value, "object"));
  return isRequire(value) || isDynamicImport(value);
}

void JsLowering::bindImportName(const std::string& name, int import, bool isVar) {
  const size_t s = isVar ? static_cast<size_t>(nearestFunctionScope()) : scopes_.size() - 1;
  if (s == 0) topImports_.try_emplace(name, import);
  else scopes_[s].imports.try_emplace(name, import);
}

bool JsLowering::directlyAtTopLevel() const {
  return same(statementNode_, topStmt_) ||
         (is(topStmt_, "export_statement") && same(field(topStmt_, "declaration"), statementNode_));
}

void JsLowering::noteUse(TSNode id, bool typeOnly) {
  if (ts::isNull(id)) return;
  const std::string_view name = text(id);
  int where = -1;
  lookup(name, &where);
  int import = -1;
  if (where > 0) {
    const Scope& s = scopes_[where];
    if (s.function >= 0) return; // a local of some function
    auto it = s.imports.find(std::string(name));
    if (it == s.imports.end()) return;
    import = it->second;
  }
  m_.uses.push_back(newUse(import, ts::range(id), typeOnly));
}

NameUse JsLowering::newUse(int import, ByteRange range, bool typeOnly) const {
  NameUse u;
  u.import = import;
  u.range = range;
  u.function = currentFunction();
  u.block = blockStack_.empty() ? -1 : blockStack_.back();
  u.unconditional = unconditional();
  u.typeOnly = typeOnly;
  return u;
}

void JsLowering::walkTypes(TSNode n, int depth) {
  if (ts::isNull(n) || depth > 256) return;
  const std::string_view t = type(n);
  if (t == "type_identifier" || t == "identifier") {
    noteUse(n, true);
    return;
  }
  if (t == "nested_type_identifier") { // `ns.Type`: a use of `ns`
    walkTypes(field(n, "module"), depth + 1);
    return;
  }
  if (t == "nested_identifier" || t == "member_expression") { // `typeof a.b`, `a.b.Type`
    walkTypes(field(n, "object"), depth + 1);
    return;
  }
  if (t == "required_parameter" || t == "optional_parameter" || t == "type_predicate") {
    walkTypes(field(n, "type"), depth + 1);
    return;
  }
  if (t == "infer_type" || t == "property_identifier" || t == "this_type") return;
  const bool declares = t == "type_alias_declaration" || t == "interface_declaration" ||
                        t == "type_parameter" || t == "mapped_type_clause" || t == "index_signature" ||
                        t == "function_signature" || t == "class_declaration" ||
                        t == "abstract_class_declaration" || t == "variable_declarator" ||
                        t == "enum_declaration" || t == "internal_module" || t == "module" ||
                        t == "function_declaration" || t == "asserts";
  for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
    TSNode c = ts_node_child(n, i);
    if (!ts_node_is_named(c)) continue;
    if (declares) {
      const char* f = ts_node_field_name_for_child(n, i);
      if ((f && std::string_view(f) == "name") || (t == "asserts" && is(c, "identifier"))) continue;
    }
    walkTypes(c, depth + 1);
  }
}

void JsLowering::walkJsxElement(TSNode n) {
  TSNode name = field(n, "name");
  if (is(name, "identifier")) {
    const std::string_view s = text(name);
    if (!s.empty() && (s[0] < 'a' || s[0] > 'z')) noteUse(name, false);
  } else if (!ts::isNull(name) && !is(name, "jsx_namespace_name")) {
    walkExpr(name);
  }
  // The classic JSX transform turns every element into `React.createElement(...)`.
  jsxUses_.push_back(newUse(-1, {ts_node_start_byte(n), ts_node_start_byte(n) + 1}, false));
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (!same(named(n, i), name)) walkExpr(named(n, i));
}

void JsLowering::resolveUses() {
  for (NameUse& u : m_.uses) {
    if (u.import >= 0) continue;
    auto it = topImports_.find(std::string(m_.text(u.range)));
    if (it != topImports_.end()) u.import = it->second;
  }
  std::erase_if(m_.uses, [](const NameUse& u) { return u.import < 0; });
  auto react = topImports_.find("React");
  if (react != topImports_.end() && !jsxUses_.empty()) {
    for (NameUse& u : jsxUses_) u.import = react->second;
    m_.uses.insert(m_.uses.end(), jsxUses_.begin(), jsxUses_.end());
    std::stable_sort(m_.uses.begin(), m_.uses.end(),
                     [](const NameUse& a, const NameUse& b) { return a.range.begin < b.range.begin; });
  }
}

void JsLowering::recordRequire(TSNode call) {
  std::string spec;
  if (isDynamicImport(call)) {
    TSNode args = field(call, "arguments");
    auto s = namedCount(args) ? stringLiteral(named(args, 0)) : std::nullopt;
    if (!s) return;
    spec = *s;
  } else {
    spec = requiredModule(call);
  }
  const size_t first = m_.imports.size();
  const bool statementLevel = recordRequireBindings(call, spec);
  const bool moduleScope = currentFunction() < 0;
  for (size_t i = first; i < m_.imports.size(); ++i) {
    Import& imp = m_.imports[i];
    if (statementLevel && moduleScope) imp.range = ts::range(statementNode_);
    imp.nested = moduleScope && (!statementLevel || !directlyAtTopLevel());
  }
}

bool JsLowering::recordRequireBindings(TSNode call, const std::string& spec) {
  const ByteRange range = ts::range(call);
  TSNode child{};
  TSNode p = wrappedParent(call, &child);
  if (is(p, "await_expression")) p = wrappedParent(p, &child);
  std::string member;
  if (is(p, "member_expression") && same(field(p, "object"), child)) { // require("m").X
    member = str(field(p, "property"));
    p = wrappedParent(p, &child);
  }
  const bool declaration = is(statementNode_, "lexical_declaration") || is(statementNode_, "variable_declaration");
  if (is(p, "variable_declarator") && same(field(p, "value"), child)) {
    TSNode name = field(p, "name");
    if (is(name, "identifier")) {
      addImport(spec, member, str(name), range, false);
      return declaration;
    }
    if (is(name, "object_pattern") && member.empty()) {
      bool any = false;
      for (uint32_t i = 0; i < namedCount(name); ++i) {
        TSNode c = named(name, i);
        if (is(c, "shorthand_property_identifier_pattern")) {
          addImport(spec, str(c), str(c), range, false);
          any = true;
        } else if (is(c, "pair_pattern")) {
          TSNode key = field(c, "key"), value = field(c, "value");
          if (is(value, "assignment_pattern")) value = field(value, "left");
          addImport(spec, stringLiteral(key).value_or(str(key)), is(value, "identifier") ? str(value) : "", range, false);
          any = true;
        } else if (is(c, "object_assignment_pattern")) {
          TSNode left = field(c, "left");
          addImport(spec, str(left), str(left), range, false);
          any = true;
        }
      }
      if (any) return declaration;
    }
    addImport(spec, member, "", range, false);
    return declaration;
  }
  const bool inStatement = is(statementNode_, "expression_statement");
  if (is(p, "assignment_expression") && same(field(p, "right"), child) && currentFunction() < 0) {
    const bool wholeStatement = inStatement && same(named(statementNode_, 0), p);
    // `let sharp; try { sharp = require("sharp"); } catch {}`: the module-level name is bound
    // to the module.
    TSNode left = stripWrappers(field(p, "left"));
    if (is(left, "identifier")) {
      addImport(spec, member, str(left), range, false);
      int where = -1;
      lookup(text(left), &where);
      if (where > 0 && scopes_[where].function < 0)
        scopes_[where].imports.try_emplace(str(left), static_cast<int>(m_.imports.size() - 1));
      else if (where <= 0)
        topImports_.try_emplace(str(left), static_cast<int>(m_.imports.size() - 1));
      return wholeStatement;
    }
  }
  addImport(spec, member, "", range, false);
  return inStatement && same(p, statementNode_); // `require("m");`
}

} // namespace ll::js
