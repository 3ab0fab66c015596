// Python frontend: lowers a tree-sitter-python tree to the program model.
//
// Two passes over the tree: a light pass over statements only creates every function and class
// and binds module-level names (so a function may use a module name assigned below it), then
// the main pass walks everything once, recording imports, calls with canonical callee names,
// statements, lazy-initialisation regions and function references. Handlers are identified last,
// from what the main pass saw.
#include "frontends/Frontend.h"
#include "frontends/treesitter/TreeSitterUtil.h"

#include <algorithm>
#include <array>
#include <ranges>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace ll {

namespace {

using ts::field;
using ts::is;
using ts::named;
using ts::namedCount;
using ts::type;

constexpr int kMaxDepth = 1500;

/// What a name or expression refers to, as far as the frontend can tell.
struct Value {
  enum Kind { Unknown, Name, Function, Class, Instance } kind = Unknown;
  std::string canonical; // Name: canonical dotted name
  int index = -1;        // Function: function index; Class/Instance: class index
};

struct ClassInfo {
  std::string name;
  std::unordered_map<std::string, int> methods;
  std::unordered_map<std::string, Value> attributes; // self.x = ... anywhere in the class
};

struct Scope {
  int function = -1; // -1: module scope
  std::unordered_map<std::string, Value> names;
  std::unordered_set<std::string> globals, nonlocals;
  std::unordered_map<std::string, int> bindCount; // binding sites per name (locals only)
};

/// Per-function facts the main pass gathers before handlers are identified.
struct FunctionExtra {
  TSNode node{};                 // function_definition
  TSNode definition{};           // decorated_definition or function_definition
  int klass = -1;                // class it is a method of
  std::vector<std::string> decorators; // canonical names of its decorators
  std::vector<std::string> decoratorTexts;
  bool isStatic = false, isClassMethod = false;
};

bool isBuiltin(std::string_view name) {
  static const std::unordered_set<std::string_view> builtins = {
      "True", "False", "None", "len", "str", "int", "float", "bool", "bytes", "dict", "list",
      "tuple", "set", "frozenset", "print", "range", "min", "max", "sorted", "any", "all",
      "isinstance", "getattr", "hasattr", "repr", "abs", "round", "sum", "zip", "map", "filter",
      "enumerate", "object", "type", "Exception", "ValueError", "KeyError", "RuntimeError",
      "TypeError", "open", "__name__", "__file__"};
  return builtins.contains(name);
}

bool looksLikeService(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

/// tree-sitter-python's external scanner takes time quadratic in the length of a run of
/// comment-only lines (20,000 of them take 20 s). Comment-only lines are no code, so in runs
/// longer than kLongRun the parser reads them as blank lines of the same length instead; lines
/// with a quote are kept, in case the run is inside a triple-quoted string. `text` is empty when
/// the file has no such run; `runs` holds the comments of each blanked run, which the tree then
/// does not have.
struct BlankedComments {
  std::string text;
  std::vector<std::vector<ByteRange>> runs;
};

BlankedComments blankLongCommentRuns(std::string_view src) {
  constexpr size_t kLongRun = 64;
  BlankedComments out;
  std::vector<ByteRange> run;
  auto flush = [&] {
    if (run.size() > kLongRun) {
      if (out.text.empty()) out.text.assign(src);
      for (size_t i = src.rfind('\n', run.front().begin) + 1; i < run.back().end; ++i)
        if (out.text[i] != '\n' && out.text[i] != '\r') out.text[i] = ' ';
      out.runs.push_back(std::move(run));
    }
    run.clear();
  };
  size_t pos = 0;
  while (pos < src.size()) {
    size_t eol = src.find('\n', pos);
    const size_t end = eol == std::string_view::npos ? src.size() : eol + 1;
    std::string_view line = src.substr(pos, end - pos);
    const size_t first = line.find_first_not_of(" \t");
    const bool comment = first != std::string_view::npos && line[first] == '#' &&
                         line.find_first_of("\"'\\") == std::string_view::npos;
    if (comment) {
      size_t last = line.size();
      while (last > first && (line[last - 1] == '\n' || line[last - 1] == '\r')) --last;
      run.push_back({static_cast<uint32_t>(pos + first), static_cast<uint32_t>(pos + last)});
    } else {
      flush();
    }
    pos = end;
  }
  flush();
  return out;
}

class PythonLowering {
public:
  PythonLowering(std::shared_ptr<const SourceFile> file, const FrontendOptions& options)
      : src_(file->text()), opts_(options), cat_(options.catalogue ? *options.catalogue
                                                                   : Catalogue::builtin()) {
    m_.language = Language::Python;
    m_.file = std::move(file);
  }

  Module run() {
    const BlankedComments blanked = blankLongCommentRuns(src_);
    tree_ = ts::parseModule(m_, tree_sitter_python(), "Python",
                            blanked.text.empty() ? std::string_view() : std::string_view(blanked.text));
    if (!tree_) return std::move(m_);
    TSNode root = ts_tree_root_node(tree_.get());
    collectComments(root, blanked);
    scopes_.push_back(Scope{});
    collect(root, -1, -1, "", 0, nullptr);
    walkBlock(root, /*functionBody=*/false);
    markSharedImportStatements(m_);
    finishFunctions();
    identifyHandlers();
    return std::move(m_);
  }

private:
  /// Module::comments: the tree's comment nodes, and the comment lines the parser did not see
  /// (blanked runs outside strings).
  void collectComments(TSNode root, const BlankedComments& blanked) {
    const std::string_view parsed = blanked.text.empty() ? std::string_view(src_) : blanked.text;
    std::vector<uint32_t> hashes;
    for (size_t i = parsed.find('#'); i != std::string_view::npos; i = parsed.find('#', i + 1))
      hashes.push_back(static_cast<uint32_t>(i));
    ts::collectComments(m_, root, "comment", hashes);
    if (blanked.runs.empty()) return;
    for (const std::vector<ByteRange>& run : blanked.runs) {
      // A run has no quote, so it is all inside one string or all outside any.
      bool inString = false;
      for (TSNode n = ts_node_descendant_for_byte_range(root, run.front().begin, run.front().begin);
           !ts::isNull(n) && !inString; n = ts_node_parent(n))
        inString = is(n, "string");
      if (inString) continue;
      for (const ByteRange& r : run) m_.comments.push_back({r, true});
    }
    std::ranges::sort(m_.comments, {}, [](const Comment& c) { return c.range.begin; });
  }

  // ---- helpers over text -------------------------------------------------------------------
  std::string_view text(TSNode n) const { return ts::text(n, src_); }
  std::string str(TSNode n) const { return std::string(text(n)); }
  uint32_t lineStartOf(uint32_t offset) const {
    return m_.file->lineStart(m_.file->position(offset).line);
  }
  /// Start of the line of a module-level statement, moved up over the comment lines directly
  /// above it (they belong to it): where new module-level code goes before it.
  uint32_t attachedStart(uint32_t offset) const {
    uint32_t line = m_.file->position(offset).line;
    while (line > 1) {
      std::string_view above = m_.file->lineText(line - 1);
      if (above.empty() || above[0] != '#') break;
      --line;
    }
    return m_.file->lineStart(line);
  }

  /// Plain string literal content, or nothing when the literal interpolates or escapes.
  std::optional<std::string> stringLiteral(TSNode n) const {
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

  // ---- pass 1: functions, classes and module-level names ------------------------------------
  void collect(TSNode block, int parentFunction, int klass, const std::string& prefix,
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

  void collectModuleStatement(TSNode stmt, int depth, TSNode top) {
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

  /// The blocks of a compound statement (if/elif/else, loops, try/except/finally, with, match).
  std::vector<TSNode> nestedBlocks(TSNode stmt, int depth = 0) const {
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

  std::vector<std::string> parameterNames(TSNode params) const {
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

  void bindModule(const std::string& name, Value v, TSNode stmt, const TSNode* valueNode) {
    Scope& module = scopes_.front();
    module.names[name] = std::move(v);
    auto [it, inserted] = m_.moduleNames.try_emplace(name);
    if (inserted) {
      it->second.offset = ts_node_start_byte(stmt);
      if (valueNode) it->second.valueText = str(*valueNode);
    } else if (it->second.valueText != (valueNode ? str(*valueNode) : std::string())) {
      it->second.valueText.clear(); // bound to different things: no single value
    }
  }

  // ---- scopes ------------------------------------------------------------------------------
  Scope& scope() { return scopes_.back(); }
  const Scope& scope() const { return scopes_.back(); }
  int currentFunction() const { return scopes_.back().function; }

  /// Looks a name up through the enclosing function scopes and the module (class bodies are not
  /// enclosing scopes, as in Python). `where` tells which scope held it: -2 none, -1 module,
  /// else the function index.
  const Value* lookup(std::string_view name, int* where = nullptr) const {
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

  void bindName(const std::string& name, Value v) {
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

  /// Binds every identifier of an assignment target pattern as Unknown (tuples, lists, stars).
  void bindPattern(TSNode target) {
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

  // ---- resolution --------------------------------------------------------------------------
  /// The service a call names: its first positional argument when that is a plain string
  /// literal shaped like a service id, or its service_name= keyword.
  std::string qualifierOf(TSNode call) const {
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

  Value resolve(TSNode n, int depth = 0) const {
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
        return Value{Value::Name, q.empty() ? callee.canonical : callee.canonical + "[" + q + "]"};
      }
      return {};
    }
    if (t == "await" || t == "parenthesized_expression") return resolve(named(n, 0), depth + 1);
    return {};
  }

  /// Canonical name of a callee expression: the resolved name, or the dotted spelling.
  std::string canonicalCallee(TSNode callee) const {
    Value v = resolve(callee);
    if (v.kind == Value::Name) return v.canonical;
    if (v.kind == Value::Function) return m_.functions[v.index].qualifiedName;
    if (v.kind == Value::Class) return classes_[v.index].name;
    return {};
  }

  // ---- pass 2: the walk --------------------------------------------------------------------
  struct Context {
    int lazyDepth = 0;
    /// Inside a branch, except clause or conditional operand of the current function.
    int conditionalDepth = 0;
    /// Inside an annotation that is never evaluated.
    int typeOnlyDepth = 0;
  };

  void walkBlock(TSNode block, bool functionBody) {
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

  /// A Block for `block`, with where a statement can be inserted at its start.
  int recordBlock(TSNode block, bool functionBody) {
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

  /// Records a use of `id` when it names a module-scope import (not shadowed here).
  void noteUse(TSNode id) {
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

  /// An annotation: evaluated where it stands, unless it is a local variable's (never
  /// evaluated) or the module has `from __future__ import annotations`.
  void walkAnnotation(TSNode type, bool evaluated) {
    if (ts::isNull(type)) return;
    const bool erased = !evaluated || futureAnnotations_;
    if (erased) ++ctx_.typeOnlyDepth;
    walkExpr(type);
    if (erased) --ctx_.typeOnlyDepth;
  }

  struct BlockInfo {
    bool functionBody = false;
    bool onlyStatement = false;
  };

  void walkStatement(TSNode stmt) {
    if (++depth_ > kMaxDepth) {
      tooDeep(stmt);
      --depth_;
      return;
    }
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
    --depth_;
  }

  static bool isStatementType(std::string_view t) {
    return t.ends_with("_statement") || t == "decorated_definition" ||
           t == "function_definition" || t == "class_definition";
  }

  void walkChildBlocks(TSNode stmt) {
    for (uint32_t i = 0; i < namedCount(stmt); ++i) {
      TSNode c = named(stmt, i);
      if (is(c, "block")) walkBlock(c, false);
      else if (is(c, "else_clause")) walkStatement(c);
    }
  }

  void walkWith(TSNode stmt) {
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

  void walkWithTarget(TSNode asPattern) {
    TSNode alias = field(asPattern, "alias");
    if (ts::isNull(alias)) return;
    TSNode target = namedCount(alias) > 0 ? named(alias, 0) : alias;
    if (is(target, "identifier")) bindName(str(target), resolve(named(asPattern, 0)));
    else bindPattern(target);
  }

  void walkTarget(TSNode target) {
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

  void walkAssignment(TSNode assign, TSNode stmt) {
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
    bindAssignment(assign, stmt, /*record=*/true);
  }

  /// Binds the targets of an assignment. In pass 1 only module-level names are bound.
  void bindAssignment(TSNode assign, TSNode stmt, bool record) {
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

  void bindModulePattern(TSNode target, TSNode stmt) {
    if (is(target, "identifier")) {
      bindModule(str(target), Value{}, stmt, nullptr);
      return;
    }
    for (uint32_t i = 0; i < namedCount(target); ++i) bindModulePattern(named(target, i), stmt);
  }

  /// `lambda_handler = Processor().handle`, `handler = main`: a handler bound by assignment.
  void noteModuleAssignment(const std::string& name, TSNode value) {
    if (!cat_.match("python", kind::HandlerName, name)) return;
    Value v = resolve(value);
    if (v.kind == Value::Function)
      aliasedHandlers_.emplace_back(v.index, "`" + name + " = " + str(value) + "`");
  }

  /// Before `imp` is added: a module-scope import binds its name for noteUse; rebinding a
  /// name an import bound counts as a use at module scope (the import is needed there).
  void noteImport(Import& imp) {
    if (typeCheckingDepth_ > 0) imp.typeOnly = true;
    if (imp.function >= 0) return;
    imp.nested = moduleNesting_ > 0;
    noteRebind(imp.local, imp.range);
    importsOf_[imp.local].push_back(static_cast<int>(m_.imports.size()));
  }

  void noteRebind(const std::string& name, ByteRange at) {
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

  void bindImports(TSNode stmt, bool record) {
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

  // ---- if statements and lazy initialisation ----------------------------------------------
  /// A module-level cache name: bound at module scope (or declared global here) and not local.
  bool isCacheName(TSNode n) const {
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

  /// Tests whether `cond` checks that the cache `name` is empty (wantEmpty) or filled.
  /// Returns the cache expression text, or empty.
  std::string cacheTest(TSNode cond, bool wantEmpty) const {
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

  /// True if the subtree assigns to the cache expression (`_c = ...`, `_c[k] = ...`).
  bool assignsTo(TSNode n, std::string_view cache, int depth = 0) const {
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
    }
    if (is(n, "function_definition") || is(n, "class_definition")) return false;
    for (uint32_t i = 0; i < namedCount(n); ++i)
      if (assignsTo(named(n, i), cache, depth + 1)) return true;
    return false;
  }

  void walkIf(TSNode stmt) {
    TSNode cond = field(stmt, "condition");
    walkExpr(cond);
    TSNode consequence = field(stmt, "consequence");
    // `if TYPE_CHECKING:` holds imports for type checkers only; they never run.
    std::string_view condText = text(cond);
    const bool typeChecking = condText == "TYPE_CHECKING" || condText.ends_with(".TYPE_CHECKING");
    if (typeChecking) ++typeCheckingDepth_;
    std::string cache = currentFunction() >= 0 ? cacheTest(cond, /*wantEmpty=*/true) : "";
    bool lazy = !cache.empty() && assignsTo(consequence, cache);
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

  /// `if _c is not None: return _c` (no else) followed, in the same block, by code that fills
  /// _c.
  bool earlyReturnGuard(TSNode ifStmt, TSNode block, uint32_t next) const {
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

  // ---- definitions -------------------------------------------------------------------------
  void walkFunction(TSNode stmt) {
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

  void walkDecorators(TSNode stmt, int f) {
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

  void walkClass(TSNode def) {
    if (TSNode supers = field(def, "superclasses"); !ts::isNull(supers)) walkExpr(supers);
    if (currentFunction() >= 0) {
      auto it = classAt_.find(ts_node_start_byte(def));
      if (it != classAt_.end()) bindName(classes_[it->second].name, Value{Value::Class, "", it->second});
    }
    // The class body runs in the enclosing scope (at module scope for a module-level class).
    walkBlock(field(def, "body"), false);
  }

  // ---- expressions -------------------------------------------------------------------------
  void walkExpr(TSNode n) {
    if (ts::isNull(n)) return;
    if (++depth_ > kMaxDepth) {
      tooDeep(n);
      --depth_;
      return;
    }
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
    --depth_;
  }

  /// The object of `a.b.c`: its own sub-expressions are walked, but `a` and `a.b` are parts of
  /// the longer name, not references of their own.
  void walkNameObject(TSNode object) {
    while (is(object, "attribute")) object = field(object, "object");
    if (is(object, "identifier")) noteUse(object);
    else walkExpr(object);
  }

  /// A same-file function used as a value (a callback) from inside a function is an edge too.
  /// Callers pass only whole names in value position (never a callee or part of a longer name).
  void noteReference(TSNode n) {
    if (currentFunction() < 0) return;
    Value v = resolve(n);
    if (v.kind != Value::Function) return;
    Call c;
    c.callee = m_.functions[v.index].qualifiedName;
    c.range = ts::range(n);
    c.calleeRange = c.range;
    c.function = currentFunction();
    c.target = v.index;
    c.referenceOnly = true;
    c.lazy = ctx_.lazyDepth > 0;
    c.unconditional = ctx_.conditionalDepth == 0;
    m_.calls.push_back(std::move(c));
  }

  void walkCall(TSNode n, CallUse use) {
    TSNode fn = field(n, "function");
    if (currentFunction() >= 0 && is(fn, "attribute") && is(field(fn, "object"), "identifier")) {
      static const std::set<std::string_view> closers = {"close",    "aclose", "dispose",
                                                          "disconnect", "shutdown", "quit",
                                                          "terminate"};
      if (closers.contains(text(field(fn, "attribute"))))
        released_[currentFunction()].insert(str(field(fn, "object")));
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
      c.hoistable = hoistable(n, c.function);
      c.statement = statementFor();
    }
    int index = static_cast<int>(m_.calls.size());
    if (c.statement >= 0) {
      Statement& s = m_.statements[c.statement];
      TSNode e = named(statementNode_, 0);
      if (is(e, "assignment") && ts_node_eq(field(e, "right"), n) && is(field(e, "left"), "identifier") &&
          namedCount(statementNode_) == 1) {
        s.assignedName = str(field(e, "left"));
        s.call = index;
      }
    }
    m_.calls.push_back(std::move(c));
  }

  /// The Statement record for the statement being walked, created on first use.
  /// Calls in other statements than expression statements (return, if conditions, ...) get a
  /// record without lines: enough for a lazy getter, not for hoisting.
  int statementFor() {
    if (currentStatement_ >= 0) return currentStatement_;
    if (ts::isNull(statementNode_)) return -1;
    Statement s;
    s.range = ts::range(statementNode_);
    s.function = currentFunction();
    s.inFunctionBody = blockInfo_.functionBody;
    s.onlyInBlock = blockInfo_.onlyStatement;
    if (is(statementNode_, "expression_statement")) s.lines = ts::wholeLines(*m_.file, s.range, "#");
    currentStatement_ = static_cast<int>(m_.statements.size());
    m_.statements.push_back(std::move(s));
    return currentStatement_;
  }

  /// The call uses only constants, builtins and module-level names bound before the top-level
  /// definition that holds function `f`.
  bool hoistable(TSNode call, int f) const {
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
        if (where == -2 && isBuiltin(name)) continue;
        return false;
      }
      for (uint32_t i = 0; i < namedCount(n); ++i) stack.push_back(named(n, i));
    }
    return true;
  }

  void tooDeep(TSNode n) {
    if (reportedTooDeep_) return;
    reportedTooDeep_ = true;
    m_.notices.push_back(ts::tooDeepNotice(*m_.file, ts_node_start_byte(n), kMaxDepth));
  }

  // ---- after the walk ----------------------------------------------------------------------
  void finishFunctions() {
    for (Statement& s : m_.statements) {
      if (s.assignedName.empty() || s.function < 0) continue;
      const int f = s.function;
      const auto& counts = bindCounts_[f];
      auto it = counts.find(s.assignedName);
      bool once = it != counts.end() && it->second == 1;
      const auto& params = m_.functions[f].params;
      once = once && std::find(params.begin(), params.end(), s.assignedName) == params.end();
      once = once && !globalsOf_[f].contains(s.assignedName);
      // Not a name of an enclosing function either: removing the local binding must leave
      // uses referring to the module-level name.
      for (int p = m_.functions[f].parent; once && p >= 0; p = m_.functions[p].parent)
        if (localNames_[p].contains(s.assignedName)) once = false;
      s.assignedOnce = once;
      s.released = released_[f].contains(s.assignedName);
    }
  }

  void identifyHandlers() {
    auto mark = [&](int f, std::string reason) {
      if (m_.functions[f].isHandler) return;
      m_.functions[f].isHandler = true;
      m_.functions[f].handlerReason = std::move(reason);
    };
    // A route is one entry point among several: an invocation runs the route it asks for.
    auto markRoute = [&](int f, std::string reason) {
      const bool was = m_.functions[f].isHandler;
      mark(f, std::move(reason));
      if (!was) m_.functions[f].isRoute = true;
    };
    if (!opts_.handlers.empty()) {
      markNamedHandlers(
          m_, opts_, [&](size_t f) { return m_.functions[f].parent < 0 && extras_[f].klass < 0; },
          [&](size_t f, const std::string& reason) { mark(int(f), reason); });
      return;
    }
    for (size_t i = 0; i < m_.functions.size(); ++i) {
      Function& f = m_.functions[i];
      const FunctionExtra& x = extras_[i];
      const bool moduleLevel = f.parent < 0 && x.klass < 0;
      if (moduleLevel && cat_.match("python", kind::HandlerName, f.name)) {
        mark(int(i), "named `" + f.name + "`");
        continue;
      }
      for (size_t d = 0; d < x.decorators.size(); ++d) {
        const std::string& name = x.decorators[d];
        if (cat_.match("python", kind::HandlerDecorator, name)) {
          mark(int(i), "decorated with `@" + x.decoratorTexts[d] + "`");
          break;
        }
        if (cat_.match("python", kind::LambdaRoute, name)) {
          markRoute(int(i), "route `@" + x.decoratorTexts[d] + "`, served on every invocation");
          break;
        }
        if (hasAdapter_ && cat_.match("python", kind::Route, name)) {
          markRoute(int(i), "route `@" + x.decoratorTexts[d] + "` of an app served by a Lambda adapter");
          break;
        }
      }
      if (moduleLevel && f.params.size() == 2) {
        static const std::set<std::string> events = {"event", "_event", "evt", "lambda_event"};
        static const std::set<std::string> contexts = {"context", "_context", "ctx", "lambda_context"};
        if (events.contains(f.params[0]) && contexts.contains(f.params[1])) {
          mark(int(i), "takes `(" + f.params[0] + ", " + f.params[1] + ")`");
          continue;
        }
      }
    }
    for (auto& [f, reason] : aliasedHandlers_) mark(f, "bound as " + reason);
  }

  // ---- state -------------------------------------------------------------------------------
  std::string_view src_;
  const FrontendOptions& opts_;
  const Catalogue& cat_;
  Module m_;
  ts::TreePtr tree_;
  std::vector<Scope> scopes_;
  std::vector<ClassInfo> classes_;
  std::vector<FunctionExtra> extras_;
  std::unordered_map<uint32_t, int> functionAt_, classAt_;
  std::unordered_map<int, std::unordered_map<std::string, int>> bindCounts_;
  std::unordered_map<int, std::unordered_set<std::string>> localNames_, globalsOf_, released_;
  std::vector<std::pair<int, std::string>> aliasedHandlers_;
  Context ctx_;
  BlockInfo blockInfo_;
  TSNode statementNode_{};
  int currentStatement_ = -1;
  int currentBlock_ = -1;
  int moduleNesting_ = 0;            // blocks entered at module scope below the module itself
  int typeCheckingDepth_ = 0;        // inside `if TYPE_CHECKING:`
  bool futureAnnotations_ = false;   // `from __future__ import annotations`
  std::unordered_map<std::string, std::vector<int>> importsOf_; // module-scope imports by name
  int depth_ = 0;
  bool reportedTooDeep_ = false;
  bool hasAdapter_ = false;
};

} // namespace

Module lowerPython(std::shared_ptr<const SourceFile> file, const FrontendOptions& options) {
  return PythonLowering(std::move(file), options).run();
}

} // namespace ll
