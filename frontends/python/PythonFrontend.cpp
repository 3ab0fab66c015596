// Python frontend: the entry point (lowerPython), the order of the passes (PythonLowering::run)
// and the comments. The passes: frontends/python/PyLowering.h.
#include "frontends/python/PyLowering.h"

#include <ranges>

namespace ll {

namespace python {

namespace {

BlankedComments blankLongCommentRuns(std::string_view src) {
  constexpr size_t kLongRun = 64;
  BlankedComments out;
  std::vector<ByteRange> run;
  auto flush = [&] {
    if (run.size() > kLongRun) {
      if (out.text.empty()) out.text.assign(src);
      for (size_t i = src.rfind('\n', run.front().begin) + 1; i < run.back().end; ++i)
        if (out.text[i] != '\n' && out.text[i] != '\r') out.text[i] = ' ';
      out.runs.push_back(std::move(run));
    }
    run.clear();
  };
  size_t pos = 0;
  while (pos < src.size()) {
    size_t eol = src.find('\n', pos);
    const size_t end = eol == std::string_view::npos ? src.size() : eol + 1;
    std::string_view line = src.substr(pos, end - pos);
    const size_t first = line.find_first_not_of(" \t");
    const bool comment = first != std::string_view::npos && line[first] == '#' &&
                         line.find_first_of("\"'\\") == std::string_view::npos;
    if (comment) {
      size_t last = line.size();
      while (last > first && (line[last - 1] == '\n' || line[last - 1] == '\r')) --last;
      run.push_back({static_cast<uint32_t>(pos + first), static_cast<uint32_t>(pos + last)});
    } else {
      flush();
    }
    pos = end;
  }
  flush();
  return out;
}

} // namespace

PythonLowering::PythonLowering(std::shared_ptr<const SourceFile> file, const FrontendOptions& options)
    : Lowering(std::move(file), options, Language::Python, "python") {}

Module PythonLowering::run() {
  const BlankedComments blanked = blankLongCommentRuns(src_);
  tree_ = ts::parseModule(m_, tree_sitter_python(), "Python",
                          blanked.text.empty() ? std::string_view() : std::string_view(blanked.text));
  if (!tree_) return std::move(m_);
  TSNode root = ts_tree_root_node(tree_.get());
  collectComments(root, blanked);
  scopes_.push_back(Scope{});
  collect(root, -1, -1, "", 0, nullptr);
  walkBlock(root, /*functionBody=*/false);
  markSharedImportStatements(m_);
  finishFunctions();
  identifyHandlers();
  return std::move(m_);
}

void PythonLowering::collectComments(TSNode root, const BlankedComments& blanked) {
  const std::string_view parsed = blanked.text.empty() ? std::string_view(src_) : blanked.text;
  std::vector<uint32_t> hashes;
  for (size_t i = parsed.find('#'); i != std::string_view::npos; i = parsed.find('#', i + 1))
    hashes.push_back(static_cast<uint32_t>(i));
  ts::collectComments(m_, root, "comment", hashes);
  if (blanked.runs.empty()) return;
  for (const std::vector<ByteRange>& run : blanked.runs) {
    // A run has no quote, so it is all inside one string or all outside any.
    bool inString = false;
    for (TSNode n = ts_node_descendant_for_byte_range(root, run.front().begin, run.front().begin);
         !ts::isNull(n) && !inString; n = ts_node_parent(n))
      inString = is(n, "string");
    if (inString) continue;
    for (const ByteRange& r : run) m_.comments.push_back({r, true});
  }
  std::ranges::sort(m_.comments, {}, [](const Comment& c) { return c.range.begin; });
}

} // namespace python

Module lowerPython(std::shared_ptr<const SourceFile> file, const FrontendOptions& options) {
  return python::PythonLowering(std::move(file), options).run();
}

} // namespace ll
