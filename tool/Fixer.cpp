#include "tool/Fixer.h"


#include <algorithm>
#include <array>
#include <set>
#include <cerrno>
#include <cstring>
#include <climits>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll {

namespace {

bool overlaps(const ByteRange& a, const ByteRange& b) {
  // Touching ranges and two insertions at one point count as overlapping: their order would be
  // ambiguous.
  return a.begin <= b.end && b.begin <= a.end;
}

bool applicable(const Fix& fix, bool allowUnsafe) {
  return fix.applicability == Applicability::Safe ||
         (allowUnsafe && fix.applicability == Applicability::Unsafe);
}

} // namespace

size_t applyFixes(std::string& text, const std::vector<const Fix*>& fixes) {
  std::vector<const Edit*> accepted;
  std::set<std::string_view> introduced;
  size_t applied = 0;
  for (const Fix* fix : fixes) {
    bool clash = false;
    for (const Edit& e : fix->edits) {
      if (e.range.end > text.size() || e.range.begin > e.range.end) clash = true;
      for (const Edit* a : accepted)
        if (overlaps(e.range, a->range)) clash = true;
    }
    for (const std::string& name : fix->introduces)
      if (introduced.contains(name)) clash = true;
    if (clash) continue;
    for (const Edit& e : fix->edits) accepted.push_back(&e);
    for (const std::string& name : fix->introduces) introduced.insert(name);
    ++applied;
  }
  // Apply from the end so earlier offsets stay valid. For equal positions keep the fix's order.
  std::stable_sort(accepted.begin(), accepted.end(),
                   [](const Edit* a, const Edit* b) { return a->range.begin > b->range.begin; });
  for (const Edit* e : accepted) text.replace(e->range.begin, e->range.end - e->range.begin, e->text);
  return applied;
}

FixResult fixToConvergence(const Analyzer& analyzer, const FileOutcome& outcome, bool allowUnsafe,
                           const ProjectFacts* facts) {
  FixResult result;
  result.text = outcome.file->text();
  result.remaining = outcome.findings.size();
  if (!outcome.language) return result;
  FileOutcome current = outcome;
  for (int round = 0; round < kMaxFixRounds; ++round) {
    std::vector<const Fix*> fixes;
    for (const Finding& f : current.findings)
      for (const Fix& fix : f.fixes)
        if (applicable(fix, allowUnsafe)) {
          fixes.push_back(&fix);
          break; // one fix per finding
        }
    if (fixes.empty()) return result;
    std::string next = result.text;
    size_t applied = applyFixes(next, fixes);
    if (applied == 0) return result;
    // One analysis of the fixed text both verifies it and gives the next round's findings: a
    // fixed text with syntax errors (tree-sitter's parse, or for C++ Clang's with the file's
    // compile arguments) is dropped.
    FileOutcome reanalysed = analyzer.analyzeText(outcome.file->path(), *outcome.language, next, facts);
    if (reanalysed.hasSyntaxErrors && !current.hasSyntaxErrors) {
      const char* what = *outcome.language == Language::Cpp ? "compile" : "parse";
      result.notices.push_back({Level::Error, outcome.file->path(), std::nullopt,
                                std::string("internal error: a fix produced code that does not ") +
                                    what + "; those fixes were not applied (please report this)"});
      return result;
    }
    result.text = std::move(next);
    result.applied += applied;
    result.remaining = reanalysed.findings.size();
    current = std::move(reanalysed);
  }
  result.notices.push_back({Level::Warning, outcome.file->path(), std::nullopt,
                            "fixes did not converge after " + std::to_string(kMaxFixRounds) +
                                " rounds; the file may have more to fix"});
  return result;
}

std::string writeFileAtomically(const std::string& path, const std::string& text) {
  // Write through a symlink to the file it names (rename() would replace the link itself).
  std::array<char, PATH_MAX> resolved{};
  const std::string target =
      ::realpath(path.c_str(), resolved.data()) ? std::string(resolved.data()) : path;
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0) return std::string("cannot stat: ") + std::strerror(errno);
  std::string tmpl = target + ".lambda-lint-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) return std::string("cannot create a temporary file: ") + std::strerror(errno);
  auto fail = [&](const char* what) {
    std::string msg = std::string(what) + ": " + std::strerror(errno);
    if (fd >= 0) ::close(fd);
    ::unlink(name.data());
    return msg;
  };
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions");
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot sync");
  int closed = ::close(fd);
  fd = -1;
  if (closed != 0) return fail("cannot close");
  if (::rename(name.data(), target.c_str()) != 0) return fail("cannot replace the file");
  return {};
}

namespace {

std::vector<std::string_view> splitLines(std::string_view s) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < s.size()) {
    size_t nl = s.find('\n', start);
    size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(start, end - start));
    start = end;
  }
  return lines;
}

} // namespace

std::string unifiedDiff(const std::string& path, const std::string& before, const std::string& after) {
  if (before == after) return {};
  auto a = splitLines(before), b = splitLines(after);
  // Trim the common prefix and suffix, then an LCS table over what is left (fix diffs are
  // local; the table is bounded, and a larger change is shown as one replacement).
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) ++suf;
  const size_t n = a.size() - pre - suf, m = b.size() - pre - suf;
  // ops: ' ' keep, '-' delete, '+' insert, over the middle part
  std::vector<std::pair<char, std::string_view>> ops;
  for (size_t i = 0; i < pre; ++i) ops.emplace_back(' ', a[i]);
  if (n * m <= 4'000'000) {
    std::vector<std::vector<uint32_t>> L(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        L[i][j] = a[pre + i] == b[pre + j] ? L[i + 1][j + 1] + 1 : std::max(L[i + 1][j], L[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        ops.emplace_back(' ', a[pre + i]);
        ++i, ++j;
      } else if (j < m && (i == n || L[i][j + 1] > L[i + 1][j])) {
        ops.emplace_back('+', b[pre + j++]);
      } else {
        ops.emplace_back('-', a[pre + i++]);
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) ops.emplace_back('-', a[pre + i]);
    for (size_t j = 0; j < m; ++j) ops.emplace_back('+', b[pre + j]);
  }
  for (size_t i = a.size() - suf; i < a.size(); ++i) ops.emplace_back(' ', a[i]);

  std::string out = "--- " + path + "\n+++ " + path + "\n";
  const size_t context = 3;
  size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].first == ' ') ++k;
    if (k == ops.size()) break;
    size_t start = k >= context ? k - context : 0;
    size_t end = k;
    // Extend the hunk while changes are within 2*context lines of each other.
    for (size_t j = k; j < ops.size(); ++j) {
      if (ops[j].first != ' ') end = j + 1;
      else if (j - end >= 2 * context) break;
    }
    end = std::min(ops.size(), end + context);
    size_t aLine = 1, bLine = 1;
    for (size_t j = 0; j < start; ++j) {
      if (ops[j].first != '+') ++aLine;
      if (ops[j].first != '-') ++bLine;
    }
    size_t aCount = 0, bCount = 0;
    for (size_t j = start; j < end; ++j) {
      if (ops[j].first != '+') ++aCount;
      if (ops[j].first != '-') ++bCount;
    }
    out += "@@ -" + std::to_string(aCount ? aLine : aLine - 1) + "," + std::to_string(aCount) + " +" +
           std::to_string(bCount ? bLine : bLine - 1) + "," + std::to_string(bCount) + " @@\n";
    for (size_t j = start; j < end; ++j) {
      out += ops[j].first;
      out += ops[j].second;
      if (ops[j].second.empty() || ops[j].second.back() != '\n') out += "\n\\ No newline at end of file\n";
    }
    k = end;
  }
  return out;
}

} // namespace ll
