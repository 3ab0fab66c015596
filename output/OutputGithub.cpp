// GitHub Actions output: one workflow command per finding (`::warning file=...,line=...::msg`),
// which the Actions runner turns into annotations on the pull request's changed lines.
// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
#include "output/Output.h"
#include "output/Repository.h"

#include <filesystem>
#include <ostream>
#include <string>

namespace ll {

namespace {

/// Escapes a command's message: %, CR and LF.
std::string escapeData(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

/// Escapes a property value: the message escapes plus ':' and ','.
std::string escapeProperty(std::string_view s) {
  std::string out;
  for (char c : escapeData(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

const char* command(Level l) {
  switch (l) {
  case Level::Error: return "error";
  case Level::Warning: return "warning";
  case Level::Note: break;
  }
  return "notice";
}

} // namespace

void writeGithub(std::ostream& os, const RunResult& run, const OutputOptions& opts) {
  // The runner places annotations by paths relative to the repository's top (the project root
  // SARIF uses too), whatever folder lambda-lint ran in.
  std::error_code ec;
  const std::filesystem::path root =
      absoluteNormal(opts.srcRoot.empty() ? std::filesystem::current_path(ec) : std::filesystem::path(opts.srcRoot));
  auto shown = [&](const std::string& path) {
    auto rel = relativeInside(absoluteNormal(path), root);
    return rel ? rel->generic_string() : path;
  };
  for (const Finding& f : run.findings) {
    os << "::" << command(f.level) << " ";
    if (f.file) {
      os << "file=" << escapeProperty(shown(f.file->path()));
      if (!f.wholeArtifact) {
        const Position b = f.file->position(f.range.begin);
        const Position e = f.file->position(f.range.end);
        os << ",line=" << b.line << ",col=" << b.column;
        if (e.line >= b.line) os << ",endLine=" << e.line;
        if (e.line == b.line && e.column > b.column) os << ",endColumn=" << e.column;
      }
      os << ",";
    }
    os << "title=" << escapeProperty("lambda-lint: " + f.rule) << "::" << escapeData(f.message);
    for (const Fix& fix : f.fixes)
      os << escapeData("\nfix (" + std::string(applicabilityName(fix.applicability)) + "): " + fix.description);
    os << '\n';
  }
  // Notices that are not merely informational become annotations too (no position: the file).
  for (const Notice& n : run.notices) {
    if (n.level == Level::Note) continue;
    os << "::" << command(n.level) << " ";
    if (!n.path.empty()) {
      os << "file=" << escapeProperty(shown(n.path));
      if (n.position) os << ",line=" << n.position->line << ",col=" << n.position->column;
      os << ",";
    }
    os << "title=" << escapeProperty("lambda-lint") << "::" << escapeData(n.message) << '\n';
  }
}

} // namespace ll
