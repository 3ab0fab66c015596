#pragma once
// The part of lowering a tree-sitter tree to the program model that the Python and the
// JavaScript/TypeScript lowerers share (frontends/python/PyLowering.h,
// frontends/javascript/JsLowering.h derive from ts::Lowering):
//
//   - the Module being built, the file's text, the options and the run's catalogue;
//   - text helpers (text, str, lineStartOf);
//   - the depth guard of the walk (kMaxDepth, enter/leave, the one "too deep" notice);
//   - Statement records: the statement being walked, its block facts, statementFor();
//   - module-level names (Module::moduleNames: where a name is first bound, and its value);
//   - function references (a same-file function used as a value is an edge);
//   - what a function releases (`conn.close()`: the catalogue's release-method names);
//   - handler identification scaffolding: marking handlers and routes, the decorator rules
//     (handler-decorator, lambda-route, route with an adapter) and the `(event, context)`
//     signature (handler-event-param, handler-context-param), with the catalogue's lists.
//
// Seams (what stays with each language, because it differs in more than node names):
//   - scopes and name resolution: Python's function scopes skip class bodies and know
//     global/nonlocal; JavaScript has block scopes, `var` hoisting, `this`, modules as
//     values and object literals. Each lowerer has its own Value, Scope, lookup and resolve.
//   - imports: `import a.b` / `from m import x` versus ES imports, `require` and `import()`.
//   - lazy initialisation: the shape of a cache test (`if _c is None`, `_c ??= ...`,
//     `if (!cache.has(k))`) and how an enclosing region is tracked (a depth in Python, the
//     owners of the caches in JavaScript, which are settled after the walk).
//   - blocks and insert points (a docstring versus a directive prologue, braces versus
//     indentation) and which statements get whole-line ranges.
//   - hoistability: the node kinds that disqualify a call; both read the catalogue's
//     hoistable-global names and the module names bound before the function.
#include "core/Catalogue.h"
#include "frontends/Frontend.h"
#include "frontends/treesitter/TreeSitterUtil.h"

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ll::ts {

/// The names of one catalogue kind for one language, for frequent membership tests: plain names
/// by hash, patterns with `*` by glob (what Catalogue::match would answer, without its scan).
class NameSet {
public:
  NameSet(const Catalogue& catalogue, std::string_view language, std::string_view kind);
  bool contains(std::string_view name) const;

private:
  std::set<std::string, std::less<>> exact_;
  std::vector<std::string> globs_;
};

class Lowering {
protected:
  /// `catalogueLanguage`: the catalogue section the lowerer reads ("python", "javascript").
  Lowering(std::shared_ptr<const SourceFile> file, const FrontendOptions& options, Language language,
           const char* catalogueLanguage);

  static constexpr int kMaxDepth = 1500;

  // ---- text --------------------------------------------------------------------------------
  std::string_view text(TSNode n) const { return ts::text(n, src_); }
  std::string str(TSNode n) const { return std::string(text(n)); }
  uint32_t lineStartOf(uint32_t offset) const { return m_.file->lineStart(m_.file->position(offset).line); }

  // ---- depth guard -------------------------------------------------------------------------
  /// Enters one more level of the walk at `n`; false (after the first time, silently) when
  /// that is deeper than kMaxDepth. Every successful enter() is matched by a leave().
  bool enter(TSNode n) {
    if (++depth_ > kMaxDepth) {
      tooDeep(n);
      --depth_;
      return false;
    }
    return true;
  }
  void leave() { --depth_; }
  /// The notice for code nested deeper than the walk goes, once per file.
  void tooDeep(TSNode n);

  // ---- statements --------------------------------------------------------------------------
  /// Where the statement being walked stands in its block.
  struct BlockInfo {
    bool functionBody = false;
    bool onlyStatement = false;
  };
  /// The Statement record of the statement being walked (statementNode_), created on first
  /// use for `function`. `lines`: give it its whole lines (ts::wholeLines), with comments
  /// starting `lineComment` allowed after it.
  int statementFor(int function, bool lines, std::string_view lineComment);

  // ---- module-level names ------------------------------------------------------------------
  /// Module::moduleNames: `name` is bound by `stmt` to `value` (a null node for no single
  /// value); a name bound to different values keeps no value text.
  void recordModuleName(const std::string& name, TSNode stmt, TSNode value);

  // ---- calls -------------------------------------------------------------------------------
  /// A reference of `function` to same-file function `target` used as a value at `range`.
  Call referenceCall(int target, ByteRange range, int function, bool unconditional) const;
  /// `object.method()` in `function`: when the catalogue calls `method` a release method
  /// (`close`, `end`, ...), the function releases `object`.
  void noteRelease(int function, std::string_view method, const std::string& object);
  /// `name` is a parameter of function `function`.
  bool isParameter(int function, const std::string& name) const;

  /// A property or method whose name says an object is down (`closed`, `isDisconnected()`,
  /// `expired`, `stale`), for reconnect guards: `if conn.closed:` tests for the down state,
  /// `if not conn.open:` for the negation of an up state.
  static bool namesDownState(std::string_view property);

  // ---- handlers ----------------------------------------------------------------------------
  void markHandler(int f, std::string reason);
  /// A route is one entry point among several: an invocation runs the route it asks for.
  void markRoute(int f, std::string reason);
  /// Marks `f` by the first of its decorators (canonical `names`, as written `texts`) that is a
  /// handler decorator, a Lambda-native route or, when the file hands an app to an adapter, a
  /// web framework route. True when one matched.
  bool markByDecorators(int f, const std::vector<std::string>& names,
                        const std::vector<std::string>& texts);
  /// `(event, context)` by the catalogue's parameter names: the reason, or empty.
  std::string eventContextSignature(const std::vector<std::string>& params) const;

  // ---- state -------------------------------------------------------------------------------
  std::string_view src_;
  const FrontendOptions& opts_;
  const Catalogue& cat_;
  const char* lang_; // catalogue section
  Module m_;
  ts::TreePtr tree_;
  /// The statement being walked, its Statement record (-1 until statementFor makes it) and
  /// where it stands in its block.
  TSNode statementNode_{};
  int currentStatement_ = -1;
  BlockInfo blockInfo_;
  /// Names each function releases (closes, ends, ...).
  std::unordered_map<int, std::unordered_set<std::string>> released_;
  /// Catalogue lists read often during the walk.
  NameSet releaseMethods_, hoistableGlobals_;
  /// The file hands a web app to a Lambda adapter (its routes then run per invocation).
  bool hasAdapter_ = false;

private:
  int depth_ = 0;
  bool reportedTooDeep_ = false;
};

} // namespace ll::ts
