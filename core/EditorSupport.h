#pragma once
// Language-independent pieces of writing edits: naming new module-level symbols, shortening
// code for fix descriptions.
#include "core/Diagnostic.h"
#include "core/Editor.h"
#include "core/Model.h"

#include <optional>
#include <string>
#include <string_view>

namespace ll {

/// The statement a hoist would move: `call` is the whole value of a plain assignment directly
/// in its function's body, whose name is bound once there and not closed, on lines of its own,
/// with a callee and arguments that can run at module scope. Null otherwise.
const Statement* movableStatement(const Module& m, const Call& call);
/// A statement's text from its first character to the end of its last line (a trailing comment
/// travels with it), without the final line break.
std::string statementText(const Module& m, const Statement& s);

/// For a hoist whose name the module already binds: the fix that reuses the module-level name
/// (applying `removal`, which deletes the local statement) when it is bound to the same value,
/// else a fix with no edits (the hoist is impossible). Nothing when the name is free.
std::optional<Fix> reuseModuleBinding(const Module& m, const Call& call, const Statement& s,
                                      Edit removal);

/// The unsafe lazy-initialisation fix both languages write: `definitions` (a module-level cache
/// and its getter, in the file's language) go before the top-level definition holding the call,
/// and `replaced` (the call, or the expression that wraps it) becomes `getter()`.
Fix lazyInitFix(const Module& m, const Call& call, LazyPurpose purpose, ByteRange replaced,
                std::string definitions, const std::string& cache, const std::string& getter);

/// `base` made unique among the module's names by a numeric suffix (`_s3`, `_s3_2`, ...).
std::string uniqueModuleName(const Module& m, const std::string& base);
/// A name part derived from a call: the variable it is assigned to, else its service and last
/// callee segment (`s3_client`), else the last callee segment without a `get_` prefix.
std::string nameBaseForCall(const Module& m, const Call& call);
/// First line of `code`, cut to `max` characters with an ellipsis, for fix descriptions.
std::string abbreviate(std::string_view code, size_t max = 48);

} // namespace ll
