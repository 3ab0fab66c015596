// Pass 1 of the Python lowering: every function and class, and the module-level names (so a
// function may use a module name assigned below it).
#include "frontends/python/PyLowering.h"

namespace ll::python {

uint32_t PythonLowering::attachedStart(uint32_t offset) const {
  uint32_t line = m_.file->position(offset).line;
  while (line > 1) {
    std::string_view above = m_.file->lineText(line - 1);
    if (above.empty() || above[0] != '#') break;
    --line;
  }
  return m_.file->lineStart(line);
}

std::optional<std::string> PythonLowering::stringLiteral(TSNode n) const {
  if (!is(n, "string")) return std::nullopt;
  std::string out;
  for (uint32_t i = 0; i < namedCount(n); ++i) {
    TSNode c = named(n, i);
    if (is(c, "string_content")) {
      for (uint32_t k = 0; k < namedCount(c); ++k)
        if (!is(named(c, k), "line_continuation")) return std::nullopt; // escapes
      out += text(c);
    } else if (is(c, "interpolation")) {
      return std::nullopt;
    }
  }
  return out;
}

void PythonLowering::collect(TSNode block, int parentFunction, int klass, const std::string& prefix,
                             int depth, const TSNode* topLevel) {
  if (depth > kMaxDepth) return;
  for (uint32_t i = 0; i < namedCount(block); ++i) {
    TSNode stmt = named(block, i);
    const TSNode top = topLevel ? *topLevel : stmt;
    TSNode def = stmt;
    if (is(stmt, "decorated_definition")) def = field(stmt, "definition");
    if (is(def, "function_definition")) {
      Function f;
      TSNode name = field(def, "name");
      f.name = str(name);
      f.qualifiedName = prefix + f.name;
      f.range = ts::range(stmt);
      f.nameRange = ts::range(name);
      f.parent = parentFunction;
      f.topLevelStart = attachedStart(ts_node_start_byte(top));
      f.isAsync = text(def).substr(0, 5) == "async";
      f.params = parameterNames(field(def, "parameters"));
      int index = static_cast<int>(m_.functions.size());
      m_.functions.push_back(std::move(f));
      FunctionExtra extra;
      extra.node = def;
      extra.definition = stmt;
      extra.klass = klass;
      extras_.push_back(extra);
      functionAt_[ts_node_start_byte(def)] = index;
      if (klass >= 0) classes_[klass].methods[m_.functions[index].name] = index;
      if (parentFunction < 0 && klass < 0)
        bindModule(m_.functions[index].name, Value{Value::Function, "", index}, stmt, nullptr);
      collect(field(def, "body"), index, -1, m_.functions[index].qualifiedName + ".", depth + 1,
              &top);
    } else if (is(def, "class_definition")) {
      int c = static_cast<int>(classes_.size());
      std::string name = str(field(def, "name"));
      classes_.push_back(ClassInfo{name, {}, {}});
      classAt_[ts_node_start_byte(def)] = c;
      if (parentFunction < 0 && klass < 0) bindModule(name, Value{Value::Class, "", c}, stmt, nullptr);
      collect(field(def, "body"), parentFunction, c, prefix + name + ".", depth + 1, &top);
    } else if (parentFunction < 0 && klass < 0) {
      collectModuleStatement(stmt, depth, top);
    } else {
      // Blocks nested in functions/classes may define functions too.
      for (TSNode b : nestedBlocks(stmt)) collect(b, parentFunction, klass, prefix, depth + 1, &top);
    }
  }
}

void PythonLowering::collectModuleStatement(TSNode stmt, int depth, TSNode top) {
  std::string_view t = type(stmt);
  if (t == "import_statement" || t == "import_from_statement") {
    bindImports(stmt, /*record=*/false);
  } else if (t == "expression_statement") {
    TSNode e = named(stmt, 0);
    if (is(e, "assignment")) bindAssignment(e, stmt, /*record=*/false);
  } else {
    for (TSNode b : nestedBlocks(stmt)) collect(b, -1, -1, "", depth + 1, &top);
  }
}

std::vector<TSNode> PythonLowering::nestedBlocks(TSNode stmt, int depth) const {
  std::vector<TSNode> out;
  if (depth > 4) return out;
  for (uint32_t k = 0; k < namedCount(stmt); ++k) {
    TSNode c = named(stmt, k);
    std::string_view ct = type(c);
    if (ct == "block") {
      if (is(stmt, "match_statement")) { // cases sit in the match body
        for (uint32_t j = 0; j < namedCount(c); ++j)
          for (TSNode b : nestedBlocks(named(c, j), depth + 1)) out.push_back(b);
      } else {
        out.push_back(c);
      }
    } else if (ct.ends_with("_clause")) {
      for (TSNode b : nestedBlocks(c, depth + 1)) out.push_back(b);
    }
  }
  return out;
}

std::vector<std::string> PythonLowering::parameterNames(TSNode params) const {
  std::vector<std::string> out;
  if (ts::isNull(params)) return out;
  for (uint32_t i = 0; i < namedCount(params); ++i) {
    TSNode p = named(params, i);
    if (is(p, "identifier")) out.push_back(str(p));
    else if (is(p, "default_parameter") || is(p, "typed_default_parameter")) out.push_back(str(field(p, "name")));
    else if (is(p, "typed_parameter")) {
      TSNode id = named(p, 0);
      if (is(id, "identifier")) out.push_back(str(id));
      else out.emplace_back(text(id));
    } else if (is(p, "list_splat_pattern") || is(p, "dictionary_splat_pattern")) {
      out.emplace_back(text(p));
    }
  }
  return out;
}

void PythonLowering::bindModule(const std::string& name, Value v, TSNode stmt,
                                const TSNode* valueNode) {
  scopes_.front().names[name] = std::move(v);
  recordModuleName(name, stmt, valueNode ? *valueNode : TSNode{});
}

} // namespace ll::python
