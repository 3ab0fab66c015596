#pragma once
// The language-neutral program model. A frontend lowers one source file to a Module; every check
// works on the Module alone (no check sees a syntax tree, re-parses or re-walks the file).
//
// Canonical names spell what a call resolves to, independent of how the file spelled it:
//   Python      boto3.client, boto3.session.Session, pymysql.connect
//   JavaScript  @aws-sdk/client-s3:S3Client, pg:Pool, aws-sdk:SSM
//   C++         Aws::S3::S3Client
// A member call on a value whose origin is known is named after that origin:
//   ssm = boto3.client("ssm"); ssm.get_parameter(...)   ->  boto3.client[ssm].get_parameter
//   s = boto3.Session(); s.client("s3")                 ->  boto3.Session.client
// Calling such a value itself adds `()`:
//   Session = sessionmaker(bind=engine); Session()      ->  sqlalchemy.orm.sessionmaker()
// where "[ssm]" is the service qualifier: the first string literal argument of the call that
// produced the value (or its service_name= keyword).
#include "core/Diagnostic.h"
#include "core/Source.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace ll {

enum class Language { Python, JavaScript, TypeScript, Tsx, Cpp };
const char* languageName(Language l); // "python", "javascript", "typescript", "tsx", "cpp"
/// The catalogue section a language reads ("python", "javascript" for JS/TS/TSX, "cpp").
const char* catalogueLanguage(Language l);

struct Import {
  std::string module;  // "boto3", "boto3.session", "@aws-sdk/client-s3"
  std::string name;    // imported member ("Session"), empty for a whole-module import
  std::string local;   // the name bound in the file ("b" for `import boto3 as b`)
  ByteRange range;     // the import statement
  int function = -1;   // enclosing function, -1 at module scope
  bool typeOnly = false; // `import type` / `import { type X }`: erased, never loaded
  /// A module-scope import inside a module-level if/try/with rather than directly at the top
  /// level: still eager, but not one an edit can move on its own.
  bool nested = false;
  /// The import statement binds more than this module's names (`import os, pandas`,
  /// `const a = require('a'), b = require('b')`).
  bool sharedStatement = false;
  /// Canonical name of what `local` refers to: "boto3", "boto3.session.Session".
  std::string canonical() const { return name.empty() ? module : module + "." + name; }
};

/// How a call's result is used, where that matters to an edit.
enum class CallUse {
  Value,   // an ordinary value
  Awaited, // `await f()`: the call makes a coroutine/promise that is awaited at once
  Context, // `with f() as x` / `async with`: entered and exited around a block
};

struct Call {
  std::string callee;   // canonical callee name, empty when it cannot be resolved
  std::string qualifier;// service qualifier of the call (first string literal arg), may be empty
  ByteRange range;      // the whole call expression (including `new`, `await` excluded)
  ByteRange calleeRange;
  int function = -1;    // enclosing function, -1 at module scope
  /// Same-file function this call (or function reference) reaches, -1 if none.
  int target = -1;
  /// Only a reference to a same-file function (passed as a callback), not a call.
  bool referenceOnly = false;
  /// Runs only while a module-level cache is empty (`if _c is None: _c = ...`, `c ??= ...`):
  /// the lazy-initialisation pattern, once per execution environment.
  bool lazy = false;
  /// The call's arguments and callee use only constants, module-level names defined before the
  /// enclosing top-level definition, and the environment: the call can run at module scope.
  /// C++: the call (object, callee and arguments) names only literals, functions, enumerators,
  /// constexpr locals and namespace-scope or static-member variables, never a parameter, other
  /// local, capture or `this`: it gives the same value whenever it first runs.
  bool hoistable = false;
  /// The call's arguments, or the object it is called on, use a value of this invocation: a
  /// parameter of its function or of an enclosing one (`event`, `record`, a helper's `region`;
  /// not `self`/`this`), a local derived from one, or credentials assumed in the function (a
  /// catalogue `credentials` call such as STS AssumeRole). C++: the runtime's `invocation_request`
  /// parameter, or a local initialised from it. The spelling of the first such value; empty when none.
  std::string fromInvocation;
  CallUse use = CallUse::Value;
  /// Enclosing statement (index into Module::statements), -1 if none was recorded.
  int statement = -1;
  /// Runs whenever its function runs (see NameUse::unconditional).
  bool unconditional = false;
  /// C++: the call is written (at least in part) by a macro expansion, so its text is not the
  /// file's text at its range and no edit may touch it. Always false for Python and JavaScript.
  bool inMacro = false;
  /// The called function's name across files, when it is defined in none of this file's code:
  /// C++ gives the callee's USR (a function declared in a header of the project and defined in
  /// another translation unit). Empty for Python and JavaScript, whose calls reach other files
  /// through imports.
  std::string calleeSymbol;
};

/// A block of statements: a function body, a branch, a loop, try or with body. An edit that
/// must run only when some code runs (a lazy import) puts its statement at the start of the
/// smallest block holding that code.
struct Block {
  static constexpr uint32_t kNoInsert = UINT32_MAX;
  int function = -1;     // -1: module scope
  int parent = -1;       // enclosing block (possibly of an enclosing function), -1 for none
  /// Runs on some paths through its function only: an if/elif/else or switch/match branch, an
  /// except/catch clause. Loop, try, with and finally bodies count as the path that reaches
  /// them (a loop over the event's records is the handler's main path).
  bool conditional = false;
  /// Where a new statement goes: the start of the line of the block's first statement, after
  /// a docstring or directive prologue. kNoInsert when no statement can be written there (a
  /// body on its header's line, an arrow function's expression body, a branch without braces).
  uint32_t insertAt = kNoInsert;
  std::string indent;    // indentation of the block's statements
  /// JavaScript/TypeScript: `await` may be written at insertAt (the innermost function around
  /// the code there is async). Set by the frontend for blocks of async functions only.
  bool awaitAllowed = false;
};

/// A use of a name that a module-scope import binds. Frontends record every use that resolves
/// to the import (not shadowed by a local), in value and in type positions.
struct NameUse {
  int import = -1;     // index into Module::imports
  ByteRange range;
  /// Innermost function, -1 at module scope: module-level statements, class bodies, decorators,
  /// default values and (evaluated) annotations of module-level definitions.
  int function = -1;
  int block = -1;      // innermost block (Module::blocks), -1 when none was recorded
  /// Reached whenever its function runs: not inside a conditional block, nor in a conditional
  /// expression's branch or a short-circuit operand. Code after an early `return`/`raise`
  /// guard still counts as reached (the guard is taken to be the rare path).
  bool unconditional = false;
  /// A position erased before the code runs: a TypeScript type, or a Python annotation under
  /// `from __future__ import annotations`.
  bool typeOnly = false;
};

/// A statement that encloses a call, with the facts edit writers need.
struct Statement {
  ByteRange range;       // the statement's own text
  ByteRange lines;       // whole lines it occupies, indentation and final newline included
  int function = -1;
  /// Directly in the body of its function (not nested in a branch, loop, try or with).
  bool inFunctionBody = false;
  /// The only statement of its block (removing it needs a placeholder like `pass`).
  bool onlyInBlock = false;
  /// `name = <call>` where the call is the whole value; empty otherwise.
  std::string assignedName;
  /// Declaration keyword for JS/TS (`const`, `let`, `var`); empty for Python.
  std::string declarationKind;
  /// assignedName is bound exactly once in its function and is not a parameter, global or
  /// nonlocal: removing the statement leaves every use referring to a module-level name.
  bool assignedOnce = false;
  int call = -1;         // the call that is the whole assigned value, -1 otherwise
  /// The function closes the assigned value (`x.close()`, `x.dispose()`, `with x:`; C++: also
  /// returns, moves, deletes or resets it, or passes it to a close/finish/free function):
  /// reusing it across invocations would hand the next one a closed object, so no fix may keep it.
  bool released = false;
};

struct Function {
  std::string name;          // "handle"
  std::string qualifiedName; // "Processor.handle"
  ByteRange range;           // definition including decorators
  ByteRange nameRange;
  int parent = -1;           // enclosing function, -1 for module-level or class members
  /// Start of the module-level statement that contains this function (its first decorator, or
  /// its class): where module-scope code that this function uses can be inserted.
  uint32_t topLevelStart = 0;
  std::vector<std::string> params;
  bool isAsync = false;
  /// Results are memoised (functools.cache / lru_cache, ...): its body runs once per argument
  /// set, like lazy initialisation.
  bool memoized = false;
  bool isHandler = false;
  /// One of several entry points an invocation picks from (a route of a web app or event
  /// resolver): it runs on every invocation that asks for it, not on every invocation.
  bool isRoute = false;
  std::string handlerReason; // "named lambda_handler", "route of `app` served by Mangum", ...
  /// The function's name across files, which other files' Call::calleeSymbol gives: C++, the
  /// USR of a function with external linkage. Empty otherwise.
  std::string symbol;
  /// Functions of the file this one returns (a factory: `() => ({ before: async (req) => ... })`),
  /// which become entry points when another file's export wraps what it returns.
  std::vector<int> returned;
};

/// An entry point that the file makes of a function another file of the project defines: its
/// export wraps an imported function (`middy(base)` of an imported `base`), or what an imported
/// factory returns (`.use(audit())`: the middleware's hooks run on every invocation).
struct ImportedEntry {
  std::string callee;  // the imported function, as Call::callee would name it ("./audit.mjs:audit")
  bool returned = false; // the functions it returns are the entry points, not itself
  std::string handler; // the export it is part of ("handler")
  std::string reason;  // "returned by `audit(...)`, wrapped by `middy(...)`, exported as `handler`"
  ByteRange range;     // where the file names it
};

/// A comment of the file (`# ...`, `// ...`, `/* ... */`) as its parser read it: never text in a
/// string, nor (C++) a comment in code the preprocessor skips or in an included file. Inline
/// suppressions (core/Suppressions.h) are read from these.
struct Comment {
  ByteRange range; // the whole comment, its markers included
  /// Nothing but whitespace before it on its first line and after it on its last line. False
  /// for a comment that trails code (`x = 1  # ...`) or shares its line with code otherwise.
  bool ownLine = false;
};

/// JavaScript/TypeScript: a name the file exports, and what it is in the file. Another file of the
/// project that imports the name and calls it reaches `local` (whole-project analysis). Python
/// lists none: every module-level function and class is importable by its own name.
struct Export {
  std::string name;   // "save", "default", "*" (`export * from './x'`)
  /// A function's or class's qualified name in this file ("save", "Repo"), or, for a name the
  /// file re-exports, the canonical name of the import ("./impl:save", "./impl" for `*`).
  std::string local;
  bool reexport = false;
  /// The exported function, or the exported class's constructor; -1 for none (a class without
  /// one, a re-export).
  int function = -1;
};

/// A name bound at module scope.
struct ModuleBinding {
  uint32_t offset = 0;   // where it is first bound
  std::string valueText; // source text of the bound value when it is a simple assignment
};

struct Module {
  Language language = Language::Python;
  std::shared_ptr<const SourceFile> file;
  std::vector<Import> imports;
  std::vector<Function> functions;
  std::vector<Call> calls;
  std::vector<Statement> statements;
  std::vector<Block> blocks;
  std::vector<NameUse> uses;
  std::unordered_map<std::string, ModuleBinding> moduleNames;
  std::vector<Export> exports;
  std::vector<ImportedEntry> importedEntries;
  /// Every comment of the file, in source order, collected while the frontend lowers it.
  std::vector<Comment> comments;
  /// Parse problems and other notes about the file (syntax errors, truncated analysis).
  std::vector<Notice> notices;
  bool hasSyntaxErrors = false;

  std::string_view text(ByteRange r) const { return file->slice(r); }
};

} // namespace ll
