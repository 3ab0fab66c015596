#include "frontends/treesitter/TreeSitterUtil.h"

#include <array>
#include <vector>

namespace ll::ts {

namespace {
struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};

/// The named children of the few large nodes last asked for on this thread. Entries are valid
/// for the trees parsed in the current generation: a new parse on the thread starts a new one,
/// so a node of a freed tree can never hit an entry whose address it reuses.
struct LargeNodeCache {
  struct Entry {
    const void* id = nullptr;
    const TSTree* tree = nullptr;
    uint64_t generation = 0;
    std::vector<TSNode> children;
  };
  static constexpr size_t kEntries = 8;
  std::array<Entry, kEntries> entries;
  size_t next = 0;
  uint64_t generation = 1;
};
thread_local LargeNodeCache largeNodes;
} // namespace

TSNode namedOfLargeNode(TSNode n, uint32_t i) {
  LargeNodeCache& cache = largeNodes;
  for (const auto& e : cache.entries)
    if (e.id == n.id && e.tree == n.tree && e.generation == cache.generation)
      return i < e.children.size() ? e.children[i] : TSNode{};
  LargeNodeCache::Entry& e = cache.entries[cache.next];
  cache.next = (cache.next + 1) % LargeNodeCache::kEntries;
  e.id = n.id;
  e.tree = n.tree;
  e.generation = cache.generation;
  e.children.clear();
  TSTreeCursor cursor = ts_tree_cursor_new(n);
  if (ts_tree_cursor_goto_first_child(&cursor)) {
    do {
      TSNode c = ts_tree_cursor_current_node(&cursor);
      if (ts_node_is_named(c)) e.children.push_back(c);
    } while (ts_tree_cursor_goto_next_sibling(&cursor));
  }
  ts_tree_cursor_delete(&cursor);
  return i < e.children.size() ? e.children[i] : TSNode{};
}

const TSLanguage* grammarFor(Language language) {
  switch (language) {
  case Language::Python: return tree_sitter_python();
  case Language::JavaScript: return tree_sitter_javascript();
  case Language::TypeScript: return tree_sitter_typescript();
  case Language::Tsx: return tree_sitter_tsx();
  default: return nullptr;
  }
}

TreePtr parse(const TSLanguage* language, std::string_view text) {
  ++largeNodes.generation; // nodes of earlier trees may share addresses with the new one's
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

TreePtr parseModule(Module& m, const TSLanguage* language, std::string_view languageLabel,
                    std::string_view parserText) {
  TreePtr tree = parse(language, parserText.data() ? parserText : m.file->text());
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

void collectComments(Module& m, TSNode root, std::string_view commentType,
                     const std::vector<uint32_t>& starts) {
  if (isNull(root) || starts.empty()) return;
  size_t next = 0; // the first start not yet passed
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  for (;;) {
    const TSNode n = ts_tree_cursor_current_node(&cursor);
    const uint32_t begin = ts_node_start_byte(n), end = ts_node_end_byte(n);
    while (next < starts.size() && starts[next] < begin) ++next; // between tokens: no comment
    if (next == starts.size()) break;
    if (starts[next] < end) {
      if (type(n) == commentType) {
        m.comments.push_back({{begin, end}, m.file->aloneOnLines({begin, end})});
        while (next < starts.size() && starts[next] < end) ++next;
      } else if (ts_tree_cursor_goto_first_child(&cursor)) {
        continue;
      } else {
        while (next < starts.size() && starts[next] < end) ++next; // in a string or other token
      }
    }
    bool moved = false;
    while (!(moved = ts_tree_cursor_goto_next_sibling(&cursor)))
      if (!ts_tree_cursor_goto_parent(&cursor)) break;
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
}

Notice tooDeepNotice(const SourceFile& file, uint32_t offset, int maxDepth) {
  return {Level::Warning, file.path(), file.position(offset),
          "code nested more than " + std::to_string(maxDepth) + " levels deep was not analysed"};
}

} // namespace ll::ts
