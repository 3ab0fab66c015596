// Pass 3 of the JavaScript lowering: the walk over statements, blocks, functions, classes and
// expressions.
#include "frontends/javascript/JsLowering.h"

namespace ll::js {

void JsLowering::walkBlock(TSNode block, bool functionBody, bool scoped, bool conditional) {
  const bool program = is(block, "program");
  if (!program) {
    openBlock(conditional);
    setInsertPoint(m_.blocks[blockStack_.back()], block, ts_node_start_byte(block) + 1, functionBody);
  }
  if (scoped) pushScope(currentFunction(), false);
  if (currentFunction() >= 0) prebind(block);
  const uint32_t count = namedCount(block);
  const size_t savedLazy = lazyOwners_.size();
  uint32_t statements = 0;
  for (uint32_t i = 0; i < count; ++i)
    if (!is(named(block, i), "comment")) ++statements;
  for (uint32_t i = 0; i < count; ++i) {
    TSNode stmt = named(block, i);
    if (is(stmt, "comment") || is(stmt, "hash_bang_line")) continue;
    if (program) topStmt_ = stmt;
    pendingBlockInfo_ = BlockInfo{functionBody, statements == 1};
    walkStatement(stmt);
    if (currentFunction() >= 0 && is(stmt, "if_statement") && earlyReturnGuard(stmt, block, i + 1))
      lazyOwners_.push_back(lastCacheOwner_);
  }
  if (program) topStmt_ = TSNode{};
  lazyOwners_.resize(savedLazy);
  if (scoped) scopes_.pop_back();
  if (!program) closeBlock();
}

void JsLowering::openBlock(bool conditional) {
  Block b;
  b.function = currentFunction();
  b.parent = blockStack_.empty() ? -1 : blockStack_.back();
  b.conditional = conditional;
  blockStack_.push_back(static_cast<int>(m_.blocks.size()));
  m_.blocks.push_back(std::move(b));
}

void JsLowering::setInsertPoint(Block& b, TSNode container, uint32_t after, bool prologue) const {
  const SourceFile& f = *m_.file;
  uint32_t headerLine = f.position(after).line;
  TSNode anchor{}, first{};
  for (uint32_t i = 0; i < namedCount(container); ++i) {
    TSNode c = named(container, i);
    const uint32_t start = ts_node_start_byte(c);
    if (start < after) continue;
    const uint32_t line = f.position(start).line;
    if (is(c, "comment")) {
      if (line != headerLine && ts::isNull(anchor)) anchor = c;
      continue;
    }
    if (prologue && is(c, "expression_statement") && namedCount(c) == 1 && is(named(c, 0), "string")) {
      headerLine = f.position(ts_node_end_byte(c)).line;
      anchor = TSNode{};
      continue;
    }
    prologue = false;
    if (line == headerLine) return;
    if (ts::isNull(anchor)) anchor = c;
    first = c;
    break;
  }
  if (ts::isNull(first)) return;
  const uint32_t at = ts_node_start_byte(anchor);
  const uint32_t lineStart = lineStartOf(at);
  if (src_.substr(lineStart, at - lineStart).find_first_not_of(" \t") != std::string_view::npos) return;
  b.insertAt = lineStart;
  const uint32_t firstStart = ts_node_start_byte(first);
  const uint32_t firstLine = lineStartOf(firstStart);
  const bool ownLine =
      src_.substr(firstLine, firstStart - firstLine).find_first_not_of(" \t") == std::string_view::npos;
  b.indent = std::string(f.indentationAt(ownLine ? firstStart : at));
  // Where an edit may write `await import()` (the ES-module lazy import): only in async
  // functions, so the walk up from the code at the insertion point is made for those alone.
  if (b.function >= 0 && m_.functions[b.function].isAsync)
    b.awaitAllowed = awaitAllowedAt(ts_node_descendant_for_byte_range(anchor, at, at));
}

bool JsLowering::awaitAllowedAt(TSNode n) {
  // The innermost function around `n` is async (a callback merged into its function in the
  // model may not be; a class static block never is).
  for (int i = 0; i < 4096 && !ts::isNull(n); ++i, n = ts::parent(n)) {
    const std::string_view t = type(n);
    if (t == "class_static_block" || t == "program") return false;
    if (t == "function_declaration" || t == "function_expression" || t == "function" ||
        t == "arrow_function" || t == "method_definition" || t == "generator_function_declaration" ||
        t == "generator_function") {
      for (uint32_t k = 0; k < ts_node_child_count(n); ++k) {
        TSNode c = ts_node_child(n, k);
        if (!ts_node_is_named(c) && type(c) == "async") return true;
      }
      return false;
    }
  }
  return false;
}

void JsLowering::walkBody(TSNode body, bool conditional) {
  if (ts::isNull(body)) return;
  if (is(body, "statement_block")) {
    if (!enter(body)) return;
    walkBlock(body, false, true, conditional);
    leave();
    return;
  }
  openBlock(conditional);
  walkStatement(body);
  closeBlock();
}

void JsLowering::prebind(TSNode block) {
  for (uint32_t i = 0; i < namedCount(block); ++i) {
    TSNode s = named(block, i);
    std::string_view t = type(s);
    if (t == "function_declaration" || t == "generator_function_declaration") {
      auto it = functionAt_.find(id(s));
      std::string name = str(field(s, "name"));
      if (it != functionAt_.end())
        scopes_[nearestFunctionScope()].names[name] = Value{Value::Function, "", it->second};
    } else if (t == "class_declaration" || t == "abstract_class_declaration") {
      auto it = classAt_.find(id(s));
      if (it != classAt_.end()) scopes_.back().names[str(field(s, "name"))] = Value{Value::Class, "", it->second};
    } else if (t == "lexical_declaration" || t == "variable_declaration") {
      const int target = t == "variable_declaration" ? nearestFunctionScope() : static_cast<int>(scopes_.size()) - 1;
      for (uint32_t k = 0; k < namedCount(s); ++k) {
        TSNode d = named(s, k);
        if (!is(d, "variable_declarator")) continue;
        forEachPatternName(field(d, "name"), [&](TSNode n) {
          scopes_[target].names.try_emplace(str(n), Value{});
        });
      }
    }
  }
}

void JsLowering::walkStatement(TSNode stmt) {
  if (ts::isNull(stmt)) return;
  if (!enter(stmt)) return;
  const TSNode savedStmt = statementNode_;
  const int savedStatement = currentStatement_;
  const BlockInfo savedInfo = blockInfo_;
  blockInfo_ = pendingBlockInfo_;
  pendingBlockInfo_ = BlockInfo{};
  statementNode_ = stmt;
  currentStatement_ = -1;
  std::string_view t = type(stmt);
  if (t == "import_statement") {
    const size_t first = m_.imports.size();
    bindImports(stmt, /*record=*/true);
    if (currentFunction() < 0) {
      for (size_t i = first; i < m_.imports.size(); ++i) {
        m_.imports[i].nested = !directlyAtTopLevel();
        if (!m_.imports[i].local.empty()) topImports_.try_emplace(m_.imports[i].local, static_cast<int>(i));
      }
    }
  } else if (t == "export_statement") {
    walkExport(stmt);
  } else if (t == "lexical_declaration" || t == "variable_declaration") {
    walkDeclaration(stmt);
  } else if (t == "expression_statement") {
    TSNode e = named(stmt, 0);
    if (is(e, "internal_module") || is(e, "module")) walkNamespace(e);
    else walkExpr(e);
  } else if (t == "if_statement") {
    walkIf(stmt);
  } else if (t == "statement_block") {
    walkBlock(stmt, false);
  } else if (t == "function_declaration" || t == "generator_function_declaration") {
    walkFunctionNode(stmt);
  } else if (isClassType(t)) {
    walkClass(stmt);
  } else if (t == "return_statement") {
    for (uint32_t i = 0; i < namedCount(stmt); ++i) {
      TSNode e = named(stmt, i);
      if (is(e, "comment")) continue;
      walkExpr(e);
      noteReturned(e);
    }
  } else if (t == "for_in_statement") {
    pushScope(currentFunction(), false);
    walkExpr(field(stmt, "right"));
    TSNode left = field(stmt, "left");
    if (!ts::isNull(field(stmt, "kind"))) {
      const bool isVar = text(field(stmt, "kind")) == "var";
      forEachPatternName(left, [&](TSNode n) { declare(str(n), Value{}, isVar); });
      noteInvocationPattern(left, field(stmt, "right"), isVar ? nearestFunctionScope() : int(scopes_.size()) - 1);
    } else {
      walkAssignTarget(left, Value{});
    }
    walkBody(field(stmt, "body"), false);
    scopes_.pop_back();
  } else if (t == "for_statement") {
    pushScope(currentFunction(), false);
    TSNode body = field(stmt, "body");
    for (uint32_t i = 0; i < namedCount(stmt); ++i) {
      TSNode c = named(stmt, i);
      if (same(c, body)) continue;
      if (isStatementType(type(c))) walkStatement(c);
      else walkExpr(c);
    }
    walkBody(body, false);
    scopes_.pop_back();
  } else if (t == "while_statement" || t == "do_statement" || t == "with_statement") {
    // A loop body (or a with body) is the path that reaches it.
    TSNode body = field(stmt, "body");
    for (uint32_t i = 0; i < namedCount(stmt); ++i) {
      TSNode c = named(stmt, i);
      if (same(c, body)) walkBody(body, false);
      else if (!is(c, "comment")) walkExpr(c);
    }
  } else if (t == "try_statement") {
    walkBody(field(stmt, "body"), false);
    TSNode handler = field(stmt, "handler");
    if (!ts::isNull(handler)) {
      pushScope(currentFunction(), false);
      forEachPatternName(field(handler, "parameter"), [&](TSNode n) { declare(str(n), Value{}, false); });
      walkTypes(field(handler, "type"));
      const Conditional branch(conditional_);
      walkBody(field(handler, "body"), true);
      scopes_.pop_back();
    }
    walkStatement(field(stmt, "finalizer"));
  } else if (t == "finally_clause") {
    for (uint32_t i = 0; i < namedCount(stmt); ++i)
      if (!is(named(stmt, i), "comment")) walkBody(named(stmt, i), false);
  } else if (t == "switch_body") {
    pushScope(currentFunction(), false); // a `const` in a case is the switch's
    for (uint32_t i = 0; i < namedCount(stmt); ++i) walkStatement(named(stmt, i));
    scopes_.pop_back();
  } else if (t == "switch_case" || t == "switch_default") {
    walkCase(stmt);
  } else if (t == "enum_declaration") {
    TSNode body = field(stmt, "body");
    for (uint32_t i = 0; i < namedCount(body); ++i)
      if (is(named(body, i), "enum_assignment")) walkExpr(field(named(body, i), "value"));
  } else if (isTypeOnly(t)) {
    walkTypes(stmt);
  } else if (t == "empty_statement" || t == "debugger_statement" || t == "break_statement" ||
             t == "continue_statement" || t == "comment") {
  } else if (t == "internal_module" || t == "module") {
    walkNamespace(stmt);
  } else {
    // while, do, switch, labeled, throw, with, ERROR, ...: expressions and nested statements
    // in source order.
    for (uint32_t i = 0; i < namedCount(stmt); ++i) {
      TSNode c = named(stmt, i);
      std::string_view ct = type(c);
      if (ct == "comment" || ct == "statement_identifier") continue;
      if (isStatementType(ct) || ct == "switch_body" || ct == "switch_case" || ct == "switch_default")
        walkStatement(c);
      else walkExpr(c);
    }
  }
  statementNode_ = savedStmt;
  currentStatement_ = savedStatement;
  blockInfo_ = savedInfo;
  leave();
}

void JsLowering::walkCase(TSNode c) {
  const Conditional branch(conditional_);
  openBlock(true);
  uint32_t after = ts_node_end_byte(c);
  for (uint32_t i = 0; i < ts_node_child_count(c); ++i) {
    TSNode k = ts_node_child(c, i);
    if (!ts_node_is_named(k) && type(k) == ":") {
      after = ts_node_end_byte(k);
      break;
    }
  }
  setInsertPoint(m_.blocks[blockStack_.back()], c, after, false);
  for (uint32_t i = 0; i < namedCount(c); ++i) {
    TSNode k = named(c, i);
    if (ts_node_start_byte(k) < after) walkExpr(k); // the case's value
    else walkStatement(k);
  }
  closeBlock();
}

void JsLowering::walkNamespace(TSNode ns) {
  TSNode body = field(ns, "body");
  if (!ts::isNull(body)) walkBlock(body, false);
}

void JsLowering::walkDeclaration(TSNode stmt) {
  std::string kind = std::string(text(field(stmt, "kind")));
  if (is(stmt, "variable_declaration")) kind = "var";
  const bool isVar = kind == "var";
  const size_t firstImport = m_.imports.size();
  int declarators = 0;
  bool onlyImports = true; // every declarator's whole value is an import
  for (uint32_t k = 0; k < namedCount(stmt); ++k) {
    TSNode d = named(stmt, k);
    if (!is(d, "variable_declarator")) continue;
    ++declarators;
    TSNode name = field(d, "name"), value = field(d, "value");
    walkTypes(field(d, "type"));
    const size_t before = m_.imports.size();
    if (!ts::isNull(value)) walkExpr(value);
    if (m_.imports.size() == before || !isImportValue(value)) onlyImports = false;
    // The names a module-scope require binds resolve to it.
    if (currentFunction() < 0)
      for (size_t i = before; i < m_.imports.size(); ++i)
        if (!m_.imports[i].local.empty()) bindImportName(m_.imports[i].local, static_cast<int>(i), isVar);
    Value v = ts::isNull(value) ? Value{} : resolve(value);
    if (currentFunction() < 0 && scopes_.size() == 1) {
      if (is(name, "identifier")) scopes_.front().names[str(name)] = v;
      else bindPatternValues(name, v, [&](const std::string& n, Value pv) { scopes_.front().names[n] = std::move(pv); });
      continue;
    }
    if (!ts::isNull(value)) noteInvocationPattern(name, value, isVar ? nearestFunctionScope() : int(scopes_.size()) - 1);
    if (is(name, "identifier")) {
      declare(str(name), v, isVar);
      if (currentFunction() >= 0 && !ts::isNull(value) && isCacheRead(value))
        scopes_[isVar ? nearestFunctionScope() : scopes_.size() - 1].cacheAliases.insert(str(name));
    } else {
      bindPatternValues(name, v, [&](const std::string& n, Value pv) { declare(n, std::move(pv), isVar); });
    }
  }
  // `const a = require("a"), b = 1`: the statement binds more than one module's names.
  if (declarators > 1 && m_.imports.size() > firstImport) {
    bool oneModule = onlyImports;
    for (size_t i = firstImport; i < m_.imports.size(); ++i)
      if (m_.imports[i].module != m_.imports[firstImport].module) oneModule = false;
    if (!oneModule)
      for (size_t i = firstImport; i < m_.imports.size(); ++i) m_.imports[i].sharedStatement = true;
  }
}

void JsLowering::walkFunctionNode(TSNode n) {
  auto it = functionAt_.find(id(n));
  if (it == functionAt_.end()) {
    walkMergedFunction(n);
    return;
  }
  const int f = it->second;
  walkDecorators(f);
  walkParameterDecorators(n);
  // A callback made in per-invocation code (passed to a wrapper, or a member of an inline
  // object) runs when that code runs.
  if (currentFunction() >= 0 && (extras_[f].callback || (extras_[f].inObject && !isReturned(extras_[f].objectNode)))) {
    Call c = referenceCall(f, m_.functions[f].nameRange, currentFunction(), unconditional());
    noteLazy(c);
    m_.calls.push_back(std::move(c));
  }
  const FunctionExtra& x = extras_[f];
  Value thisValue;
  if (x.isArrow) thisValue = thisStack_.back();
  else if (x.klass >= 0) thisValue = Value{x.isStatic ? Value::Class : Value::Instance, "", x.klass};
  else if (x.inObject) thisValue = Value{Value::Object, "", objectFor(x.objectNode)};

  const TSNode savedStmt = statementNode_;
  const int savedStatement = currentStatement_;
  std::vector<int> savedLazy;
  savedLazy.swap(lazyOwners_);
  const int savedMerged = mergedDepth_;
  const int savedConditional = conditional_;
  statementNode_ = TSNode{};
  currentStatement_ = -1;
  mergedDepth_ = 0;
  conditional_ = 0; // a function's own code runs whenever it runs
  pushScope(f, true);
  thisStack_.push_back(thisValue);
  walkParametersAndBody(n, f);
  thisStack_.pop_back();
  scopes_.pop_back();
  statementNode_ = savedStmt;
  currentStatement_ = savedStatement;
  lazyOwners_.swap(savedLazy);
  mergedDepth_ = savedMerged;
  conditional_ = savedConditional;
}

void JsLowering::walkParameterDecorators(TSNode fn) {
  TSNode params = field(fn, "parameters");
  for (uint32_t i = 0; i < namedCount(params); ++i) {
    TSNode p = named(params, i);
    if (!is(p, "required_parameter") && !is(p, "optional_parameter")) continue;
    for (uint32_t k = 0; k < namedCount(p); ++k)
      if (is(named(p, k), "decorator")) walkExpr(named(named(p, k), 0));
  }
}

void JsLowering::walkParametersAndBody(TSNode n, int f) {
  TSNode params = field(n, "parameters");
  if (ts::isNull(params)) {
    TSNode single = field(n, "parameter");
    if (!ts::isNull(single)) {
      scopes_.back().names[str(single)] = Value{};
      if (f >= 0) scopes_.back().invocation.insert(str(single));
    }
  }
  // Parameters (and the signature's types): a Block of their own, where nothing can be
  // inserted (a default value runs before the body, and only when the argument is missing).
  TSNode typeParams = field(n, "type_parameters"), returnType = field(n, "return_type");
  const bool paramBlock = namedCount(params) > 0 || !ts::isNull(typeParams) || !ts::isNull(returnType);
  if (paramBlock) openBlock(false);
  walkTypes(typeParams);
  walkTypes(returnType);
  for (uint32_t i = 0; !ts::isNull(params) && i < namedCount(params); ++i) {
    TSNode p = named(params, i);
    TSNode pattern = p;
    TSNode defaultValue{};
    if (is(p, "required_parameter") || is(p, "optional_parameter")) {
      pattern = field(p, "pattern");
      defaultValue = field(p, "value");
      // `constructor(private readonly db: Pool)`: a parameter property
      if (hasNamedChild(p, "accessibility_modifier") && is(pattern, "identifier") && extras_[f].klass >= 0)
        classes_[extras_[f].klass].attributes.try_emplace(str(pattern), Value{});
    } else if (is(p, "assignment_pattern")) {
      pattern = field(p, "left");
      defaultValue = field(p, "right");
    }
    walkTypes(field(p, "type"));
    {
      const Conditional missing(conditional_);
      if (!ts::isNull(defaultValue)) walkExpr(defaultValue);
      walkPatternDefaults(pattern);
    }
    forEachPatternName(pattern, [&](TSNode id) {
      scopes_.back().names[str(id)] = Value{};
      if (f >= 0) scopes_.back().invocation.insert(str(id)); // what the caller (or runtime) passes
    });
  }
  if (paramBlock) closeBlock();
  TSNode body = field(n, "body");
  if (is(body, "statement_block")) {
    walkBlock(body, f >= 0 && mergedDepth_ == 0, /*scoped=*/false);
  } else if (!ts::isNull(body)) {
    openBlock(false); // an expression body: no statement can go there
    walkExpr(body);
    noteReturned(body);
    closeBlock();
  }
}

bool JsLowering::hasNamedChild(TSNode n, std::string_view t) {
  for (uint32_t i = 0; i < namedCount(n); ++i)
    if (is(named(n, i), t)) return true;
  return false;
}

void JsLowering::walkPatternDefaults(TSNode p, int depth) {
  if (ts::isNull(p) || depth > 32) return;
  std::string_view t = type(p);
  if (t == "assignment_pattern" || t == "object_assignment_pattern") walkExpr(field(p, "right"));
  if (t == "pair_pattern" && is(field(p, "key"), "computed_property_name")) walkExpr(field(p, "key"));
  for (uint32_t i = 0; i < namedCount(p); ++i) walkPatternDefaults(named(p, i), depth + 1);
}

void JsLowering::walkMergedFunction(TSNode n) {
  const int f = currentFunction();
  const TSNode savedStmt = statementNode_;
  const int savedStatement = currentStatement_;
  ++mergedDepth_;
  pushScope(f, true);
  thisStack_.push_back(is(n, "arrow_function") ? thisStack_.back() : Value{});
  walkParametersAndBody(n, f);
  thisStack_.pop_back();
  scopes_.pop_back();
  --mergedDepth_;
  statementNode_ = savedStmt;
  currentStatement_ = savedStatement;
}

void JsLowering::noteReturned(TSNode e) {
  const int f = currentFunction();
  if (f < 0 || mergedDepth_ > 0) return;
  std::vector<std::pair<int, std::string>> found;
  std::set<std::string> seen;
  unwrap(e, "", found, seen);
  for (auto& [g, how] : found)
    if (g != f) extras_[f].returned.push_back(g);
}

void JsLowering::walkDecorators(int f) {
  auto it = decoratorsOf_.find(f);
  if (it == decoratorsOf_.end()) return;
  for (TSNode d : it->second) {
    TSNode e = named(d, 0);
    walkExpr(e);
    TSNode callee = is(e, "call_expression") ? field(e, "function") : e;
    extras_[f].decorators.push_back(calleeName(resolve(callee)));
    extras_[f].decoratorTexts.push_back(str(e));
  }
}

void JsLowering::walkClass(TSNode n) {
  auto it = classAt_.find(id(n));
  if (it == classAt_.end()) return;
  const int k = it->second;
  TSNode body = field(n, "body");
  for (uint32_t i = 0; i < namedCount(n); ++i) {
    TSNode c = named(n, i);
    if (is(c, "class_heritage")) {
      for (uint32_t j = 0; j < namedCount(c); ++j) {
        TSNode h = named(c, j);
        if (is(h, "extends_clause")) {
          walkExpr(named(h, 0));
          walkTypes(field(h, "type_arguments"));
        } else if (isTypeOnly(type(h))) {
          walkTypes(h);
        } else {
          walkExpr(h);
        }
      }
    } else if (is(c, "decorator")) {
      walkExpr(named(c, 0));
    } else if (is(c, "type_parameters")) {
      walkTypes(c);
    }
  }
  if (ts::isNull(body)) return;
  // The constructor and instance fields first: they set what methods read from `this`.
  for (uint32_t i = 0; i < namedCount(body); ++i) {
    TSNode member = named(body, i);
    if (is(member, "method_definition") && text(field(member, "name")) == "constructor")
      walkFunctionNode(member);
  }
  const int ctor = classes_[k].constructor;
  // Data fields before function-valued ones, whose code may read them through `this`.
  std::vector<TSNode> fields;
  for (int pass = 0; pass < 2; ++pass)
    for (uint32_t i = 0; i < namedCount(body); ++i) {
      TSNode member = named(body, i);
      std::string_view t = type(member);
      if (t != "field_definition" && t != "public_field_definition") continue;
      TSNode value = stripWrappers(field(member, "value"));
      const bool function = !ts::isNull(value) && isFunctionType(type(value));
      if (function == (pass == 1)) fields.push_back(member);
    }
  for (TSNode member : fields) {
    std::string_view t = type(member);
    TSNode nameNode = t == "field_definition" ? field(member, "property") : field(member, "name");
    TSNode value = field(member, "value");
    // Decorators and computed names run where the class is defined; the type is erased.
    for (uint32_t i = 0; i < namedCount(member); ++i)
      if (is(named(member, i), "decorator")) walkExpr(named(named(member, i), 0));
    if (is(nameNode, "computed_property_name")) walkExpr(nameNode);
    walkTypes(field(member, "type"));
    const bool isStatic = hasToken(member, "static");
    std::string name = memberName(nameNode);
    if (ts::isNull(value)) {
      if (!isStatic) classes_[k].attributes.try_emplace(name, Value{});
      continue;
    }
    if (isFunctionType(type(stripWrappers(value)))) {
      // `handle = async (event) => { this.helper(); }`: `this` is the instance.
      thisStack_.push_back(Value{isStatic ? Value::Class : Value::Instance, "", k});
      walkFunctionNode(stripWrappers(value));
      thisStack_.pop_back();
      continue;
    }
    if (isStatic || ctor < 0) {
      thisStack_.push_back(Value{Value::Class, "", k});
      walkExpr(value);
      thisStack_.pop_back();
      (isStatic ? classes_[k].staticAttributes : classes_[k].attributes)[name] = resolve(value);
      continue;
    }
    // An instance field initialiser runs in the constructor.
    const TSNode savedStmt = statementNode_;
    const int savedStatement = currentStatement_;
    std::vector<int> savedLazy;
    savedLazy.swap(lazyOwners_);
    const int savedConditional = conditional_;
    statementNode_ = TSNode{};
    currentStatement_ = -1;
    conditional_ = 0;
    pushScope(ctor, true);
    openBlock(false); // the constructor's code, outside any statement list
    thisStack_.push_back(Value{Value::Instance, "", k});
    walkExpr(value);
    classes_[k].attributes[name] = resolve(value);
    thisStack_.pop_back();
    closeBlock();
    scopes_.pop_back();
    statementNode_ = savedStmt;
    currentStatement_ = savedStatement;
    conditional_ = savedConditional;
    lazyOwners_.swap(savedLazy);
  }
  for (uint32_t i = 0; i < namedCount(body); ++i) {
    TSNode member = named(body, i);
    std::string_view t = type(member);
    if (t == "method_definition") {
      if (text(field(member, "name")) != "constructor") walkFunctionNode(member);
    } else if (t == "class_static_block") {
      thisStack_.push_back(Value{Value::Class, "", k});
      walkBlock(field(member, "body"), false);
      thisStack_.pop_back();
    } else if (isTypeOnly(t)) {
      walkTypes(member); // index and method signatures
    }
  }
}

void JsLowering::walkExpr(TSNode n) {
  if (ts::isNull(n)) return;
  if (!enter(n)) return;
  std::string_view t = type(n);
  if (t == "call_expression" || t == "new_expression") {
    walkCall(n);
  } else if (isFunctionType(t)) {
    walkFunctionNode(n);
  } else if (isClassType(t)) {
    walkClass(n);
  } else if (t == "identifier" || t == "shorthand_property_identifier") {
    noteUse(n, false);
    noteReference(n);
  } else if (t == "jsx_opening_element" || t == "jsx_self_closing_element") {
    walkJsxElement(n);
  } else if (t == "member_expression") {
    walkExpr(field(n, "object"));
    noteReference(n);
  } else if (t == "assignment_expression") {
    walkAssignment(n);
  } else if (t == "update_expression") { // x++ reassigns x
    TSNode arg = stripWrappers(field(n, "argument"));
    if (is(arg, "identifier")) {
      noteUse(arg, false);
      assign(str(arg), Value{});
    } else {
      walkExpr(arg);
    }
  } else if (t == "augmented_assignment_expression") {
    walkAugmented(n);
  } else if (t == "binary_expression") {
    walkBinary(n);
  } else if (t == "ternary_expression") {
    walkTernary(n);
  } else if (t == "as_expression" || t == "satisfies_expression" || t == "non_null_expression") {
    walkExpr(named(n, 0));
    for (uint32_t i = 1; i < namedCount(n); ++i) walkTypes(named(n, i));
  } else if (t == "type_assertion") {
    for (uint32_t i = 0; i + 1 < namedCount(n); ++i) walkTypes(named(n, i));
    walkExpr(named(n, namedCount(n) - 1));
  } else if (isTypeOnly(t)) {
    walkTypes(n);
  } else if (t == "string" || t == "number" || t == "regex" || t == "true" || t == "false" ||
             t == "null" || t == "undefined" || t == "this" || t == "super" || t == "comment" ||
             t == "property_identifier" || t == "private_property_identifier" ||
             t == "string_fragment" || t == "escape_sequence" || t == "jsx_text" ||
             t == "html_comment" || t == "statement_identifier" || t == "meta_property" ||
             t == "jsx_closing_element") { // (a closing tag repeats the opening one's name)
  } else if (t == "pair") {
    TSNode key = field(n, "key");
    if (is(key, "computed_property_name")) walkExpr(key);
    walkExpr(field(n, "value"));
  } else if (isStatementType(t)) {
    walkStatement(n);
  } else {
    for (uint32_t i = 0; i < namedCount(n); ++i) walkExpr(named(n, i));
  }
  leave();
}

void JsLowering::noteReference(TSNode n) {
  if (currentFunction() < 0) return;
  TSNode p = ts::parent(n);
  if ((is(p, "call_expression") && same(field(p, "function"), n)) ||
      (is(p, "new_expression") && same(field(p, "constructor"), n)))
    return; // handled by the call
  if (is(p, "member_expression") && same(field(p, "object"), n)) {
    std::string_view prop = text(field(p, "property"));
    if (prop != "bind") return; // part of a longer name (`f.call`/`f.apply` are calls)
  }
  Value v = resolve(n);
  if (v.kind != Value::Function) return;
  Call c = referenceCall(v.index, ts::range(n), currentFunction(), unconditional());
  noteLazy(c);
  m_.calls.push_back(std::move(c));
}

void JsLowering::walkAssignTarget(TSNode left, const Value& v, bool use) {
  left = stripWrappers(left);
  if (is(left, "identifier")) {
    if (use) noteUse(left, false);
    assign(str(left), v);
  } else if (is(left, "member_expression")) {
    TSNode object = stripWrappers(field(left, "object"));
    walkExpr(object);
    if (is(object, "this")) {
      const Value& self = thisStack_.back();
      std::string prop = str(field(left, "property"));
      if (self.kind == Value::Instance) classes_[self.index].attributes[prop] = v;
      else if (self.kind == Value::Class) classes_[self.index].staticAttributes[prop] = v;
    }
  } else if (is(left, "subscript_expression")) {
    walkExpr(field(left, "object"));
    walkExpr(field(left, "index"));
  } else {
    forEachPatternName(left, [&](TSNode id) { assign(str(id), Value{}); });
    walkPatternDefaults(left);
  }
}

void JsLowering::walkAssignment(TSNode n) {
  TSNode left = field(n, "left"), right = stripWrappers(field(n, "right"));
  // `_c = _c ?? make()` / `_c = _c || make()`: the right operand runs only on a miss.
  bool lazyOr = false;
  if (is(right, "binary_expression") && currentFunction() >= 0) {
    std::string_view op = text(field(right, "operator"));
    if ((op == "??" || op == "||") && text(stripWrappers(field(right, "left"))) == text(stripWrappers(left)) &&
        isCacheExpr(left))
      lazyOr = true;
  }
  if (lazyOr) {
    const int owner = lastCacheOwner_;
    walkExpr(field(right, "left"));
    lazyOwners_.push_back(owner);
    {
      const Conditional shortCircuit(conditional_);
      walkExpr(field(right, "right"));
    }
    lazyOwners_.pop_back();
  } else {
    walkExpr(field(n, "right"));
  }
  // `x = require("x")` binds the import; it does not use it.
  walkAssignTarget(left, resolve(field(n, "right")), !isImportValue(right));
  if (TSNode target = stripWrappers(left); is(target, "identifier")) {
    int where = -1;
    if (lookup(text(target), &where) && where >= 0 && scopes_[where].function >= 0)
      noteInvocationPattern(target, right, where);
  }
}

void JsLowering::walkAugmented(TSNode n) {
  TSNode left = field(n, "left"), right = field(n, "right");
  std::string_view op = text(field(n, "operator"));
  const bool lazy = (op == "?\?=" || op == "||=") && currentFunction() >= 0 && isCacheExpr(left);
  if (lazy) lazyOwners_.push_back(lastCacheOwner_);
  {
    // `c ??= make()` on a module-level cache: lazy initialisation, which counts as the path.
    const Conditional shortCircuit(conditional_, op == "&&=" || ((op == "?\?=" || op == "||=") && !lazy));
    walkExpr(right);
  }
  if (lazy) lazyOwners_.pop_back();
  if (op == "?\?=" || op == "||=") walkAssignTarget(left, resolve(right));
  else walkAssignTarget(left, Value{});
}

void JsLowering::walkBinary(TSNode n) {
  std::string_view op = text(field(n, "operator"));
  TSNode left = field(n, "left"), right = field(n, "right");
  // `_c ?? (_c = make())`
  if ((op == "??" || op == "||") && currentFunction() >= 0 && isCacheExpr(left) &&
      assignsTo(right, text(stripWrappers(left)))) {
    const int owner = lastCacheOwner_;
    walkExpr(left);
    lazyOwners_.push_back(owner);
    {
      const Conditional shortCircuit(conditional_);
      walkExpr(right);
    }
    lazyOwners_.pop_back();
    return;
  }
  walkExpr(left);
  const Conditional shortCircuit(conditional_, op == "&&" || op == "||" || op == "??");
  walkExpr(right);
}

void JsLowering::walkTernary(TSNode n) {
  TSNode cond = field(n, "condition"), a = field(n, "consequence"), b = field(n, "alternative");
  walkExpr(cond);
  std::string miss = currentFunction() >= 0 ? cacheTest(cond, true) : "";
  const int missOwner = lastCacheOwner_;
  std::string hit = currentFunction() >= 0 ? cacheTest(cond, false) : "";
  const int hitOwner = lastCacheOwner_;
  const bool lazyA = !miss.empty() && assignsTo(a, miss);
  const bool lazyB = !hit.empty() && assignsTo(b, hit);
  const Conditional branches(conditional_);
  if (lazyA) lazyOwners_.push_back(missOwner);
  walkExpr(a);
  if (lazyA) lazyOwners_.pop_back();
  if (lazyB) lazyOwners_.push_back(hitOwner);
  walkExpr(b);
  if (lazyB) lazyOwners_.pop_back();
}

} // namespace ll::js
