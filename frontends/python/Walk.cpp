// Pass 2 of the Python lowering: the walk over blocks, statements, definitions and expressions.
#include "frontends/python/PyLowering.h"

namespace ll::python {

void PythonLowering::walkBlock(TSNode block, bool functionBody) {
  const uint32_t count = namedCount(block);
  const int savedLazy = ctx_.lazyDepth;
  const int savedBlock = currentBlock_;
  currentBlock_ = recordBlock(block, functionBody);
  if (currentFunction() < 0 && savedBlock >= 0) ++moduleNesting_;
  uint32_t statements = 0;
  for (uint32_t i = 0; i < count; ++i)
    if (!is(named(block, i), "comment")) ++statements;
  for (uint32_t i = 0; i < count; ++i) {
    TSNode stmt = named(block, i);
    if (is(stmt, "comment")) continue;
    BlockInfo info{functionBody, statements == 1};
    blockInfo_ = info;
    walkStatement(stmt);
    // `if _c is not None: return _c` followed by code that fills _c: the rest of the block
    // is the lazy-initialisation path.
    if (currentFunction() >= 0 && is(stmt, "if_statement") && earlyReturnGuard(stmt, block, i + 1))
      ++ctx_.lazyDepth;
  }
  ctx_.lazyDepth = savedLazy;
  if (currentFunction() < 0 && savedBlock >= 0) --moduleNesting_;
  currentBlock_ = savedBlock;
}

int PythonLowering::recordBlock(TSNode block, bool functionBody) {
  Block b;
  b.function = currentFunction();
  b.parent = currentBlock_;
  b.conditional = ctx_.conditionalDepth > 0;
  TSNode first{};
  TSNode docstring{};
  for (uint32_t i = 0; i < namedCount(block); ++i) {
    TSNode c = named(block, i);
    if (is(c, "comment")) continue;
    if (functionBody && ts::isNull(docstring) && ts::isNull(first) && is(c, "expression_statement") &&
        namedCount(c) == 1 && is(named(c, 0), "string")) {
      docstring = c;
      continue;
    }
    first = c;
    break;
  }
  const SourceFile& f = *m_.file;
  auto ownLine = [&](TSNode n) {
    uint32_t start = ts_node_start_byte(n);
    std::string_view before = src_.substr(lineStartOf(start), start - lineStartOf(start));
    return before.find_first_not_of(" \t") == std::string_view::npos;
  };
  if (!ts::isNull(first) && ownLine(first)) {
    b.insertAt = lineStartOf(ts_node_start_byte(first));
    b.indent = std::string(f.indentationAt(ts_node_start_byte(first)));
  } else if (ts::isNull(first) && !ts::isNull(docstring) && ownLine(docstring)) {
    const uint32_t end = ts_node_end_byte(docstring);
    const uint32_t after = f.lineEndWithNewline(f.position(end).line);
    if (after > 0 && src_[after - 1] == '\n') {
      b.insertAt = after;
      b.indent = std::string(f.indentationAt(ts_node_start_byte(docstring)));
    }
  }
  m_.blocks.push_back(std::move(b));
  return static_cast<int>(m_.blocks.size()) - 1;
}

void PythonLowering::walkAnnotation(TSNode type, bool evaluated) {
  if (ts::isNull(type)) return;
  const bool erased = !evaluated || futureAnnotations_;
  if (erased) ++ctx_.typeOnlyDepth;
  walkExpr(type);
  if (erased) --ctx_.typeOnlyDepth;
}

void PythonLowering::walkStatement(TSNode stmt) {
  if (!enter(stmt)) return;
  const TSNode savedStmt = statementNode_;
  const int savedStatement = currentStatement_;
  const BlockInfo savedInfo = blockInfo_;
  statementNode_ = stmt;
  currentStatement_ = -1;
  std::string_view t = type(stmt);
  // A match case runs on some paths only (the match body is a block of case clauses).
  const bool matchCase = t == "case_clause";
  if (matchCase) ++ctx_.conditionalDepth;
  if (t == "import_statement" || t == "import_from_statement") {
    bindImports(stmt, /*record=*/true);
  } else if (t == "future_import_statement") {
    if (text(stmt).find("annotations") != std::string_view::npos) futureAnnotations_ = true;
  } else if (t == "decorated_definition" || t == "function_definition") {
    walkFunction(stmt);
  } else if (t == "class_definition") {
    walkClass(stmt);
  } else if (t == "expression_statement") {
    for (uint32_t i = 0; i < namedCount(stmt); ++i) {
      TSNode e = named(stmt, i);
      if (is(e, "assignment")) walkAssignment(e, stmt);
      else if (is(e, "augmented_assignment")) {
        walkExpr(field(e, "right"));
        walkTarget(field(e, "left"));
      } else walkExpr(e);
    }
  } else if (t == "if_statement") {
    walkIf(stmt);
  } else if (t == "global_statement" || t == "nonlocal_statement") {
    for (uint32_t i = 0; i < namedCount(stmt); ++i) {
      std::string name = str(named(stmt, i));
      if (t == "global_statement") scope().globals.insert(name);
      else scope().nonlocals.insert(name);
    }
  } else if (t == "for_statement") {
    walkExpr(field(stmt, "right"));
    walkTarget(field(stmt, "left"));
    noteInvocationTarget(field(stmt, "left"), field(stmt, "right")); // `for r in event["Records"]`
    walkChildBlocks(stmt);
  } else if (t == "with_statement") {
    walkWith(stmt);
  } else if (t == "block") {
    walkBlock(stmt, false);
  } else {
    // while, try, match, return, raise, assert, delete, print, ERROR, ...: expressions and
    // nested blocks, in source order.
    for (uint32_t i = 0; i < namedCount(stmt); ++i) {
      TSNode c = named(stmt, i);
      std::string_view ct = type(c);
      if (ct == "block") walkBlock(c, false);
      else if (ct == "else_clause" || ct == "elif_clause" || ct == "except_clause" ||
               ct == "finally_clause" || ct == "case_clause" || ct == "except_group_clause") {
        if (ct == "except_clause") { // `except E as e`: e is a local binding
          TSNode alias = field(c, "alias");
          if (is(alias, "identifier")) bindName(str(alias), Value{});
          for (uint32_t k = 0; k < namedCount(c); ++k)
            if (is(named(c, k), "as_pattern")) walkWithTarget(named(c, k));
        }
        // An except handler or a match case runs on some paths only.
        const bool branch = ct == "except_clause" || ct == "except_group_clause";
        if (branch) ++ctx_.conditionalDepth;
        walkStatement(c);
        if (branch) --ctx_.conditionalDepth;
      } else if (ct == "comment") {
      } else if (isStatementType(ct)) walkStatement(c);
      else walkExpr(c);
    }
  }
  if (matchCase) --ctx_.conditionalDepth;
  statementNode_ = savedStmt;
  currentStatement_ = savedStatement;
  blockInfo_ = savedInfo;
  leave();
}

bool PythonLowering::isStatementType(std::string_view t) {
  return t.ends_with("_statement") || t == "decorated_definition" ||
         t == "function_definition" || t == "class_definition";
}

void PythonLowering::walkChildBlocks(TSNode stmt) {
  for (uint32_t i = 0; i < namedCount(stmt); ++i) {
    TSNode c = named(stmt, i);
    if (is(c, "block")) walkBlock(c, false);
    else if (is(c, "else_clause")) walkStatement(c);
  }
}

void PythonLowering::walkWith(TSNode stmt) {
  for (uint32_t i = 0; i < namedCount(stmt); ++i) {
    TSNode c = named(stmt, i);
    if (is(c, "with_clause")) {
      for (uint32_t k = 0; k < namedCount(c); ++k) {
        TSNode item = named(c, k);
        if (!is(item, "with_item")) continue;
        TSNode value = field(item, "value");
        TSNode entered = is(value, "as_pattern") ? named(value, 0) : value;
        if (currentFunction() >= 0 && is(entered, "identifier")) // `with conn:` closes conn
          released_[currentFunction()].insert(str(entered));
        // The managed expression: a call here is entered and exited around the block.
        if (is(entered, "call")) walkCall(entered, CallUse::Context);
        else walkExpr(entered);
        if (is(value, "as_pattern")) walkWithTarget(value);
      }
    } else if (is(c, "block")) {
      walkBlock(c, false);
    }
  }
}

void PythonLowering::walkFunction(TSNode stmt) {
  TSNode def = is(stmt, "decorated_definition") ? field(stmt, "definition") : stmt;
  if (is(def, "class_definition")) {
    walkDecorators(stmt, -1);
    walkClass(def);
    return;
  }
  auto it = functionAt_.find(ts_node_start_byte(def));
  if (it == functionAt_.end()) return; // not collected (too deep)
  const int f = it->second;
  walkDecorators(stmt, f);
  // Defaults and annotations are evaluated where the function is defined.
  TSNode params = field(def, "parameters");
  for (uint32_t i = 0; i < namedCount(params); ++i) {
    TSNode p = named(params, i);
    if (!ts::isNull(field(p, "value"))) walkExpr(field(p, "value"));
    walkAnnotation(field(p, "type"), /*evaluated=*/true);
  }
  walkAnnotation(field(def, "return_type"), /*evaluated=*/true);
  if (currentFunction() >= 0) bindName(m_.functions[f].name, Value{Value::Function, "", f});

  Scope s;
  s.function = f;
  const FunctionExtra& extra = extras_[f];
  const auto& paramNames = m_.functions[f].params;
  for (size_t i = 0; i < paramNames.size(); ++i) {
    Value v;
    if (i == 0 && extra.klass >= 0 && !extra.isStatic)
      v = Value{extra.isClassMethod ? Value::Class : Value::Instance, "", extra.klass};
    s.names[paramNames[i]] = v;
  }
  const Context savedCtx = ctx_;
  ctx_ = Context{};
  scopes_.push_back(std::move(s));
  walkBlock(field(def, "body"), /*functionBody=*/true);
  bindCounts_[f] = std::move(scope().bindCount);
  localNames_[f].clear();
  for (const auto& [name, v] : scope().names) localNames_[f].insert(name);
  globalsOf_[f] = scope().globals;
  for (const auto& n : scope().nonlocals) globalsOf_[f].insert(n);
  scopes_.pop_back();
  ctx_ = savedCtx;
}

void PythonLowering::walkDecorators(TSNode stmt, int f) {
  if (!is(stmt, "decorated_definition")) return;
  for (uint32_t i = 0; i < namedCount(stmt); ++i) {
    TSNode d = named(stmt, i);
    if (!is(d, "decorator")) continue;
    TSNode e = named(d, 0);
    walkExpr(e);
    if (f < 0) continue;
    TSNode callee = is(e, "call") ? field(e, "function") : e;
    std::string name = canonicalCallee(callee);
    extras_[f].decorators.push_back(name);
    extras_[f].decoratorTexts.push_back(str(callee));
    if (name == "staticmethod") extras_[f].isStatic = true;
    if (name == "classmethod") extras_[f].isClassMethod = true;
    if (cat_.match("python", kind::Memoizer, name)) m_.functions[f].memoized = true;
  }
}

void PythonLowering::walkClass(TSNode def) {
  if (TSNode supers = field(def, "superclasses"); !ts::isNull(supers)) walkExpr(supers);
  if (currentFunction() >= 0) {
    auto it = classAt_.find(ts_node_start_byte(def));
    if (it != classAt_.end()) bindName(classes_[it->second].name, Value{Value::Class, "", it->second});
  }
  // The class body runs in the enclosing scope (at module scope for a module-level class).
  walkBlock(field(def, "body"), false);
}

void PythonLowering::walkExpr(TSNode n) {
  if (ts::isNull(n)) return;
  if (!enter(n)) return;
  std::string_view t = type(n);
  if (t == "call") {
    walkCall(n, CallUse::Value);
  } else if (t == "await" && is(named(n, 0), "call")) {
    walkCall(named(n, 0), CallUse::Awaited);
  } else if (t == "identifier" || t == "attribute") {
    noteReference(n);
    if (t == "identifier") noteUse(n);
    else walkNameObject(field(n, "object"));
  } else if (t == "boolean_operator") {
    walkExpr(field(n, "left"));
    ++ctx_.conditionalDepth; // short-circuit: the right operand may not run
    walkExpr(field(n, "right"));
    --ctx_.conditionalDepth;
  } else if (t == "conditional_expression") {
    // `a if c else b`: the condition runs, one of the branches does
    for (uint32_t i = 0; i < namedCount(n); ++i) {
      const bool branch = i != 1;
      if (branch) ++ctx_.conditionalDepth;
      walkExpr(named(n, i));
      if (branch) --ctx_.conditionalDepth;
    }
  } else if (t == "keyword_argument") {
    walkExpr(field(n, "value"));
  } else if (t == "named_expression") {
    walkExpr(field(n, "value"));
    bindName(str(field(n, "name")), resolve(field(n, "value")));
  } else if (t == "lambda") {
    walkExpr(field(n, "body")); // runs later, but in the same function's code
  } else if (t == "string" || t == "integer" || t == "float" || t == "true" || t == "false" ||
             t == "none" || t == "comment") {
    for (uint32_t i = 0; i < namedCount(n); ++i)
      if (is(named(n, i), "interpolation")) walkExpr(named(n, i));
  } else if (isStatementType(t)) {
    walkStatement(n);
  } else if (t == "block") {
    walkBlock(n, false);
  } else {
    for (uint32_t i = 0; i < namedCount(n); ++i) walkExpr(named(n, i));
  }
  leave();
}

void PythonLowering::walkNameObject(TSNode object) {
  while (is(object, "attribute")) object = field(object, "object");
  if (is(object, "identifier")) noteUse(object);
  else walkExpr(object);
}

void PythonLowering::noteReference(TSNode n) {
  if (currentFunction() < 0) return;
  Value v = resolve(n);
  if (v.kind != Value::Function) return;
  Call c = referenceCall(v.index, ts::range(n), currentFunction(), ctx_.conditionalDepth == 0);
  c.lazy = ctx_.lazyDepth > 0;
  m_.calls.push_back(std::move(c));
}

} // namespace ll::python
