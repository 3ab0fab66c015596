#pragma once
// Python frontend: lowers a tree-sitter-python tree to the program model.
//
// Two passes over the tree: a light pass over statements only creates every function and class
// and binds module-level names (so a function may use a module name assigned below it), then
// the main pass walks everything once, recording imports, calls with canonical callee names,
// statements, lazy-initialisation regions and function references. Handlers are identified last,
// from what the main pass saw.
//
// This header is private to frontends/python/: the lowering is one class whose passes live in
// one file each: PythonFrontend.cpp (entry point, run(), comments), Collect.cpp (pass 1:
// functions, classes and module-level names), Bindings.cpp (scopes, assignments, imports and
// uses of imported names), Walk.cpp (pass 2: statements, definitions, expressions), Calls.cpp
// (resolution, calls, hoistability, facts settled after the walk), LazyInit.cpp (cache tests
// and lazy-initialisation regions) and Handlers.cpp. What it shares with the JavaScript
// lowerer: frontends/treesitter/Lowering.h.
#include "frontends/Frontend.h"
#include "frontends/treesitter/Lowering.h"
#include "frontends/treesitter/TreeSitterUtil.h"

#include <algorithm>
#include <ranges>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace ll::python {

using ts::field;
using ts::is;
using ts::named;
using ts::namedCount;
using ts::type;

/// What a name or expression refers to, as far as the frontend can tell.
struct Value {
  enum Kind { Unknown, Name, Function, Class, Instance } kind = Unknown;
  std::string canonical; // Name: canonical dotted name
  int index = -1;        // Function: function index; Class/Instance: class index
  bool made = false;     // Name: the result of calling `canonical` (a client, a session factory)
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

inline bool looksLikeService(std::string_view s) {
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

class PythonLowering : public ts::Lowering {
public:
  PythonLowering(std::shared_ptr<const SourceFile> file, const FrontendOptions& options);

  Module run();

private:
  /// Module::comments: the tree's comment nodes, and the comment lines the parser did not see
  /// (blanked runs outside strings).
  void collectComments(TSNode root, const BlankedComments& blanked);

  // ---- helpers over text -------------------------------------------------------------------
  /// Start of the line of a module-level statement, moved up over the comment lines directly
  /// above it (they belong to it): where new module-level code goes before it.
  uint32_t attachedStart(uint32_t offset) const;

  /// Plain string literal content, or nothing when the literal interpolates or escapes.
  std::optional<std::string> stringLiteral(TSNode n) const;

  // ---- pass 1: functions, classes and module-level names ------------------------------------
  void collect(TSNode block, int parentFunction, int klass, const std::string& prefix,
               int depth, const TSNode* topLevel);

  void collectModuleStatement(TSNode stmt, int depth, TSNode top);

  /// The blocks of a compound statement (if/elif/else, loops, try/except/finally, with, match).
  std::vector<TSNode> nestedBlocks(TSNode stmt, int depth = 0) const;

  std::vector<std::string> parameterNames(TSNode params) const;

  void bindModule(const std::string& name, Value v, TSNode stmt, const TSNode* valueNode);

  // ---- scopes ------------------------------------------------------------------------------
  Scope& scope() { return scopes_.back(); }
  const Scope& scope() const { return scopes_.back(); }
  int currentFunction() const { return scopes_.back().function; }

  /// Looks a name up through the enclosing function scopes and the module (class bodies are not
  /// enclosing scopes, as in Python). `where` tells which scope held it: -2 none, -1 module,
  /// else the function index.
  const Value* lookup(std::string_view name, int* where = nullptr) const;

  void bindName(const std::string& name, Value v);

  /// Binds every identifier of an assignment target pattern as Unknown (tuples, lists, stars).
  void bindPattern(TSNode target);

  // ---- resolution --------------------------------------------------------------------------
  /// The service a call names: its first positional argument when that is a plain string
  /// literal shaped like a service id, or its service_name= keyword.
  std::string qualifierOf(TSNode call) const;

  Value resolve(TSNode n, int depth = 0) const;

  /// Canonical name of a callee expression: the resolved name, or the dotted spelling.
  std::string canonicalCallee(TSNode callee) const;

  // ---- pass 2: the walk --------------------------------------------------------------------
  struct Context {
    int lazyDepth = 0;
    /// Inside a branch, except clause or conditional operand of the current function.
    int conditionalDepth = 0;
    /// Inside an annotation that is never evaluated.
    int typeOnlyDepth = 0;
  };

  void walkBlock(TSNode block, bool functionBody);

  /// A Block for `block`, with where a statement can be inserted at its start.
  int recordBlock(TSNode block, bool functionBody);

  /// Records a use of `id` when it names a module-scope import (not shadowed here).
  void noteUse(TSNode id);

  /// An annotation: evaluated where it stands, unless it is a local variable's (never
  /// evaluated) or the module has `from __future__ import annotations`.
  void walkAnnotation(TSNode type, bool evaluated);


  void walkStatement(TSNode stmt);

  static bool isStatementType(std::string_view t);

  void walkChildBlocks(TSNode stmt);

  void walkWith(TSNode stmt);

  void walkWithTarget(TSNode asPattern);

  void walkTarget(TSNode target);

  void walkAssignment(TSNode assign, TSNode stmt);

  /// Binds the targets of an assignment. In pass 1 only module-level names are bound.
  void bindAssignment(TSNode assign, TSNode stmt, bool record);

  void bindModulePattern(TSNode target, TSNode stmt);

  /// `lambda_handler = Processor().handle`, `handler = main`: a handler bound by assignment.
  void noteModuleAssignment(const std::string& name, TSNode value);

  /// Before `imp` is added: a module-scope import binds its name for noteUse; rebinding a
  /// name an import bound counts as a use at module scope (the import is needed there).
  void noteImport(Import& imp);

  void noteRebind(const std::string& name, ByteRange at);

  void bindImports(TSNode stmt, bool record);

  // ---- if statements and lazy initialisation ----------------------------------------------
  /// A module-level cache name: bound at module scope (or declared global here) and not local.
  bool isCacheName(TSNode n) const;

  /// Tests whether `cond` checks that the cache `name` is empty (wantEmpty) or filled.
  /// Returns the cache expression text, or empty.
  std::string cacheTest(TSNode cond, bool wantEmpty) const;

  /// True if the subtree assigns to the cache expression (`_c = ...`, `_c[k] = ...`).
  bool assignsTo(TSNode n, std::string_view cache, int depth = 0) const;

  /// `global name` / `nonlocal name` in the subtree (not in nested definitions).
  bool declaresGlobal(TSNode n, std::string_view name, int depth = 0) const;

  /// A truth test of a module-level flag (`if is_cold_start:`, `if not _ready:`): its name,
  /// with `negated` set for `not`; empty otherwise.
  std::string flagTest(TSNode cond, bool& negated) const;

  /// The subtree sets `name` to a falsy constant (`is_cold_start = False`).
  bool assignsFalsy(TSNode n, std::string_view name, int depth = 0) const;

  /// A test that a module-level object is down (`not conn.open`, `not c.is_connected()`,
  /// `conn.closed`): the object's name, or empty.
  std::string stateTest(TSNode cond) const;

  /// The subtree calls a method on `object`, itself or through a same-file function it calls.
  bool callsMethodOn(TSNode n, std::string_view object, int depth = 0) const;

  /// The branch `consequence` of `if cond:` runs once per execution environment (while a
  /// module-level cache is empty, a flag unset or a connection down, and it fills, sets or
  /// reconnects it): lazy initialisation of any of these shapes.
  bool lazyGuard(TSNode cond, TSNode consequence) const;

  void walkIf(TSNode stmt);

  /// `if _c is not None: return _c` (no else) followed, in the same block, by code that fills
  /// _c.
  bool earlyReturnGuard(TSNode ifStmt, TSNode block, uint32_t next) const;

  // ---- definitions -------------------------------------------------------------------------
  void walkFunction(TSNode stmt);

  void walkDecorators(TSNode stmt, int f);

  void walkClass(TSNode def);

  // ---- expressions -------------------------------------------------------------------------
  void walkExpr(TSNode n);

  /// The object of `a.b.c`: its own sub-expressions are walked, but `a` and `a.b` are parts of
  /// the longer name, not references of their own.
  void walkNameObject(TSNode object);

  /// A same-file function used as a value (a callback) from inside a function is an edge too.
  /// Callers pass only whole names in value position (never a callee or part of a longer name).
  void noteReference(TSNode n);

  void walkCall(TSNode n, CallUse use);

  /// The Statement record for the statement being walked, created on first use.
  /// Calls in other statements than expression statements (return, if conditions, ...) get a
  /// record without lines: enough for a lazy getter, not for hoisting.
  int statementFor() {
    return Lowering::statementFor(currentFunction(), is(statementNode_, "expression_statement"), "#");
  }

  /// A value of this invocation that `expr` uses (Call::fromInvocation): a parameter of the
  /// function it is in or of an enclosing one (not `self`/`cls`), a local assigned from one, or
  /// a call returning credentials (catalogue `credentials`). Its spelling, or empty.
  std::string invocationValue(TSNode expr) const;
  bool invocationName(std::string_view name) const;
  /// `target = value` / `for target in value`: the names bound hold values of the invocation
  /// when `value` uses one.
  void noteInvocationTarget(TSNode target, TSNode value);

  /// The call uses only constants, builtins and module-level names bound before the top-level
  /// definition that holds function `f`.
  bool hoistable(TSNode call, int f) const;


  // ---- after the walk ----------------------------------------------------------------------
  void finishFunctions();

  void identifyHandlers();

  // ---- state -------------------------------------------------------------------------------
  std::vector<Scope> scopes_;
  std::vector<ClassInfo> classes_;
  std::vector<FunctionExtra> extras_;
  std::unordered_map<uint32_t, int> functionAt_, classAt_;
  std::unordered_map<int, std::unordered_map<std::string, int>> bindCounts_;
  std::unordered_map<int, std::unordered_set<std::string>> localNames_, globalsOf_;
  /// Locals of each function that hold values of the invocation (invocationValue).
  std::unordered_map<int, std::unordered_set<std::string>> invocationNames_;
  /// Per function: the call whose result a name or attribute (`self._session`) was last
  /// assigned, by the target's spelling.
  std::unordered_map<int, std::unordered_map<std::string, int>> madeBy_;
  /// Per function: attributes (`self._session`) that hold values of the invocation, by spelling.
  std::unordered_map<int, std::unordered_set<std::string>> invocationAttributes_;
  std::vector<std::pair<int, std::string>> aliasedHandlers_;
  Context ctx_;
  int currentBlock_ = -1;
  int moduleNesting_ = 0;            // blocks entered at module scope below the module itself
  int typeCheckingDepth_ = 0;        // inside `if TYPE_CHECKING:`
  bool futureAnnotations_ = false;   // `from __future__ import annotations`
  std::unordered_map<std::string, std::vector<int>> importsOf_; // module-scope imports by name
};

} // namespace ll::python
