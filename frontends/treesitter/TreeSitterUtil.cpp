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

TreePtr parseModule(Module& m, const TSLanguage* language, std::string_view languageLabel) {
  TreePtr tree = parse(language, m.file->text());
  if (!tree) {
    m.hasSyntaxErrors = true;
    m.notices.push_back({Level::Error, m.file->path(), std::nullopt,
                         "the " + std::string(languageLabel) +
                             " parser gave up on this file; it was not analysed"});
    return tree;
  }
  if (TSNode err = firstError(ts_tree_root_node(tree.get())); !isNull(err)) {
    m.hasSyntaxErrors = true;
    m.notices.push_back({Level::Warning, m.file->path(), m.file->position(ts_node_start_byte(err)),
                         "syntax error; findings in this file may be incomplete and no fixes are "
                         "applied to it"});
  }
  return tree;
}

ByteRange wholeLines(const SourceFile& file, ByteRange statement, std::string_view lineComment) {
  const std::string_view src = file.text();
  const Position b = file.position(statement.begin), e = file.position(statement.end);
  const std::string_view before =
      src.substr(file.lineStart(b.line), statement.begin - file.lineStart(b.line));
  const std::string_view lastLine = file.lineText(e.line);
  const std::string_view after =
      lastLine.substr(std::min<size_t>(lastLine.size(), statement.end - file.lineStart(e.line)));
  const size_t a = after.find_first_not_of(" \t");
  const bool cleanBefore = before.find_first_not_of(" \t") == std::string_view::npos;
  const bool cleanAfter = a == std::string_view::npos || after.substr(a).starts_with(lineComment);
  if (!cleanBefore || !cleanAfter) return {};
  return {file.lineStart(b.line), file.lineEndWithNewline(e.line)};
}

Notice tooDeepNotice(const SourceFile& file, uint32_t offset, int maxDepth) {
  return {Level::Warning, file.path(), file.position(offset),
          "code nested more than " + std::to_string(maxDepth) + " levels deep was not analysed"};
}

} // namespace ll::ts
