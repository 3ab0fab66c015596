#pragma once
// Where lambda-lint's data files (catalogue.yaml, import-costs.yaml) are read from: the data
// directory of an installed tree, found from where the running executable or clang-tidy plugin
// is, or the copies compiled into the binary when there is none (a build tree).
//
// An installed tree is relocatable: lambda-lint is <prefix>/bin/lambda-lint, the plugin
// <prefix>/lib/lambda-lint/liblambda-lint-tidy.so and the data <prefix>/share/lambda-lint (the
// relative paths come from GNUInstallDirs at configure time). An administrator may edit the
// installed files; a broken one is an error that names the file and line, not a silent fallback.
#include <stdexcept>
#include <string>
#include <string_view>

namespace ll {

/// A data file that exists but cannot be read or parsed ("path:line:col: what").
class DataError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// The installed data directory in use (absolute, normalised), or "" when this binary has none
/// next to it and uses the embedded copies. Looked up once.
const std::string& installedDataDir();

/// One data file: its text and the name messages quote ("/opt/ll/share/lambda-lint/catalogue.yaml",
/// or "data/catalogue.yaml" for the embedded copy).
struct DataFile {
  std::string text;
  std::string origin;
};

/// `name` ("catalogue.yaml" or "import-costs.yaml") from installedDataDir() when there is one,
/// else the embedded copy. Throws DataError when the installed file cannot be read.
DataFile readDataFile(std::string_view name);

/// Data file `name` parsed with `parse(text, origin)`; a parse error becomes a DataError.
template <class Parse>
auto parseDataFile(std::string_view name, Parse parse) {
  const DataFile file = readDataFile(name);
  try {
    return parse(file.text, file.origin);
  } catch (const std::runtime_error& e) {
    throw DataError(std::string("bad data file ") + e.what());
  }
}

/// For --version: the data directory in use, or a sentence saying the built-in copy is used.
std::string dataSourceDescription();

} // namespace ll
