#pragma once
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
//
// This header is private to frontends/javascript/: the lowering is one class whose passes live in
// one file each: JavaScriptFrontend.cpp (entry point, run()), Functions.cpp (passes 0 and 1:
// module-level names, every function and class), Bindings.cpp (pass 2: module bindings,
// exports, imports and requires, uses of imported names), Scopes.cpp (scopes and resolution of
// names and expressions to values), Walk.cpp (pass 3: statements, functions, classes,
// expressions), Calls.cpp (calls: canonical names, assigned statements, hoistability),
// LazyInit.cpp (cache tests and lazy-initialisation regions) and Handlers.cpp (handlers,
// routes and wrappers). What it shares with the Python lowerer: frontends/treesitter/Lowering.h.
#include "core/Analysis.h"
#include "frontends/Frontend.h"
#include "frontends/treesitter/Lowering.h"
#include "frontends/treesitter/TreeSitterUtil.h"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ll::js {

using ts::field;
using ts::is;
using ts::named;
using ts::namedCount;
using ts::type;


inline bool isFunctionType(std::string_view t) {
  return t == "function_declaration" || t == "generator_function_declaration" ||
         t == "function_expression" || t == "function" || t == "generator_function" ||
         t == "arrow_function" || t == "method_definition";
}

inline bool isClassType(std::string_view t) {
  return t == "class_declaration" || t == "class" || t == "abstract_class_declaration";
}

/// TypeScript syntax that has no runtime effect: never walked for calls or references.
inline bool isTypeOnly(std::string_view t) {
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

inline bool isStatementType(std::string_view t) {
  return t.ends_with("_statement") || t.ends_with("_declaration") || t == "statement_block";
}

inline bool same(TSNode a, TSNode b) { return !ts::isNull(a) && !ts::isNull(b) && ts_node_eq(a, b); }

/// Skips parentheses and TypeScript-only wrappers (`x as T`, `x!`, `<T>x`, `x satisfies T`).
inline TSNode stripWrappers(TSNode n) {
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
inline TSNode wrappedParent(TSNode n, TSNode* child = nullptr) {
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

inline std::string normalizeModule(std::string_view spec) {
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
  /// Parameters and locals bound here that hold values of the invocation (invocationValue).
  std::unordered_set<std::string> invocation;
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

class JsLowering : public ts::Lowering {
public:
  JsLowering(std::shared_ptr<const SourceFile> file, const FrontendOptions& options, Language language);

  Module run();

private:
  const char* languageLabel() const;

  /// Module::comments: `//` and `/* */` comments (`comment` nodes; not the legacy `<!--`).
  void collectComments(TSNode root);

  // ---- helpers over text -------------------------------------------------------------------
  static const void* id(TSNode n) { return n.id; }

  /// Content of a plain string literal (or a template without substitutions).
  std::optional<std::string> stringLiteral(TSNode n) const;

  /// Minified bundles and generated code are not handler source.
  bool looksMinified() const;

  // ---- pass 0: module-level names ----------------------------------------------------------
  void collectModuleNames(TSNode root);

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
  std::string bindingName(TSNode fn, TSNode* nameNode) const;

  /// True when the function expression is returned by its enclosing function: `return fn`,
  /// `(deps) => async (event) => ...`, or an argument of a wrapper call that is returned
  /// (`return middy(fn).use(...)`).
  bool isReturned(TSNode fn) const;

  /// A call whose callee is rooted at a module-level name (an import, a same-file function) or
  /// at the runtime's `awslambda`: `middy(fn)`, `Sentry.wrapHandler(fn)`; not `items.map(fn)`.
  bool isWrapperCall(TSNode call) const;

  /// The name a module-level anonymous function gets from the declaration its value flows into:
  /// `export const handler = middy(async (event) => ...)` names it `handler`.
  std::string valuePathName(TSNode fn, TSNode* nameNode) const;

  /// For members of object literals: the name the object is bound to (`const api = {...}`),
  /// empty for `module.exports = {...}`, "default" for `export default {...}`.
  std::string objectPrefix(TSNode object) const;

  /// A module-level callback named after the call that registers it: `app.get("/orders/:id",
  /// async (req, res) => ...)` is `app.get("/orders/:id")`; other anonymous functions are
  /// `<anonymous>`.
  std::string registrationName(TSNode fn) const;

  std::string memberName(TSNode nameNode) const;

  /// Creates Function records for every function that gets its own; walks the whole tree.
  void collect(TSNode n, int fn, int klass, int depth);

  void collectClass(TSNode n, int fn, int depth);

  static bool hasToken(TSNode n, std::string_view token);

  /// Start of the line of the module-level statement holding `n`, including the comment block
  /// directly above it (a JSDoc comment stays with what it documents).
  uint32_t topLevelStartOf(TSNode n) const;

  std::vector<std::string> parameterNames(TSNode fn) const;

  /// Decides whether a function node gets its own Function and creates it. Anonymous callbacks
  /// inside a function (`records.map(async (r) => ...)`) do not: their code is the enclosing
  /// function's, as Python lambdas are.
  int newFunction(TSNode n, int enclosing, int klass);

  // ---- pass 2: module-level bindings and exports -------------------------------------------
  void bindModule(TSNode root);

  void bindModuleStatement(TSNode s, int depth);

  void bindModuleDeclaration(TSNode decl, TSNode stmt);

  void bindExport(TSNode s);

  /// `exports.handler = ...`, `module.exports.handler = ...`, `module.exports = { handler }`,
  /// `module.exports = handler`.
  void noteExportAssignment(TSNode assign);

  void bindModuleName(const std::string& name, Value v, TSNode stmt, TSNode valueNode);
  /// `export { a } from './x'`, `export * from './x'`: Module::exports entries naming the import.
  void recordReexport(TSNode s, TSNode source);
  /// Module::exports from the export records, once every module-level name is bound.
  void recordExports();

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
  const Value* lookup(std::string_view name, int* scopeIndex = nullptr) const;

  int nearestFunctionScope() const;

  /// Binds a declared name: `var` and functions in the function scope, the rest in the block.
  void declare(const std::string& name, Value v, bool functionScoped);

  /// An assignment to a name: updates whichever scope holds it.
  void assign(const std::string& name, const Value& v);

  void pushScope(int function, bool functionScope);

  // ---- resolution --------------------------------------------------------------------------
  Value memberOf(const Value& base, const std::string& prop) const;

  static Value callResult(const Value& callee);

  std::string calleeName(const Value& v) const;

  bool isRequire(TSNode call) const;

  static bool isDynamicImport(TSNode call);

  std::string requiredModule(TSNode call) const;

  Value resolve(TSNode n, int depth = 0);

  /// The ObjectInfo of an object literal, made on first use.
  int objectFor(TSNode obj);

  /// The same-file functions an expression evaluates to or wraps, with how ("" when it is the
  /// function itself, else "wrapped by `middy(...)`" / "returned by `makeHandler(...)`").
  void unwrap(TSNode n, const std::string& how, std::vector<std::pair<int, std::string>>& out,
              std::set<std::string>& seen, int depth = 0);

  std::string abbreviated(TSNode n) const;

  // ---- pass 3: the walk --------------------------------------------------------------------

  /// Walks a statement block (or the program). `conditional`: the block is a branch (Block).
  void walkBlock(TSNode block, bool functionBody, bool scoped = true, bool conditional = false);

  // ---- blocks and conditions ---------------------------------------------------------------
  /// Starts a Block of the current function inside the current one (no insert point yet).
  void openBlock(bool conditional);
  void closeBlock() { blockStack_.pop_back(); }

  /// Where a statement can be written at the start of a block whose statements are the named
  /// children of `container` that start at `after` or later (past `{` or `case x:`): the line of
  /// the first statement, or of the comments on their own lines right above it, after a
  /// directive prologue (`"use strict";`) when `prologue`. Nothing when the block is empty or
  /// its first statement shares a line with the header or the prologue.
  void setInsertPoint(Block& b, TSNode container, uint32_t after, bool prologue) const;
  /// Whether `await` can be written where node `n` is: the innermost function around it is async.
  static bool awaitAllowedAt(TSNode n);

  /// The body of an if/else branch or a loop: a statement block, or a single statement (a Block
  /// too, where nothing can be inserted).
  void walkBody(TSNode body, bool conditional);

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
  void prebind(TSNode block);

  void walkStatement(TSNode stmt);

  /// A switch case: a conditional Block whose statements follow `case x:`.
  void walkCase(TSNode c);

  void walkNamespace(TSNode ns);

  void walkExport(TSNode stmt);

  void addImport(const std::string& module, std::string name, std::string local, ByteRange range,
                 bool typeOnly);

  /// ES imports (`import X`, `import * as X`, `import { A as B }`, `import type`) and the
  /// TypeScript `import X = require("m")`. The default export and the namespace both name the
  /// whole module.
  void bindImports(TSNode stmt, bool record);

  void walkDeclaration(TSNode stmt);

  /// `require("m")`, `require("m").x` or `await import("m")`, with wrappers: a value that is
  /// an import.
  bool isImportValue(TSNode value) const;

  /// Records that a module-scope import binds `name` (in the scope a declaration binds it in).
  void bindImportName(const std::string& name, int import, bool isVar);

  /// The statement being walked is a module-level statement itself (or the declaration of an
  /// `export` statement), not nested in a module-level block.
  bool directlyAtTopLevel() const;

  /// `cache.get(k)`, `cache[k]`, `cache.x` or `cache` itself, where cache is module-level.
  bool isCacheRead(TSNode value);

  /// The body of the same-file function `call` calls by name (`init()`), when that function
  /// does not declare a local or parameter `name` of its own; null otherwise.
  TSNode calledBody(TSNode call, std::string_view name) const;
  /// The function (or subtree) declares `name` as a parameter or variable (not in nested functions).
  bool declaresLocal(TSNode n, std::string_view name, int depth = 0) const;
  /// The subtree sets `name` to a falsy constant (`isColdStart = false`).
  bool assignsFalsy(TSNode n, std::string_view name, int depth = 0) const;
  /// A test that a module-level object is down (`!client.isConnected()`, `conn.closed`): the
  /// object's name, or empty.
  std::string stateTest(TSNode cond);
  /// The subtree calls a method on `object`, itself or through a same-file function it calls.
  bool callsMethodOn(TSNode n, std::string_view object, int depth = 0) const;
  /// The branch `consequence` of `if (cond)` runs once per execution environment: it fills the
  /// module-level cache the condition finds empty (itself or through an init function), clears
  /// a flag the condition finds set, or reconnects an object the condition finds down. Returns
  /// the name tested, or empty.
  std::string lazyGuard(TSNode cond, TSNode consequence);

  // ---- functions ---------------------------------------------------------------------------
  void walkFunctionNode(TSNode n);

  /// TypeScript parameter decorators (`constructor(@Inject(TOKEN) db: Db)`) run where the
  /// class is defined.
  void walkParameterDecorators(TSNode fn);

  void walkParametersAndBody(TSNode n, int f);

  static bool hasNamedChild(TSNode n, std::string_view t);

  /// Default values inside destructuring patterns are evaluated too.
  void walkPatternDefaults(TSNode p, int depth = 0);

  /// An inline callback in a function: its code counts as the enclosing function's.
  void walkMergedFunction(TSNode n);

  void noteReturned(TSNode e);

  void walkDecorators(int f);

  void walkClass(TSNode n);

  // ---- expressions -------------------------------------------------------------------------
  void walkExpr(TSNode n);

  // ---- name uses ---------------------------------------------------------------------------
  /// Records a use of the name `id` spells when it can be a module-scope import's: not a local
  /// or parameter that shadows it. A name bound in the module's own scope is matched with its
  /// import after the walk (in resolveUses), since a function may use it above the import.
  void noteUse(TSNode id, bool typeOnly);

  NameUse newUse(int import, ByteRange range, bool typeOnly) const;

  /// Names a TypeScript type refers to, as type-only uses. Names a type declares (a type
  /// parameter, an alias or interface, a parameter of a function type) are not uses.
  void walkTypes(TSNode n, int depth = 0);

  /// `<Foo bar={x}>`: the element's name is a use (`<div>` names a tag, not a value).
  void walkJsxElement(TSNode n);

  /// Matches uses of names bound in the module's own scope with the imports that bind them,
  /// and drops the rest.
  void resolveUses();

  /// A same-file function used as a value (a callback) inside a function is an edge too.
  void noteReference(TSNode n);

  /// Marks a call made inside lazy-initialisation regions (before it is added to m_.calls).
  void noteLazy(Call& c);

  /// `use`: an identifier assigned to counts as a use of the name (writing an import's name
  /// needs its binding as much as reading it).
  void walkAssignTarget(TSNode left, const Value& v, bool use = true);

  void walkAssignment(TSNode n);

  void walkAugmented(TSNode n);

  void walkBinary(TSNode n);

  void walkTernary(TSNode n);

  // ---- values of the invocation -----------------------------------------------------------
  /// A value of this invocation that `expr` uses (Call::fromInvocation): a parameter of the
  /// function it is in or of an enclosing one, a local bound from one, or a call returning
  /// credentials (catalogue `credentials`). Its spelling, or empty.
  std::string invocationValue(TSNode expr);
  bool invocationName(std::string_view name) const;
  /// The names a pattern binds in scope `scope` hold values of the invocation when `value`
  /// uses one (`const { domainName } = event.requestContext`, `for (const r of event.Records)`).
  void noteInvocationPattern(TSNode pattern, TSNode value, int scope);

  // ---- calls -------------------------------------------------------------------------------
  void walkCall(TSNode n);

  /// A call in an optional chain (`f?.()`, `a?.b(x)`, `a?.b.c()`): it may not run at all.
  static bool optionalChain(TSNode call);

  /// `const x = <call>` / `x = <call>`: the statement assigns this call.
  void noteAssignedCall(TSNode call, int index, Statement& s);

  /// Records `require("m")` / `import("m")` with the names it binds. At module scope, when it is
  /// the whole value of a declaration (`const x = require("m")`, `const { a } = require("m").b`)
  /// or the whole of an expression statement (`require("m");`, `x = require("m");`), the
  /// Import's range is that statement (what an edit moves or deletes); else the call.
  void recordRequire(TSNode call);

  /// Adds the Import records of a require; returns whether it is a whole statement's value.
  bool recordRequireBindings(TSNode call, const std::string& spec);

  /// The Statement record of the statement being walked, created on first use.
  int statementFor() {
    const std::string_view t = type(statementNode_);
    return Lowering::statementFor(currentFunction(),
                                  t == "expression_statement" || t == "lexical_declaration" ||
                                      t == "variable_declaration",
                                  "//");
  }

  /// The call uses only literals, well-known globals, the environment and module-level names
  /// bound before the module-level statement that holds function `f`.
  /// `moduleNamesRead`: the module-level names it reads.
  bool hoistable(TSNode call, int f, std::vector<std::string>& moduleNamesRead) const;

  void forEachDeclaredName(TSNode n, std::unordered_set<std::string>& out, int depth = 0) const;


  // ---- lazy initialisation -----------------------------------------------------------------
  /// A cache that outlives the invocation: a module-level name, a variable of an enclosing
  /// function (closure state of a handler factory), `this.x`, a member or element of a cache,
  /// or a local read from a cache (`let c = clients.get(k)`).
  bool isCacheExpr(TSNode n);

  static bool isNullish(std::string_view s) { return s == "undefined" || s == "null" || s == "void 0"; }

  /// Whether `cond` tests that a cache is empty (wantEmpty) or filled; returns the cache
  /// expression's text, or empty.
  std::string cacheTest(TSNode cond, bool wantEmpty, int depth = 0);

  /// `cache.has(k)` / `cache.get(k)` on a module-level cache: the cache's text.
  std::string mapLookup(TSNode call);

  /// True if the subtree assigns to the cache (`c = ...`, `c ??= ...`, `c[k] = ...`,
  /// `c.set(k, ...)`), not counting nested functions.
  bool assignsTo(TSNode n, std::string_view cache, int depth = 0) const;

  void walkIf(TSNode stmt);

  /// `if (_c) return _c;` (no else) followed, in the same block, by code that fills _c.
  bool earlyReturnGuard(TSNode ifStmt, TSNode block, uint32_t next);

  // ---- after the walk ----------------------------------------------------------------------
  void finishStatements();

  void identifyHandlers();
  /// While identifyHandlers unwraps an export: the imported functions it wraps, each with how.
  std::vector<ImportedEntry>* importedOut_ = nullptr;

  /// A region guarded by a variable of an enclosing function is lazy only if that function runs
  /// once (a handler factory's closure), not if it runs on every invocation itself (a getter
  /// nested in the handler caches nothing across invocations). Unmarking a call can make more
  /// functions per-invocation, so this repeats until nothing changes.
  void settleLazy();

  // ---- state -------------------------------------------------------------------------------
  std::vector<Scope> scopes_;
  std::vector<Value> thisStack_;
  std::vector<ClassInfo> classes_;
  std::vector<ObjectInfo> objects_; // object literals, made on first resolve
  std::unordered_map<const void*, int> objectAt_;
  std::vector<FunctionExtra> extras_;
  std::unordered_map<const void*, int> functionAt_, classAt_;
  std::unordered_map<int, std::vector<TSNode>> decoratorsOf_;
  std::unordered_map<int, std::unordered_map<std::string, int>> bindCounts_;
  std::unordered_set<int> shadowing_;
  std::unordered_set<std::string> moduleRoots_;
  ts::NameSet wrapperRoots_; // the catalogue's wrapper-root globals (`awslambda`)
  std::unordered_map<std::string, TSNode> moduleInit_;
  std::vector<ExportRecord> exports_;
  std::vector<RouteRecord> routes_;
  std::unordered_map<int, std::vector<std::string>> namesUsedBy_;
  std::unordered_set<std::string> reassignedModuleNames_;
  TSNode topNode_{};
  BlockInfo pendingBlockInfo_; // for the next walkStatement
  /// For each enclosing lazy-initialisation region, the function whose variable is the cache
  /// (-1: module level, `this`, a global): the region is lazy only while that one outlives the
  /// invocation (settled in settleLazy()).
  std::vector<int> lazyOwners_;
  int lastCacheOwner_ = -1; // of the cache the last isCacheExpr() saw
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
};

} // namespace ll::js
