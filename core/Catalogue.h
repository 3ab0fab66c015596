#pragma once
// What counts as an SDK client, a connection, a configuration fetch, a handler decorator, ...:
// data (data/catalogue.yaml, extensible by users), matched against canonical names.
#include "core/Model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
}

namespace ll {

/// How far a fix may go for what an entry matches: an SDK client can move to module scope as
/// it is (safe); a connection that connects when made moves network I/O into Init (unsafe); a
/// one-use token must not be cached at all (none).
enum class FixCeiling { Safe, Unsafe, None };

struct CatalogueEntry {
  std::string pattern;  // glob over canonical names: `*` matches any run of characters
  std::string label;    // what it is, for messages: "AWS SDK client", "PostgreSQL connection"
  FixCeiling fix = FixCeiling::Safe;
};

class Catalogue {
public:
  /// Parses catalogue YAML. Throws std::runtime_error with "line:col: what" on bad input.
  static Catalogue parse(std::string_view yaml, std::string_view origin);
  /// The same from an already parsed node (a `catalogue:` section of a configuration file);
  /// messages give `origin` and the node's line and column.
  static Catalogue fromNode(const YAML::Node& root, std::string_view origin);
  /// The default catalogue: the installed data/catalogue.yaml (core/DataDir.h) or, with no
  /// installed data directory, the copy compiled into the binary. Throws DataError when the
  /// installed file cannot be read or parsed.
  static const Catalogue& builtin();

  /// Adds the entries of another catalogue (user extensions come after the defaults).
  void merge(const Catalogue& other);
  /// Adds one entry of `kind` for `language`.
  void add(std::string_view language, std::string_view kind, CatalogueEntry entry);

  /// First entry of `kind` for `language` whose pattern matches `name`.
  const CatalogueEntry* match(std::string_view language, std::string_view kind,
                              std::string_view name) const;
  const std::vector<CatalogueEntry>& entries(std::string_view language,
                                             std::string_view kind) const;

private:
  struct Section {
    std::string language;
    std::string kind;
    std::vector<CatalogueEntry> entries;
  };
  std::vector<Section> sections_;
};

/// Kinds the catalogue knows. Checks name them through these constants.
namespace kind {
inline constexpr std::string_view Client = "client";
inline constexpr std::string_view Connection = "connection";
inline constexpr std::string_view ConfigFetch = "config-fetch";
inline constexpr std::string_view HandlerDecorator = "handler-decorator";
inline constexpr std::string_view Memoizer = "memoizer";
inline constexpr std::string_view Adapter = "adapter";
inline constexpr std::string_view Route = "route";             // per-invocation when adapted
inline constexpr std::string_view LambdaRoute = "lambda-route"; // always per-invocation
inline constexpr std::string_view HandlerName = "handler-name";
inline constexpr std::string_view SdkInit = "sdk-init";         // C++: Aws::InitAPI, curl_global_init, ...
// Names the tree-sitter frontends read (plain names; `*` globs allowed):
inline constexpr std::string_view HandlerEventParam = "handler-event-param";     // `(event, context)`
inline constexpr std::string_view HandlerContextParam = "handler-context-param"; // handler signature
inline constexpr std::string_view ReleaseMethod = "release-method";   // `conn.close()` releases conn
inline constexpr std::string_view HoistableGlobal = "hoistable-global"; // globals a hoisted call may read
inline constexpr std::string_view WrapperRoot = "wrapper-root";       // JS: globals wrapper calls start at
// Python: objects bound to the asyncio event loop they are made in (checks/PerInvocationCalls).
inline constexpr std::string_view LoopBound = "loop-bound";
// Calls whose result holds credentials of this invocation (STS AssumeRole): a client built
// from them is made from values of the invocation (Call::fromInvocation).
inline constexpr std::string_view Credentials = "credentials";
// Python: methods that give an object made in the function credentials (`set_credentials`):
// when their arguments are values of the invocation, so is the object (Call::fromInvocation).
inline constexpr std::string_view CredentialsSetter = "credentials-setter";
// Calls that write a configuration store (SSM PutParameter): a handler that writes what it
// fetches is not told to cache it (config-fetch-in-handler).
inline constexpr std::string_view ConfigWrite = "config-write";
// Calls that load modules when Init makes them (Powertools' Tracer() patching libraries through
// the X-Ray SDK); the label lists the modules, separated by spaces (eager-heavy-import).
inline constexpr std::string_view InitLoads = "init-loads";
} // namespace kind

} // namespace ll
