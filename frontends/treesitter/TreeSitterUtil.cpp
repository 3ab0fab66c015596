#include "frontends/treesitter/TreeSitterUtil.h"

#include <vector>

namespace ll::ts {

namespace {
struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
} // namespace

TreePtr parse(const TSLanguage* language, std::string_view text) {
  // One parser per thread and language is cheap to keep; parsers are not thread-safe.
  thread_local std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  ts_parser_reset(parser.get());
  if (!ts_parser_set_language(parser.get(), language)) return nullptr;
  return TreePtr(ts_parser_parse_string(parser.get(), nullptr, text.data(),
                                        static_cast<uint32_t>(text.size())));
}

TSNode firstError(TSNode root) {
  if (!ts_node_has_error(root)) return TSNode{};
  // Iterative descent: follow the first child that has an error.
  TSNode n = root;
  for (;;) {
    if (ts_node_is_error(n) || ts_node_is_missing(n)) return n;
    bool descended = false;
    uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_child(n, i);
      if (ts_node_has_error(c) || ts_node_is_missing(c) || ts_node_is_error(c)) {
        n = c;
        descended = true;
        break;
      }
    }
    if (!descended) return n;
  }
}

} // namespace ll::ts
