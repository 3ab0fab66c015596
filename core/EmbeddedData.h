#pragma once
// Data compiled into the binary from docs/rules/*.md, data/catalogue.yaml and
// data/import-costs.yaml (see cmake/EmbedScript.cmake). The rule pages are always read from here
// (ruleDoc()); the two data files only when there is no installed data directory (core/DataDir.h:
// Catalogue::builtin() and ImportCosts::builtin() go through readDataFile()).
#include <string_view>
#include <vector>

namespace ll::embedded {
struct Doc {
  std::string_view id;
  std::string_view markdown;
};
const std::vector<Doc>& ruleDocs();
std::string_view defaultCatalogue();
std::string_view importCosts(); // data/import-costs.yaml
} // namespace ll::embedded
