#pragma once
// Thin RAII and convenience layer over the tree-sitter C API, shared by the tree-sitter
// frontends.
#include "core/Model.h"
#include "core/Source.h"

#include <memory>
#include <string_view>
#include <vector>
#include <tree_sitter/api.h>

extern "C" {
const TSLanguage* tree_sitter_python();
const TSLanguage* tree_sitter_javascript();
const TSLanguage* tree_sitter_typescript();
const TSLanguage* tree_sitter_tsx();
}

namespace ll::ts {

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

/// The tree-sitter grammar of a language: Python, JavaScript, TypeScript or TSX; null for others.
const TSLanguage* grammarFor(Language language);

/// Parses `text` with `language`. Returns null only if tree-sitter gives up (it does not for
/// ordinary syntax errors, which become ERROR nodes).
TreePtr parse(const TSLanguage* language, std::string_view text);

inline bool isNull(TSNode n) { return ts_node_is_null(n); }
inline std::string_view type(TSNode n) { return isNull(n) ? std::string_view() : ts_node_type(n); }
inline bool is(TSNode n, std::string_view t) { return !isNull(n) && type(n) == t; }
// Null nodes (a missing field in a tree with syntax errors) have no range and no text: every
// accessor below answers for them instead of dereferencing them.
inline ByteRange range(TSNode n) {
  if (isNull(n)) return {};
  return {ts_node_start_byte(n), ts_node_end_byte(n)};
}
inline std::string_view text(TSNode n, std::string_view src) {
  if (isNull(n)) return {};
  return src.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
}
inline TSNode field(TSNode n, std::string_view name) {
  if (isNull(n)) return {};
  return ts_node_child_by_field_name(n, name.data(), static_cast<uint32_t>(name.size()));
}
inline uint32_t namedCount(TSNode n) { return isNull(n) ? 0 : ts_node_named_child_count(n); }
/// ts_node_named_child(n, i) walks n's children from the first, so a loop over the children of
/// a node with very many of them (a long run of comments) takes quadratic time. Such nodes have
/// their named children listed once, through a tree cursor, and cached.
TSNode namedOfLargeNode(TSNode n, uint32_t i);
inline constexpr uint32_t kLargeNodeChildren = 64;
inline TSNode named(TSNode n, uint32_t i) {
  if (isNull(n)) return TSNode{};
  if (ts_node_child_count(n) < kLargeNodeChildren) return ts_node_named_child(n, i);
  return namedOfLargeNode(n, i);
}
inline TSNode parent(TSNode n) { return isNull(n) ? TSNode{} : ts_node_parent(n); }

/// First syntax error (an ERROR or MISSING node) in the tree, or a null node.
TSNode firstError(TSNode root);

/// Parses the module's file. Records in the module what every frontend says alike: a parser
/// that gave up (null result) or the first syntax error.
/// `parserText`, when given, is what the parser reads instead of the file's text: the same
/// length and line structure, with parts the grammar handles slowly blanked out.
TreePtr parseModule(Module& m, const TSLanguage* language, std::string_view languageLabel,
                    std::string_view parserText = {});

/// The whole lines a statement occupies (indentation and final newline included) when nothing
/// but indentation precedes it and nothing but a `lineComment` comment follows it; else empty.
ByteRange wholeLines(const SourceFile& file, ByteRange statement, std::string_view lineComment);

/// Appends to m.comments every node of type `commentType` in the tree under `root`, in source
/// order. Comments are extras, which the grammar lets sit under any node, and the lowering walk
/// goes only where the model needs it (and only so deep), so it cannot be the one to find them.
/// This descent enters only the nodes whose range holds one of `starts` (sorted byte offsets
/// where a comment could begin: every `#`, or every `//` and `/*`): a file without comments
/// costs a glance at the root's children, one with comments about their number times the
/// depth of the tree.
void collectComments(Module& m, TSNode root, std::string_view commentType,
                     const std::vector<uint32_t>& starts);

/// The notice for code nested deeper than a frontend walks.
Notice tooDeepNotice(const SourceFile& file, uint32_t offset, int maxDepth);

} // namespace ll::ts
