#pragma once
// What importing a module costs at Init: measured figures (data/import-costs.yaml, made by
// scripts/measure_import_costs.py), extensible by users, and the rate that turns the bytes of
// code an unlisted module loads into an estimate.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace YAML {
class Node;
}

namespace ll {

struct ImportCost {
  std::string module;      // the catalogue key: "pandas", "scipy.stats", "@aws-sdk/client-s3"
  double ms = 0;           // median import/require time
  uint64_t bytes = 0;      // bytes of code the import loads (0: not recorded)
  std::vector<std::string> loads; // other catalogued modules the import brings in
  std::string version;     // package version measured ("stdlib 3.11.2", "1.5.3")
  std::string origin;      // file the figure comes from
};

class ImportCosts {
public:
  /// Parses the import-cost YAML (the shape of data/import-costs.yaml: `python:` and
  /// `javascript:` mappings of module to {import_ms|require_ms|ms, code_bytes|loaded_bytes,
  /// loads, version}, optional `stdlib:` lists). Throws std::runtime_error "origin:line:col: what".
  static ImportCosts parse(std::string_view yaml, std::string_view origin);
  /// The `import-costs:` section of a user catalogue file, if it has one.
  static ImportCosts parseUserSection(std::string_view yaml, std::string_view origin);
  /// An already parsed `import-costs:` node (of a configuration file's `catalogue:`).
  static ImportCosts fromNode(const YAML::Node& root, std::string_view origin);
  /// The default figures: the installed data/import-costs.yaml (core/DataDir.h) or the copy
  /// compiled into the binary. Throws DataError when the installed file is broken.
  static const ImportCosts& builtin();

  /// Adds (or replaces) entries with another's.
  void merge(const ImportCosts& other);

  /// The figure for an import of `module` in `language` ("python" or "javascript"). Python
  /// looks up the dotted name, then its parent packages (`sklearn.ensemble` costs at least
  /// `sklearn`); JavaScript looks the package specifier up as written.
  const ImportCost* lookup(std::string_view language, std::string_view module) const;
  /// A module that comes with the runtime (Python standard library, Node.js built-in).
  bool isStdlib(std::string_view language, std::string_view module) const;
  /// The modules isStdlib() accepts in `language` (empty for a language without a list).
  const std::set<std::string, std::less<>>& stdlib(std::string_view language) const;
  /// Milliseconds per byte of loaded code: the median over the measured entries of the
  /// language, for modules that are weighed rather than measured. 0 when nothing is measured.
  double msPerByte(std::string_view language) const;
  size_t size(std::string_view language) const;

private:
  struct Language {
    std::unordered_map<std::string, ImportCost> entries;
    std::set<std::string, std::less<>> stdlib;
  };
  const Language* find(std::string_view language) const;
  std::unordered_map<std::string, Language> languages_;
};

} // namespace ll
