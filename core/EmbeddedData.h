#pragma once
// Data compiled into the binary from docs/rules/*.md and data/catalogue.yaml (see
// cmake/EmbedScript.cmake).
#include <string_view>
#include <vector>

namespace ll::embedded {
struct Doc {
  std::string_view id;
  std::string_view markdown;
};
const std::vector<Doc>& ruleDocs();
std::string_view defaultCatalogue();
} // namespace ll::embedded
