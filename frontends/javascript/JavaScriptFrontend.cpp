// JavaScript and TypeScript frontend: lowers a tree-sitter-javascript, -typescript or -tsx tree
// to the program model.
//
// Canonical names (core/Model.h) are `module:Export` for what a module exports and `.member` for
// members: `import { S3Client } from "@aws-sdk/client-s3"` names `@aws-sdk/client-s3:S3Client`;
// the whole module (a default import, a namespace import, `require("m")`) is named `m`, so
// `AWS.S3` of `import AWS from "aws-sdk"` is `aws-sdk:S3`. A value made by calling or
// constructing something keeps that name (`new AWS.SSM()` is an `aws-sdk:SSM`, and its
// `getParameter` is `aws-sdk:SSM.getParameter`); calling such a value again adds `()`
// (`knex(config)("users")` calls `knex()`). `node:` prefixes of built-in modules are dropped.
//
// Passes: (0) module-level names, to tell wrapper calls from local ones; (1) every function and
// class, with the names they are known by; (2) module-level bindings and exports in order; (3)
// one walk over everything, recording imports, calls, statements, lazy-initialisation regions
// and function references. Handlers are identified last, from exports, names, signatures,
// decorators and routes.
#include "core/Analysis.h"
#include "frontends/Frontend.h"
#include "frontends/treesitter/TreeSitterUtil.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace ll {

namespace {

using ts::field;
using ts::is;
using ts::named;
using ts::namedCount;
using ts::type;

constexpr int kMaxDepth = 1500;

bool isFunctionType(std::string_view t) {
  return t == "function_declaration" || t == "generator_function_declaration" ||
         t == "function_expression" || t == "function" || t == "generator_function" ||
         t == "arrow_function" || t == "method_definition";
}

bool isClassType(std::string_view t) {
  return t == "class_declaration" || t == "class" || t == "abstract_class_declaration";
}

/// TypeScript syntax that has no runtime effect: never walked for calls or references.
bool isTypeOnly(std::string_view t) {
  static const std::unordered_set<std::string_view> types = {
      "type_annotation", "type_arguments", "type_parameters", "type_alias_declaration",
      "interface_declaration", "ambient_declaration", "abstract_method_signature",
      "method_signature", "property_signature", "index_signature", "function_signature",
      "implements_clause", "type_predicate_annotation", "asserts_annotation",
      "opting_type_annotation", "omitting_type_annotation", "adding_type_annotation",
      "type_query", "predefined_type", "type_identifier", "nested_type_identifier",
      "generic_type", "accessibility_modifier", "override_modifier", "declare_module"};
  return types.contains(t);
}

bool isStatementType(std::string_view t) {
  return t.ends_with("_statement") || t.ends_with("_declaration") || t == "statement_block";
}

bool same(TSNode a, TSNode b) { return !ts::isNull(a) && !ts::isNull(b) && ts_node_eq(a, b); }

/// Skips parentheses and TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`).
TSNode stripWrappers(TSNode n) {
  for (int i = 0; i < 64 && !ts::isNull(n); ++i) {
    std::string_view t = type(n);
    if (t == "parenthesized_expression" || t == "as_expression" || t == "satisfies_expression" ||
        t == "non_null_expression") {
      if (namedCount(n) == 0) return n;
      n = named(n, 0);
    } else if (t == "type_assertion") {
      if (namedCount(n) == 0) return n;
      n = named(n, namedCount(n) - 1);
    } else {
      break;
    }
  }
  return n;
}

/// The parent of `n`, skipping the wrappers stripWrappers skips; `child` is set to the node
/// directly below the returned parent.
TSNode wrappedParent(TSNode n, TSNode* child = nullptr) {
  TSNode cur = n;
  TSNode p = ts::parent(n);
  for (int i = 0; i < 64 && !ts::isNull(p); ++i) {
    std::string_view t = type(p);
    if (t == "parenthesized_expression" || t == "as_expression" || t == "satisfies_expression" ||
        t == "non_null_expression" || t == "type_assertion") {
      cur = p;
      p = ts::parent(p);
    } else {
      break;
    }
  }
  if (child) *child = cur;
  return p;
}

std::string normalizeModule(std::string_view spec) {
  if (spec.starts_with("node:")) spec.remove_prefix(5);
  return std::string(spec);
}

/// What a name or expression refers to, as far as the frontend can tell.
struct Value {
  enum Kind { Unknown, Module, Name, Function, Class, Instance, Object } kind = Unknown;
  std::string canonical; // Module: the module; Name: canonical name
  int index = -1;        // Function: function; Class/Instance: class; Object: object literal
  bool made = false;     // Name: the result of calling or constructing `canonical`
};

struct ClassInfo {
  std::string name;
  std::unordered_map<std::string, int> methods, statics;
  std::unordered_map<std::string, Value> attributes, staticAttributes;
  int constructor = -1;
};

struct ObjectInfo {
  std::unordered_map<std::string, Value> members;
};

struct FunctionExtra {
  TSNode node{};
  int klass = -1;        // method or field of this class
  bool isStatic = false;
  bool isArrow = false;
  bool isMember = false; // a class or object-literal member
  bool inObject = false;
  TSNode objectNode{};   // the object literal it is a member of
  bool callback = false; // passed as an argument (the enclosing function runs it)
  bool synthetic = false;
  std::vector<std::string> decorators, decoratorTexts;
  std::vector<int> returned; // same-file functions it returns (handler factories)
};

struct Scope {
  int function = -1;          // -1: module scope
  bool functionScope = false; // a function's own scope (where `var` binds)
  std::unordered_map<std::string, Value> names;
  std::unordered_set<std::string> cacheAliases; // locals read from a module-level cache
  /// Names a module-scope import binds in this block of module-level code (`{ const x =
  /// require("x") }`), with the Import. Imports bound in the module's own scope are in
  /// JsLowering::topImports_ instead (a use may come before them).
  std::unordered_map<std::string, int> imports;
};

struct ExportRecord {
  std::string name; // export name, "default", or "module.exports"
  TSNode value{};   // expression (or identifier) exported
};

struct RouteRecord {
  int function = -1;
  std::string text;
  bool lambdaRoute = false;
};

class JsLowering {
public:
  JsLowering(std::shared_ptr<const SourceFile> file, const FrontendOptions& options, Language language)
      : src_(file->text()), opts_(options),
        cat_(options.catalogue ? *options.catalogue : Catalogue::builtin()) {
    m_.language = language;
    m_.file = std::move(file);
  }

  Module run() {
    if (looksMinified()) {
      m_.notices.push_back({Level::Note, m_.file->path(), std::nullopt,
                            "looks minified or generated; skipped (lambda-lint reads handler "
                            "source, not bundles)"});
      return std::move(m_);
    }
    const TSLanguage* lang = m_.language == Language::TypeScript ? tree_sitter_typescript()
                             : m_.language == Language::Tsx      ? tree_sitter_tsx()
                                                                 : tree_sitter_javascript();
    tree_ = ts::parseModule(m_, lang, languageLabel());
    if (!tree_) return std::move(m_);
    TSNode root = ts_tree_root_node(tree_.get());
    collectComments(root);
    scopes_.push_back(Scope{});
    scopes_.back().functionScope = true;
    thisStack_.push_back(Value{});
    collectModuleNames(root);
    collect(root, -1, -1, 0);
    bindModule(root);
    walkBlock(root, /*functionBody=*/false, /*scoped=*/false);
    resolveUses();
    finishStatements();
    identifyHandlers();
    settleLazy();
    return std::move(m_);
  }

private:
  const char* languageLabel() const {
    return m_.language == Language::JavaScript ? "JavaScript" : "TypeScript";
  }

  /// Module::comments: `//` and `/* */` comments (`comment` nodes; not the legacy `<!--`).
  void collectComments(TSNode root) {
    std::vector<uint32_t> starts;
    for (size_t i = src_.find('/'); i != std::string_view::npos && i + 1 < src_.size();
         i = src_.find('/', i + 1))
      if (src_[i + 1] == '/' || src_[i + 1] == '*') starts.push_back(static_cast<uint32_t>(i));
    ts::collectComments(m_, root, "comment", starts);
  }

  // ---- helpers over text -------------------------------------------------------------------
  std::string_view text(TSNode n) const { return ts::isNull(n) ? std::string_view() : ts::text(n, src_); }
  std::string str(TSNode n) const { return std::string(text(n)); }
  uint32_t lineStartOf(uint32_t offset) const {
    return m_.file->lineStart(m_.file->position(offset).line);
  }
  static const void* id(TSNode n) { return n.id; }

  /// Content of a plain string literal (or a template without substitutions).
  std::optional<std::string> stringLiteral(TSNode n) const {
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

  /// Minified bundles and generated code are not handler source.
  bool looksMinified() const {
    const std::string& path = m_.file->path();
    if (path.ends_with(".min.js") || path.ends_with(".min.mjs") || path.ends_with(".min.cjs"))
      return true;
    std::string_view t = src_;
    if (t.find("__webpack_require__") != std::string_view::npos &&
        t.find("webpackBootstrap") != std::string_view::npos)
      return true;
    size_t start = 0;
    while (start < t.size()) {
      size_t end = t.find('\n', start);
      if (end == std::string_view::npos) end = t.size();
      const size_t len = end - start;
      if (len > 1000) {
        size_t spaces = 0, semicolons = 0;
        for (size_t i = start; i < end; ++i) {
          char c = t[i];
          if (c == ' ' || c == '\t') ++spaces;
          else if (c == ';') ++semicolons;
        }
        // Minified code: little whitespace (only where keywords need it) and a statement end
        // every few dozen characters; a long string, JSON or data literal has no semicolons.
        if (spaces * 10 < len && semicolons * 100 >= len) return true;
      }
      start = end + 1;
    }
    return false;
  }

  // ---- pass 0: module-level names ----------------------------------------------------------
  void collectModuleNames(TSNode root) {
    moduleRoots_.insert("awslambda"); // the Node.js runtime's global (streamifyResponse)
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

  template <class F> void forEachIdentifier(TSNode n, F&& f, int depth = 0) const {
    if (ts::isNull(n) || depth > 64) return;
    if (is(n, "identifier")) {
      f(n);
      return;
    }
    for (uint32_t i = 0; i < namedCount(n); ++i) forEachIdentifier(named(n, i), f, depth + 1);
  }

  /// Calls f for every name a binding pattern binds.
  template <class F> void forEachPatternName(TSNode p, F&& f, int depth = 0) const {
    if (ts::isNull(p) || depth > 64) return;
    std::string_view t = type(p);
    if (t == "identifier" || t == "shorthand_property_identifier_pattern") {
      f(p);
    } else if (t == "object_pattern" || t == "array_pattern" || t == "rest_pattern") {
      for (uint32_t i = 0; i < namedCount(p); ++i) forEachPatternName(named(p, i), f, depth + 1);
    } else if (t == "pair_pattern") {
      forEachPatternName(field(p, "value"), f, depth + 1);
    } else if (t == "assignment_pattern" || t == "object_assignment_pattern") {
      forEachPatternName(field(p, "left"), f, depth + 1);
    } else if (t == "required_parameter" || t == "optional_parameter") {
      forEachPatternName(field(p, "pattern"), f, depth + 1);
    }
  }

  // ---- pass 1: functions and classes -------------------------------------------------------
  /// The name a function expression is bound to: `const f = () => ...` (f), `exports.handler =
  /// function () {}` (handler), `{ key: () => ... }` (key), a class field, `export default`.
  /// Sets `nameNode` to the node that spells the name.
  std::string bindingName(TSNode fn, TSNode* nameNode) const {
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

  /// True when the function expression is returned by its enclosing function: `return fn`,
  /// `(deps) => async (event) => ...`, or an argument of a wrapper call that is returned
  /// (`return middy(fn).use(...)`).
  bool isReturned(TSNode fn) const {
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

  /// A call whose callee is rooted at a module-level name (an import, a same-file function) or
  /// at the runtime's `awslambda`: `middy(fn)`, `Sentry.wrapHandler(fn)`; not `items.map(fn)`.
  bool isWrapperCall(TSNode call) const {
    if (!is(call, "call_expression")) return false;
    TSNode fn = field(call, "function");
    for (int i = 0; i < 32; ++i) {
      fn = stripWrappers(fn);
      if (is(fn, "member_expression")) fn = field(fn, "object");
      else if (is(fn, "call_expression")) fn = field(fn, "function");
      else break;
    }
    return is(fn, "identifier") && moduleRoots_.contains(str(fn));
  }

  /// The name a module-level anonymous function gets from the declaration its value flows into:
  /// `export const handler = middy(async (event) => ...)` names it `handler`.
  std::string valuePathName(TSNode fn, TSNode* nameNode) const {
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

  /// For members of object literals: the name the object is bound to (`const api = {...}`),
  /// empty for `module.exports = {...}`, "default" for `export default {...}`.
  std::string objectPrefix(TSNode object) const {
    TSNode nameNode{};
    std::string name = bindingName(object, &nameNode);
    if (name == "module.exports") return {};
    return name;
  }

  /// A module-level callback named after the call that registers it: `app.get("/orders/:id",
  /// async (req, res) => ...)` is `app.get("/orders/:id")`; other anonymous functions are
  /// `<anonymous>`.
  std::string registrationName(TSNode fn) const {
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

  std::string memberName(TSNode nameNode) const {
    if (auto s = stringLiteral(nameNode)) return *s;
    return str(nameNode);
  }

  /// Creates Function records for every function that gets its own; walks the whole tree.
  void collect(TSNode n, int fn, int klass, int depth) {
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

  void collectClass(TSNode n, int fn, int depth) {
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

  static bool hasToken(TSNode n, std::string_view token) {
    for (uint32_t i = 0; i < ts_node_child_count(n); ++i) {
      TSNode c = ts_node_child(n, i);
      if (!ts_node_is_named(c) && type(c) == token) return true;
    }
    return false;
  }

  /// Start of the line of the module-level statement holding `n`, including the comment block
  /// directly above it (a JSDoc comment stays with what it documents).
  uint32_t topLevelStartOf(TSNode n) const {
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

  std::vector<std::string> parameterNames(TSNode fn) const {
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

  /// Decides whether a function node gets its own Function and creates it. Anonymous callbacks
  /// inside a function (`records.map(async (r) => ...)`) do not: their code is the enclosing
  /// function's, as Python lambdas are.
  int newFunction(TSNode n, int enclosing, int klass) {
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

  // ---- pass 2: module-level bindings and exports -------------------------------------------
  void bindModule(TSNode root) {
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

  void bindModuleStatement(TSNode s, int depth) {
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

  void bindModuleDeclaration(TSNode decl, TSNode stmt) {
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

  void bindExport(TSNode s) {
    TSNode source = field(s, "source");
    if (!ts::isNull(source)) return; // re-export: recorded as an import by the walk
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

  /// `exports.handler = ...`, `module.exports.handler = ...`, `module.exports = { handler }`,
  /// `module.exports = handler`.
  void noteExportAssignment(TSNode assign) {
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

  void bindModuleName(const std::string& name, Value v, TSNode stmt, TSNode valueNode) {
    scopes_.front().names[name] = std::move(v);
    auto [it, inserted] = m_.moduleNames.try_emplace(name);
    if (inserted) {
      it->second.offset = ts_node_start_byte(stmt);
      if (!ts::isNull(valueNode)) it->second.valueText = str(valueNode);
    } else if (it->second.valueText != (ts::isNull(valueNode) ? std::string() : str(valueNode))) {
      it->second.valueText.clear();
    }
  }

  /// Binds the names of a destructuring pattern to members of `v`.
  template <class F> void bindPatternValues(TSNode p, const Value& v, F&& bind, int depth = 0) {
    if (ts::isNull(p) || depth > 32) return;
    std::string_view t = type(p);
    if (t == "identifier") {
      bind(str(p), v);
    } else if (t == "object_pattern") {
      for (uint32_t i = 0; i < namedCount(p); ++i) {
        TSNode c = named(p, i);
        std::string_view ct = type(c);
        if (ct == "shorthand_property_identifier_pattern") {
          bind(str(c), memberOf(v, str(c)));
        } else if (ct == "pair_pattern") {
          TSNode key = field(c, "key");
          std::string k = stringLiteral(key).value_or(str(key));
          bindPatternValues(field(c, "value"), memberOf(v, k), bind, depth + 1);
        } else if (ct == "object_assignment_pattern") {
          TSNode left = field(c, "left");
          bind(str(left), memberOf(v, str(left)));
        } else if (ct == "assignment_pattern") {
          bindPatternValues(field(c, "left"), Value{}, bind, depth + 1);
        } else if (ct == "rest_pattern") {
          bindPatternValues(named(c, 0), Value{}, bind, depth + 1);
        }
      }
    } else {
      forEachPatternName(p, [&](TSNode n) { bind(str(n), Value{}); });
    }
  }

  // ---- scopes ------------------------------------------------------------------------------
  int currentFunction() const { return scopes_.back().function; }

  /// Looks a name up through the enclosing scopes. `scopeIndex` is set to the index in scopes_
  /// that holds it, or -1 when nothing does.
  const Value* lookup(std::string_view name, int* scopeIndex = nullptr) const {
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

  int nearestFunctionScope() const {
    for (int i = static_cast<int>(scopes_.size()) - 1; i >= 0; --i)
      if (scopes_[i].functionScope) return i;
    return 0;
  }

  /// Binds a declared name: `var` and functions in the function scope, the rest in the block.
  void declare(const std::string& name, Value v, bool functionScoped) {
    const int s = functionScoped ? nearestFunctionScope() : static_cast<int>(scopes_.size()) - 1;
    if (s == 0) {
      scopes_.front().names[name] = std::move(v);
      return;
    }
    scopes_[s].names[name] = std::move(v);
    if (currentFunction() >= 0) ++bindCounts_[currentFunction()][name];
  }

  /// An assignment to a name: updates whichever scope holds it.
  void assign(const std::string& name, const Value& v) {
    int where = -1;
    lookup(name, &where);
    if (where < 0) return; // an implicit global
    if (where == 0) reassignedModuleNames_.insert(name);
    if (where > 0 && scopes_[where].function == currentFunction() && currentFunction() >= 0)
      ++bindCounts_[currentFunction()][name];
    Value& slot = scopes_[where].names[name];
    if (slot.kind == Value::Unknown || v.kind != Value::Unknown) slot = v;
  }

  void pushScope(int function, bool functionScope) {
    Scope s;
    s.function = function;
    s.functionScope = functionScope;
    scopes_.push_back(std::move(s));
  }

  // ---- resolution --------------------------------------------------------------------------
  Value memberOf(const Value& base, const std::string& prop) const {
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

  static Value callResult(const Value& callee) {
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

  std::string calleeName(const Value& v) const {
    switch (v.kind) {
    case Value::Module: return v.canonical;
    case Value::Name: return v.made ? v.canonical + "()" : v.canonical;
    case Value::Function: return m_.functions[v.index].qualifiedName;
    case Value::Class: return classes_[v.index].name;
    default: return {};
    }
  }

  bool isRequire(TSNode call) const {
    if (!is(call, "call_expression")) return false;
    TSNode fn = field(call, "function");
    if (!is(fn, "identifier") || text(fn) != "require") return false;
    if (lookup("require")) return false; // a local function named require
    TSNode args = field(call, "arguments");
    return is(args, "arguments") && namedCount(args) >= 1 && stringLiteral(named(args, 0));
  }

  static bool isDynamicImport(TSNode call) {
    return is(call, "call_expression") && is(field(call, "function"), "import");
  }

  std::string requiredModule(TSNode call) const {
    TSNode args = field(call, "arguments");
    return stringLiteral(named(args, 0)).value_or("");
  }

  Value resolve(TSNode n, int depth = 0) const {
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

  /// The ObjectInfo of an object literal, made on first use.
  int objectFor(TSNode obj) const {
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

  /// The same-file functions an expression evaluates to or wraps, with how ("" when it is the
  /// function itself, else "wrapped by `middy(...)`" / "returned by `makeHandler(...)`").
  void unwrap(TSNode n, const std::string& how, std::vector<std::pair<int, std::string>>& out,
              std::set<std::string>& seen, int depth = 0) const {
    if (ts::isNull(n) || depth > 24) return;
    n = stripWrappers(n);
    std::string_view t = type(n);
    if (t == "await_expression") {
      unwrap(named(n, 0), how, out, seen, depth + 1);
      return;
    }
    if (isFunctionType(t) || t == "function_declaration") {
      auto it = functionAt_.find(id(n));
      if (it != functionAt_.end()) out.emplace_back(it->second, how);
      return;
    }
    if (t == "identifier" || t == "shorthand_property_identifier") {
      Value v = resolve(n);
      if (v.kind == Value::Function) {
        out.emplace_back(v.index, how);
        return;
      }
      std::string name = str(n);
      int where = -1;
      lookup(name, &where);
      if (where == 0 && !seen.contains(name)) {
        auto it = moduleInit_.find(name);
        if (it != moduleInit_.end()) {
          seen.insert(name);
          unwrap(it->second, how, out, seen, depth + 1);
        }
      }
      return;
    }
    if (t == "member_expression" || t == "subscript_expression") {
      Value v = resolve(n);
      if (v.kind == Value::Function) out.emplace_back(v.index, how);
      return;
    }
    if (t == "call_expression") {
      TSNode fn = field(n, "function");
      if (is(fn, "member_expression") && text(field(fn, "property")) == "bind") {
        unwrap(field(fn, "object"), how, out, seen, depth + 1);
        return;
      }
      Value callee = resolve(fn);
      TSNode root = n;
      for (int i = 0; i < 32; ++i) { // `middy(base).use(a).use(b)`: named after `middy`
        TSNode f = field(root, "function");
        if (is(f, "member_expression") && is(stripWrappers(field(f, "object")), "call_expression"))
          root = stripWrappers(field(f, "object"));
        else break;
      }
      std::string wrapper = "`" + abbreviated(field(root, "function")) + "(...)`";
      std::string own = how.empty() ? "" : ", " + how;
      if (callee.kind == Value::Function) {
        for (int g : extras_[callee.index].returned) out.emplace_back(g, "returned by " + wrapper + own);
      }
      TSNode args = field(n, "arguments");
      for (uint32_t i = 0; is(args, "arguments") && i < namedCount(args); ++i)
        unwrap(named(args, i), "wrapped by " + wrapper + own, out, seen, depth + 1);
      if (is(fn, "member_expression")) {
        TSNode obj = stripWrappers(field(fn, "object"));
        if (is(obj, "call_expression")) unwrap(obj, how, out, seen, depth + 1);
      }
      return;
    }
    if (t == "object") {
      for (uint32_t i = 0; i < namedCount(n); ++i) {
        TSNode p = named(n, i);
        if (is(p, "pair")) unwrap(field(p, "value"), how, out, seen, depth + 1);
        else if (is(p, "method_definition") || is(p, "shorthand_property_identifier"))
          unwrap(p, how, out, seen, depth + 1);
      }
    }
  }

  std::string abbreviated(TSNode n) const {
    std::string_view s = text(n);
    s = s.substr(0, s.find('\n'));
    if (s.size() > 40) return std::string(s.substr(0, 40)) + "...";
    return std::string(s);
  }

  // ---- pass 3: the walk --------------------------------------------------------------------
  struct BlockInfo {
    bool functionBody = false;
    bool onlyStatement = false;
  };

  /// Walks a statement block (or the program). `conditional`: the block is a branch (Block).
  void walkBlock(TSNode block, bool functionBody, bool scoped = true, bool conditional = false) {
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

  // ---- blocks and conditions ---------------------------------------------------------------
  /// Starts a Block of the current function inside the current one (no insert point yet).
  void openBlock(bool conditional) {
    Block b;
    b.function = currentFunction();
    b.parent = blockStack_.empty() ? -1 : blockStack_.back();
    b.conditional = conditional;
    blockStack_.push_back(static_cast<int>(m_.blocks.size()));
    m_.blocks.push_back(std::move(b));
  }
  void closeBlock() { blockStack_.pop_back(); }

  /// Where a statement can be written at the start of a block whose statements are the named
  /// children of `container` that start at `after` or later (past `{` or `case x:`): the line of
  /// the first statement, or of the comments on their own lines right above it, after a
  /// directive prologue (`"use strict";`) when `prologue`. Nothing when the block is empty or
  /// its first statement shares a line with the header or the prologue.
  void setInsertPoint(Block& b, TSNode container, uint32_t after, bool prologue) const {
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
  }

  /// The body of an if/else branch or a loop: a statement block, or a single statement (a Block
  /// too, where nothing can be inserted).
  void walkBody(TSNode body, bool conditional) {
    if (ts::isNull(body)) return;
    if (is(body, "statement_block")) {
      if (++depth_ > kMaxDepth) {
        tooDeep(body);
        --depth_;
        return;
      }
      walkBlock(body, false, true, conditional);
      --depth_;
      return;
    }
    openBlock(conditional);
    walkStatement(body);
    closeBlock();
  }

  /// Code that runs on some paths only: `++conditional_` for its extent.
  struct Conditional {
    explicit Conditional(int& depth, bool active = true) : depth_(depth), active_(active) {
      if (active_) ++depth_;
    }
    ~Conditional() {
      if (active_) --depth_;
    }
    Conditional(const Conditional&) = delete;
    Conditional& operator=(const Conditional&) = delete;
    Conditional(Conditional&&) = delete;
    Conditional& operator=(Conditional&&) = delete;

  private:
    int& depth_;
    bool active_;
  };
  bool unconditional() const { return conditional_ == 0; }

  /// Declarations of a block are visible in all of it (functions are hoisted; let/const shadow
  /// outer names from the start of the block).
  void prebind(TSNode block) {
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

  void walkStatement(TSNode stmt) {
    if (ts::isNull(stmt)) return;
    if (++depth_ > kMaxDepth) {
      tooDeep(stmt);
      --depth_;
      return;
    }
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
    --depth_;
  }

  /// A switch case: a conditional Block whose statements follow `case x:`.
  void walkCase(TSNode c) {
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

  void walkNamespace(TSNode ns) {
    TSNode body = field(ns, "body");
    if (!ts::isNull(body)) walkBlock(body, false);
  }

  void walkExport(TSNode stmt) {
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

  void addImport(const std::string& module, std::string name, std::string local, ByteRange range,
                 bool typeOnly) {
    Import imp;
    imp.module = module;
    imp.name = std::move(name);
    imp.local = std::move(local);
    imp.range = range;
    imp.function = currentFunction();
    imp.typeOnly = typeOnly;
    m_.imports.push_back(std::move(imp));
  }

  /// ES imports (`import X`, `import * as X`, `import { A as B }`, `import type`) and the
  /// TypeScript `import X = require("m")`. The default export and the namespace both name the
  /// whole module.
  void bindImports(TSNode stmt, bool record) {
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

  void walkDeclaration(TSNode stmt) {
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

  /// `require("m")`, `require("m").x` or `await import("m")`, with wrappers: a value that is
  /// an import.
  bool isImportValue(TSNode value) const {
    value = stripWrappers(value);
    if (is(value, "await_expression")) value = stripWrappers(named(value, 0));
    if (is(value, "member_expression")) value = stripWrappers(field(value, "object"));
    return isRequire(value) || isDynamicImport(value);
  }

  /// Records that a module-scope import binds `name` (in the scope a declaration binds it in).
  void bindImportName(const std::string& name, int import, bool isVar) {
    const size_t s = isVar ? static_cast<size_t>(nearestFunctionScope()) : scopes_.size() - 1;
    if (s == 0) topImports_.try_emplace(name, import);
    else scopes_[s].imports.try_emplace(name, import);
  }

  /// The statement being walked is a module-level statement itself (or the declaration of an
  /// `export` statement), not nested in a module-level block.
  bool directlyAtTopLevel() const {
    return same(statementNode_, topStmt_) ||
           (is(topStmt_, "export_statement") && same(field(topStmt_, "declaration"), statementNode_));
  }

  /// `cache.get(k)`, `cache[k]`, `cache.x` or `cache` itself, where cache is module-level.
  bool isCacheRead(TSNode value) {
    value = stripWrappers(value);
    if (is(value, "call_expression")) {
      TSNode fn = field(value, "function");
      return is(fn, "member_expression") && text(field(fn, "property")) == "get" &&
             isCacheExpr(field(fn, "object"));
    }
    return isCacheExpr(value);
  }

  // ---- functions ---------------------------------------------------------------------------
  void walkFunctionNode(TSNode n) {
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
      Call c;
      c.callee = m_.functions[f].qualifiedName;
      c.range = m_.functions[f].nameRange;
      c.calleeRange = c.range;
      c.function = currentFunction();
      c.target = f;
      c.referenceOnly = true;
      c.unconditional = unconditional();
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

  /// TypeScript parameter decorators (`constructor(@Inject(TOKEN) db: Db)`) run where the
  /// class is defined.
  void walkParameterDecorators(TSNode fn) {
    TSNode params = field(fn, "parameters");
    for (uint32_t i = 0; i < namedCount(params); ++i) {
      TSNode p = named(params, i);
      if (!is(p, "required_parameter") && !is(p, "optional_parameter")) continue;
      for (uint32_t k = 0; k < namedCount(p); ++k)
        if (is(named(p, k), "decorator")) walkExpr(named(named(p, k), 0));
    }
  }

  void walkParametersAndBody(TSNode n, int f) {
    TSNode params = field(n, "parameters");
    if (ts::isNull(params)) {
      TSNode single = field(n, "parameter");
      if (!ts::isNull(single)) scopes_.back().names[str(single)] = Value{};
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
      forEachPatternName(pattern, [&](TSNode id) { scopes_.back().names[str(id)] = Value{}; });
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

  static bool hasNamedChild(TSNode n, std::string_view t) {
    for (uint32_t i = 0; i < namedCount(n); ++i)
      if (is(named(n, i), t)) return true;
    return false;
  }

  /// Default values inside destructuring patterns are evaluated too.
  void walkPatternDefaults(TSNode p, int depth = 0) {
    if (ts::isNull(p) || depth > 32) return;
    std::string_view t = type(p);
    if (t == "assignment_pattern" || t == "object_assignment_pattern") walkExpr(field(p, "right"));
    if (t == "pair_pattern" && is(field(p, "key"), "computed_property_name")) walkExpr(field(p, "key"));
    for (uint32_t i = 0; i < namedCount(p); ++i) walkPatternDefaults(named(p, i), depth + 1);
  }

  /// An inline callback in a function: its code counts as the enclosing function's.
  void walkMergedFunction(TSNode n) {
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

  void noteReturned(TSNode e) {
    const int f = currentFunction();
    if (f < 0 || mergedDepth_ > 0) return;
    std::vector<std::pair<int, std::string>> found;
    std::set<std::string> seen;
    unwrap(e, "", found, seen);
    for (auto& [g, how] : found)
      if (g != f) extras_[f].returned.push_back(g);
  }

  void walkDecorators(int f) {
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

  void walkClass(TSNode n) {
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

  // ---- expressions -------------------------------------------------------------------------
  void walkExpr(TSNode n) {
    if (ts::isNull(n)) return;
    if (++depth_ > kMaxDepth) {
      tooDeep(n);
      --depth_;
      return;
    }
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
    --depth_;
  }

  // ---- name uses ---------------------------------------------------------------------------
  /// Records a use of the name `id` spells when it can be a module-scope import's: not a local
  /// or parameter that shadows it. A name bound in the module's own scope is matched with its
  /// import after the walk (in resolveUses), since a function may use it above the import.
  void noteUse(TSNode id, bool typeOnly) {
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

  NameUse newUse(int import, ByteRange range, bool typeOnly) const {
    NameUse u;
    u.import = import;
    u.range = range;
    u.function = currentFunction();
    u.block = blockStack_.empty() ? -1 : blockStack_.back();
    u.unconditional = unconditional();
    u.typeOnly = typeOnly;
    return u;
  }

  /// Names a TypeScript type refers to, as type-only uses. Names a type declares (a type
  /// parameter, an alias or interface, a parameter of a function type) are not uses.
  void walkTypes(TSNode n, int depth = 0) {
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

  /// `<Foo bar={x}>`: the element's name is a use (`<div>` names a tag, not a value).
  void walkJsxElement(TSNode n) {
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

  /// Matches uses of names bound in the module's own scope with the imports that bind them,
  /// and drops the rest.
  void resolveUses() {
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

  /// A same-file function used as a value (a callback) inside a function is an edge too.
  void noteReference(TSNode n) {
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
    Call c;
    c.callee = m_.functions[v.index].qualifiedName;
    c.range = ts::range(n);
    c.calleeRange = c.range;
    c.function = currentFunction();
    c.target = v.index;
    c.referenceOnly = true;
    c.unconditional = unconditional();
    noteLazy(c);
    m_.calls.push_back(std::move(c));
  }

  /// Marks a call made inside lazy-initialisation regions (before it is added to m_.calls).
  void noteLazy(Call& c) {
    c.lazy = !lazyOwners_.empty();
    if (c.lazy) lazyOwnersOf_[static_cast<int>(m_.calls.size())] = lazyOwners_;
  }

  /// `use`: an identifier assigned to counts as a use of the name (writing an import's name
  /// needs its binding as much as reading it).
  void walkAssignTarget(TSNode left, const Value& v, bool use = true) {
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

  void walkAssignment(TSNode n) {
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
  }

  void walkAugmented(TSNode n) {
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

  void walkBinary(TSNode n) {
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

  void walkTernary(TSNode n) {
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

  // ---- calls -------------------------------------------------------------------------------
  void walkCall(TSNode n) {
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
      static const std::set<std::string_view> closers = {"end", "close", "destroy", "quit", "disconnect",
                                                         "dispose", "terminate", "shutdown"};
      if (closers.contains(text(field(bareFn, "property"))))
        released_[f].insert(str(stripWrappers(field(bareFn, "object"))));
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
        hoistNames_.clear();
        c.hoistable = hoistable(n, f);
        if (c.hoistable && !hoistNames_.empty()) namesUsedBy_[index] = hoistNames_;
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

  /// A call in an optional chain (`f?.()`, `a?.b(x)`, `a?.b.c()`): it may not run at all.
  static bool optionalChain(TSNode call) {
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

  /// `const x = <call>` / `x = <call>`: the statement assigns this call.
  void noteAssignedCall(TSNode call, int index, Statement& s) {
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

  /// Records `require("m")` / `import("m")` with the names it binds. At module scope, when it is
  /// the whole value of a declaration (`const x = require("m")`, `const { a } = require("m").b`)
  /// or the whole of an expression statement (`require("m");`, `x = require("m");`), the
  /// Import's range is that statement (what an edit moves or deletes); else the call.
  void recordRequire(TSNode call) {
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

  /// Adds the Import records of a require; returns whether it is a whole statement's value.
  bool recordRequireBindings(TSNode call, const std::string& spec) {
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

  /// The Statement record of the statement being walked, created on first use.
  int statementFor() {
    if (currentStatement_ >= 0) return currentStatement_;
    if (ts::isNull(statementNode_)) return -1;
    Statement s;
    s.range = ts::range(statementNode_);
    s.function = currentFunction();
    s.inFunctionBody = blockInfo_.functionBody;
    s.onlyInBlock = blockInfo_.onlyStatement;
    std::string_view t = type(statementNode_);
    if (t == "expression_statement" || t == "lexical_declaration" || t == "variable_declaration")
      s.lines = ts::wholeLines(*m_.file, s.range, "//");
    currentStatement_ = static_cast<int>(m_.statements.size());
    m_.statements.push_back(std::move(s));
    return currentStatement_;
  }

  /// The call uses only literals, well-known globals, the environment and module-level names
  /// bound before the module-level statement that holds function `f`.
  bool hoistable(TSNode call, int f) const {
    const uint32_t limit = m_.functions[f].topLevelStart;
    static const std::unordered_set<std::string_view> globals = {
        "JSON", "Math", "Number", "String", "Boolean", "Object", "Array", "parseInt", "parseFloat",
        "isNaN", "isFinite", "Infinity", "NaN", "undefined", "Buffer", "URL", "URLSearchParams",
        "encodeURIComponent", "decodeURIComponent", "require", "__dirname", "__filename", "Map",
        "Set", "WeakMap", "BigInt", "RegExp"};
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
          hoistNames_.push_back(name);
          continue;
        }
        if (v) return false; // a local or parameter
        if (name == "process") {
          if (is(p, "member_expression") && text(field(p, "property")) == "env") continue;
          return false;
        }
        if (name == "Math" && is(p, "member_expression") && text(field(p, "property")) == "random")
          return false;
        if (globals.contains(name)) continue;
        return false;
      }
      for (uint32_t i = 0; i < namedCount(n); ++i) stack.emplace_back(named(n, i), depth + 1);
    }
    return true;
  }

  void forEachDeclaredName(TSNode n, std::unordered_set<std::string>& out, int depth = 0) const {
    if (ts::isNull(n) || depth > 64) return;
    if (is(n, "variable_declarator")) forEachPatternName(field(n, "name"), [&](TSNode id) { out.insert(str(id)); });
    if (is(n, "function_declaration")) out.insert(str(field(n, "name")));
    for (uint32_t i = 0; i < namedCount(n); ++i) forEachDeclaredName(named(n, i), out, depth + 1);
  }

  void tooDeep(TSNode n) {
    if (reportedTooDeep_) return;
    reportedTooDeep_ = true;
    m_.notices.push_back(ts::tooDeepNotice(*m_.file, ts_node_start_byte(n), kMaxDepth));
  }

  // ---- lazy initialisation -----------------------------------------------------------------
  /// A cache that outlives the invocation: a module-level name, a variable of an enclosing
  /// function (closure state of a handler factory), `this.x`, a member or element of a cache,
  /// or a local read from a cache (`let c = clients.get(k)`).
  bool isCacheExpr(TSNode n) const {
    n = stripWrappers(n);
    if (currentFunction() < 0 || ts::isNull(n)) return false;
    if (is(n, "identifier")) {
      int where = -1;
      lookup(text(n), &where);
      lastCacheOwner_ = -1;
      if (where < 0) return text(n) != "undefined"; // an implicit global keeps its value too
      if (where == 0) return true;
      if (scopes_[where].function != currentFunction()) {
        lastCacheOwner_ = scopes_[where].function; // closure state of an enclosing function
        return true;
      }
      return scopes_[where].cacheAliases.contains(str(n));
    }
    if (is(n, "member_expression")) {
      TSNode object = stripWrappers(field(n, "object"));
      if (is(object, "this")) {
        const Value& self = thisStack_.back();
        lastCacheOwner_ = -1;
        return self.kind == Value::Instance || self.kind == Value::Class || self.kind == Value::Object;
      }
      return isCacheExpr(object);
    }
    if (is(n, "subscript_expression")) return isCacheExpr(field(n, "object"));
    return false;
  }

  static bool isNullish(std::string_view s) { return s == "undefined" || s == "null" || s == "void 0"; }

  /// Whether `cond` tests that a cache is empty (wantEmpty) or filled; returns the cache
  /// expression's text, or empty.
  std::string cacheTest(TSNode cond, bool wantEmpty, int depth = 0) const {
    if (ts::isNull(cond) || depth > 32) return {};
    cond = stripWrappers(cond);
    std::string_view t = type(cond);
    if (t == "unary_expression" && text(field(cond, "operator")) == "!")
      return cacheTest(field(cond, "argument"), !wantEmpty, depth + 1);
    if (t == "binary_expression") {
      std::string_view op = text(field(cond, "operator"));
      TSNode a = stripWrappers(field(cond, "left")), b = stripWrappers(field(cond, "right"));
      if (op == "||" || op == "&&") {
        // `!_c || expired()` is a miss; `_c && fresh()` a hit.
        if ((wantEmpty && op == "||") || (!wantEmpty && op == "&&")) {
          std::string l = cacheTest(a, wantEmpty, depth + 1);
          return l.empty() ? cacheTest(b, wantEmpty, depth + 1) : l;
        }
        return {};
      }
      if (op == "===" || op == "==" || op == "!==" || op == "!=") {
        const bool empty = op == "===" || op == "==";
        TSNode other{};
        if (isNullish(text(b)) || text(b) == "'undefined'" || text(b) == "\"undefined\"") other = a;
        else if (isNullish(text(a)) || text(a) == "'undefined'" || text(a) == "\"undefined\"") other = b;
        if (ts::isNull(other)) return {};
        if (is(other, "unary_expression") && text(field(other, "operator")) == "typeof")
          other = stripWrappers(field(other, "argument"));
        if (empty != wantEmpty) return {};
        if (isCacheExpr(other)) return str(other);
        if (std::string m = mapLookup(other); !m.empty()) return m;
        return {};
      }
      if (op == "in" && isCacheExpr(b)) return wantEmpty ? std::string() : str(b);
      return {};
    }
    if (t == "call_expression") {
      if (std::string m = mapLookup(cond); !m.empty()) return wantEmpty ? std::string() : m;
      return {};
    }
    if (isCacheExpr(cond)) return wantEmpty ? std::string() : str(cond);
    return {};
  }

  /// `cache.has(k)` / `cache.get(k)` on a module-level cache: the cache's text.
  std::string mapLookup(TSNode call) const {
    if (!is(call, "call_expression")) return {};
    TSNode fn = stripWrappers(field(call, "function"));
    if (!is(fn, "member_expression")) return {};
    std::string_view m = text(field(fn, "property"));
    if ((m == "has" || m == "get") && isCacheExpr(field(fn, "object"))) return str(stripWrappers(field(fn, "object")));
    return {};
  }

  /// True if the subtree assigns to the cache (`c = ...`, `c ??= ...`, `c[k] = ...`,
  /// `c.set(k, ...)`), not counting nested functions.
  bool assignsTo(TSNode n, std::string_view cache, int depth = 0) const {
    if (ts::isNull(n) || depth > 200 || cache.empty()) return false;
    std::string_view t = type(n);
    if (isFunctionType(t) || isClassType(t)) return false;
    if (t == "assignment_expression" || t == "augmented_assignment_expression") {
      TSNode left = stripWrappers(field(n, "left"));
      if (text(left) == cache) return true;
      if ((is(left, "subscript_expression") || is(left, "member_expression")) &&
          text(stripWrappers(field(left, "object"))) == cache)
        return true;
    }
    if (t == "call_expression") {
      TSNode fn = stripWrappers(field(n, "function"));
      if (is(fn, "member_expression") && text(stripWrappers(field(fn, "object"))) == cache) {
        std::string_view m = text(field(fn, "property"));
        if (m == "set" || m == "add") return true;
      }
    }
    for (uint32_t i = 0; i < namedCount(n); ++i)
      if (assignsTo(named(n, i), cache, depth + 1)) return true;
    return false;
  }

  void walkIf(TSNode stmt) {
    TSNode cond = field(stmt, "condition");
    walkExpr(cond);
    TSNode consequence = field(stmt, "consequence");
    const std::string miss = currentFunction() >= 0 ? cacheTest(cond, true) : "";
    const int missOwner = lastCacheOwner_;
    const bool lazy = !miss.empty() && assignsTo(consequence, miss);
    {
      // A lazy-initialisation branch runs on the first invocation of every execution
      // environment: for what every invocation needs, it counts as the path, not a branch.
      const Conditional branch(conditional_, !lazy);
      if (lazy) lazyOwners_.push_back(missOwner);
      walkBody(consequence, !lazy);
      if (lazy) lazyOwners_.pop_back();
    }
    TSNode alt = field(stmt, "alternative");
    if (!ts::isNull(alt)) {
      // `if (_c) {...} else { _c = make(); }`
      const std::string hit = currentFunction() >= 0 ? cacheTest(cond, false) : "";
      const int hitOwner = lastCacheOwner_;
      const bool elseLazy = !hit.empty() && assignsTo(alt, hit);
      const Conditional branch(conditional_, !elseLazy);
      if (elseLazy) lazyOwners_.push_back(hitOwner);
      // `else { ... }`, `else stmt;` and `else if (...) ...`: a branch each.
      for (uint32_t i = 0; i < namedCount(alt); ++i)
        if (!is(named(alt, i), "comment")) walkBody(named(alt, i), !elseLazy);
      if (elseLazy) lazyOwners_.pop_back();
    }
  }

  /// `if (_c) return _c;` (no else) followed, in the same block, by code that fills _c.
  bool earlyReturnGuard(TSNode ifStmt, TSNode block, uint32_t next) const {
    if (!ts::isNull(field(ifStmt, "alternative"))) return false;
    const std::string cache = cacheTest(field(ifStmt, "condition"), false);
    if (cache.empty()) return false;
    TSNode body = field(ifStmt, "consequence");
    if (is(body, "statement_block")) {
      TSNode last{};
      for (uint32_t i = 0; i < namedCount(body); ++i)
        if (!is(named(body, i), "comment")) last = named(body, i);
      body = last;
    }
    if (!is(body, "return_statement")) return false;
    for (uint32_t i = next; i < namedCount(block); ++i)
      if (assignsTo(named(block, i), cache)) return true;
    return false;
  }

  // ---- after the walk ----------------------------------------------------------------------
  void finishStatements() {
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
      const auto& params = m_.functions[f].params;
      bool once = count == 1 && !s.declarationKind.empty() &&
                  std::find(params.begin(), params.end(), s.assignedName) == params.end() &&
                  !shadowing_.contains(static_cast<int>(i));
      s.assignedOnce = once;
      s.released = released_[f].contains(s.assignedName);
    }
  }

  void identifyHandlers() {
    auto mark = [&](int f, std::string reason) {
      if (f < 0 || m_.functions[f].isHandler) return;
      m_.functions[f].isHandler = true;
      m_.functions[f].handlerReason = std::move(reason);
    };
    // A route is one entry point among several: an invocation runs the route it asks for.
    auto markRoute = [&](int f, std::string reason) {
      if (f < 0) return;
      const bool was = m_.functions[f].isHandler;
      mark(f, std::move(reason));
      if (!was) m_.functions[f].isRoute = true;
    };
    auto exported = [&](const ExportRecord& e, const std::string& how, const std::string* byOption) {
      if (byOption) return opts_.namedBy(*byOption);
      std::string as = e.name == "default"          ? "the default export"
                       : e.name == "module.exports" ? "exported as `module.exports`"
                                                    : "exported as `" + e.name + "`";
      return how.empty() ? as : how + ", " + as;
    };
    auto isModuleFunction = [&](size_t f) {
      return m_.functions[f].parent < 0 && extras_[f].klass < 0 && !extras_[f].isMember;
    };
    if (!opts_.handlers.empty()) {
      // An export name names the functions the export is (through wrappers).
      auto byExport = [&](const std::string& h) {
        bool found = false;
        for (const ExportRecord& e : exports_) {
          if (e.name != h) continue;
          std::vector<std::pair<int, std::string>> fns;
          std::set<std::string> seen;
          unwrap(e.value, "", fns, seen);
          for (auto& [f, how] : fns) {
            mark(f, exported(e, how, &h));
            found = true;
          }
        }
        return found;
      };
      markNamedHandlers(
          m_, opts_, [&](size_t f) { return isModuleFunction(f); },
          [&](size_t f, const std::string& reason) { mark(int(f), reason); }, byExport);
      return;
    }
    const char* lang = "javascript";
    for (const ExportRecord& e : exports_) {
      const bool byName = cat_.match(lang, kind::HandlerName, e.name) != nullptr;
      if (!byName && e.name != "default" && e.name != "module.exports") continue;
      std::vector<std::pair<int, std::string>> fns;
      std::set<std::string> seen;
      unwrap(e.value, "", fns, seen);
      for (auto& [f, how] : fns) mark(f, exported(e, how, nullptr));
    }
    for (size_t i = 0; i < m_.functions.size(); ++i) {
      const Function& f = m_.functions[i];
      if (isModuleFunction(i) && f.name != "<anonymous>" && cat_.match(lang, kind::HandlerName, f.name)) {
        mark(int(i), "named `" + f.name + "`");
        continue;
      }
      if (isModuleFunction(i) && f.params.size() >= 2) {
        static const std::set<std::string> events = {"event", "_event", "evt", "lambdaEvent"};
        static const std::set<std::string> contexts = {"context", "_context", "ctx", "lambdaContext"};
        if (events.contains(f.params[0]) && contexts.contains(f.params[1])) {
          mark(int(i), "takes `(" + f.params[0] + ", " + f.params[1] + ")`");
          continue;
        }
      }
      const FunctionExtra& x = extras_[i];
      for (size_t d = 0; d < x.decorators.size(); ++d) {
        const std::string& name = x.decorators[d];
        if (name.empty()) continue;
        if (cat_.match(lang, kind::HandlerDecorator, name)) {
          mark(int(i), "decorated with `@" + x.decoratorTexts[d] + "`");
          break;
        }
        if (cat_.match(lang, kind::LambdaRoute, name)) {
          markRoute(int(i), "route `@" + x.decoratorTexts[d] + "`, served on every invocation");
          break;
        }
        if (hasAdapter_ && cat_.match(lang, kind::Route, name)) {
          markRoute(int(i), "route `@" + x.decoratorTexts[d] + "` of an app served by a Lambda adapter");
          break;
        }
      }
    }
    for (const RouteRecord& r : routes_) {
      if (r.lambdaRoute) markRoute(r.function, "route `" + r.text + "(...)`, served on every invocation");
      else if (hasAdapter_) markRoute(r.function, "route `" + r.text + "(...)` of an app served by a Lambda adapter");
    }
  }

  /// A region guarded by a variable of an enclosing function is lazy only if that function runs
  /// once (a handler factory's closure), not if it runs on every invocation itself (a getter
  /// nested in the handler caches nothing across invocations). Unmarking a call can make more
  /// functions per-invocation, so this repeats until nothing changes.
  void settleLazy() {
    for (bool changed = true; changed;) {
      changed = false;
      InvocationAnalysis reach(m_);
      for (auto& [index, owners] : lazyOwnersOf_) {
        Call& c = m_.calls[index];
        if (!c.lazy) continue;
        const bool persistent = std::any_of(owners.begin(), owners.end(),
                                            [&](int f) { return f < 0 || !reach.perInvocation(f); });
        if (!persistent) {
          c.lazy = false;
          changed = true;
        }
      }
    }
  }

  // ---- state -------------------------------------------------------------------------------
  std::string_view src_;
  const FrontendOptions& opts_;
  const Catalogue& cat_;
  Module m_;
  ts::TreePtr tree_;
  std::vector<Scope> scopes_;
  std::vector<Value> thisStack_;
  std::vector<ClassInfo> classes_;
  mutable std::vector<ObjectInfo> objects_;
  mutable std::unordered_map<const void*, int> objectAt_;
  std::vector<FunctionExtra> extras_;
  std::unordered_map<const void*, int> functionAt_, classAt_;
  std::unordered_map<int, std::vector<TSNode>> decoratorsOf_;
  std::unordered_map<int, std::unordered_map<std::string, int>> bindCounts_;
  std::unordered_map<int, std::unordered_set<std::string>> released_;
  std::unordered_set<int> shadowing_;
  std::unordered_set<std::string> moduleRoots_;
  std::unordered_map<std::string, TSNode> moduleInit_;
  std::vector<ExportRecord> exports_;
  std::vector<RouteRecord> routes_;
  mutable std::vector<std::string> hoistNames_;           // module names the last hoistable() read
  std::unordered_map<int, std::vector<std::string>> namesUsedBy_;
  std::unordered_set<std::string> reassignedModuleNames_;
  TSNode topNode_{};
  BlockInfo blockInfo_, pendingBlockInfo_;
  TSNode statementNode_{};
  int currentStatement_ = -1;
  /// For each enclosing lazy-initialisation region, the function whose variable is the cache
  /// (-1: module level, `this`, a global): the region is lazy only while that one outlives the
  /// invocation (settled in settleLazy()).
  std::vector<int> lazyOwners_;
  mutable int lastCacheOwner_ = -1;
  std::unordered_map<int, std::vector<int>> lazyOwnersOf_; // call -> owners of its regions
  int mergedDepth_ = 0;
  /// Enclosing constructs of the current function that run on some paths only (branches,
  /// short-circuit operands, catch clauses, optional calls, default values).
  int conditional_ = 0;
  std::vector<int> blockStack_;   // enclosing Blocks, innermost last
  TSNode topStmt_{};              // the module-level statement being walked
  /// Names that module-scope imports bind in the module's own scope.
  std::unordered_map<std::string, int> topImports_;
  std::vector<NameUse> jsxUses_;  // JSX elements, uses of `React` under the classic transform
  int depth_ = 0;
  bool reportedTooDeep_ = false;
  bool hasAdapter_ = false;
};

} // namespace

Module lowerJavaScript(std::shared_ptr<const SourceFile> file, const FrontendOptions& options,
                       Language language) {
  return JsLowering(std::move(file), options, language).run();
}

} // namespace ll
