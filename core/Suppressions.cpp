#include "core/Suppressions.h"

#include "core/Glob.h"
#include "core/Strings.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>

namespace ll {

namespace {

constexpr std::string_view kDirectiveWord = "lambda-lint";
// In two pieces, like every directive spelt in this file: clang-tidy would read it as one.
constexpr std::string_view kNoLintWord = "NO" "LINT";

bool isIdChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}
size_t ifind(std::string_view text, std::string_view needle, size_t from) {
  for (size_t i = from; i + needle.size() <= text.size(); ++i)
    if (iequals(text.substr(i, needle.size()), needle)) return i;
  return std::string_view::npos;
}

size_t skipSpaces(std::string_view text, size_t p) {
  while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  return p;
}

ByteRange at(uint32_t offset, size_t begin, size_t end) {
  return {offset + static_cast<uint32_t>(begin), offset + static_cast<uint32_t>(end)};
}

/// The end of the comment's text without a closing `*/` and the blanks before it.
size_t contentEnd(std::string_view text) {
  size_t end = text.size();
  if (end >= 2 && text.substr(end - 2) == "*/") end -= 2;
  while (end > 0 && isSpace(text[end - 1])) --end;
  return end;
}

/// `hyphenated-lowercase-word`: what a rule id looks like.
bool looksLikeRuleId(std::string_view word) {
  if (word.empty() || !std::islower(static_cast<unsigned char>(word.front()))) return false;
  if (word.find('-') == std::string_view::npos || word.back() == '-') return false;
  return std::ranges::all_of(word, [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-';
  });
}

/// Splits `list` (the text between brackets, at `base` in the comment) at commas into trimmed
/// items; empty items are left out.
std::vector<DirectiveItem> splitItems(std::string_view list, size_t base, uint32_t offset) {
  std::vector<DirectiveItem> items;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    size_t b = start, e = comma;
    while (b < e && isSpace(list[b])) ++b;
    while (e > b && isSpace(list[e - 1])) --e;
    if (b < e) items.push_back({std::string(list.substr(b, e - b)), at(offset, base + b, base + e)});
    start = comma + 1;
  }
  return items;
}

void parseIgnore(std::string_view text, uint32_t offset, std::vector<Directive>& out) {
  size_t pos = 0;
  for (size_t found; (found = ifind(text, kDirectiveWord, pos)) != std::string_view::npos;) {
    pos = found + kDirectiveWord.size();
    if ((found > 0 && isIdChar(text[found - 1])) || (pos < text.size() && isIdChar(text[pos])))
      continue; // part of a longer word
    size_t p = skipSpaces(text, pos);
    const bool colon = p < text.size() && text[p] == ':';
    if (colon) p = skipSpaces(text, p + 1);
    size_t wordEnd = p;
    while (wordEnd < text.size() && isIdChar(text[wordEnd])) ++wordEnd;
    const std::string_view word = text.substr(p, wordEnd - p);
    const size_t next = skipSpaces(text, wordEnd);
    const bool bracket = next < text.size() && text[next] == '[';
    const bool ignore = iequals(word, "ignore");
    Directive d;
    d.kind = DirectiveKind::Ignore;
    if (!colon || !ignore) {
      // Prose that mentions lambda-lint, unless it is a directive with a mistake in it:
      // `lambda-lint ignore[...]` or `lambda-lint: <word>[...]`.
      if (!bracket || word.empty() || (!colon && !ignore)) continue;
      const size_t close = text.find(']', next);
      const size_t end = close == std::string_view::npos ? contentEnd(text) : close + 1;
      d.range = at(offset, found, std::max(end, wordEnd));
      d.error = !colon && ignore ? "expected `:` after `lambda-lint`"
                                 : "unknown directive `" + std::string(word) +
                                       "`; write `lambda-lint: ignore[rule, ...]`";
      pos = d.range.end - offset;
      out.push_back(std::move(d));
      continue;
    }
    if (bracket) {
      const size_t close = text.find(']', next + 1);
      if (close == std::string_view::npos) {
        d.range = at(offset, found, std::max(contentEnd(text), next + 1));
        d.error = "has no closing `]`";
        out.push_back(std::move(d));
        return;
      }
      d.hasList = true;
      d.list = at(offset, next + 1, close);
      d.range = at(offset, found, close + 1);
      const std::string_view list = text.substr(next + 1, close - next - 1);
      d.items = splitItems(list, next + 1, offset);
      if (d.items.empty()) d.error = "names no rule; write `lambda-lint: ignore[rule, ...]`, or `lambda-lint: ignore` for every rule";
      for (const DirectiveItem& item : d.items)
        if (std::ranges::any_of(item.name, [](char c) { return !isIdChar(c); })) {
          d.error = "`" + item.name + "` is not a rule id; separate rule ids with commas";
          break;
        }
      pos = close + 1;
    } else {
      d.range = at(offset, found, wordEnd);
      // `lambda-lint: ignore client-in-handler` or `ignore: rule`: ids without brackets, which
      // would silently suppress every rule.
      size_t idEnd = next;
      while (idEnd < text.size() && isIdChar(text[idEnd])) ++idEnd;
      if (next < text.size() && text[next] == ':')
        d.error = "put the rule ids in brackets: `lambda-lint: ignore[rule, ...]`";
      else if (looksLikeRuleId(text.substr(next, idEnd - next)))
        d.error = "put the rule ids in brackets: `lambda-lint: ignore[" +
                  std::string(text.substr(next, idEnd - next)) + "]`";
      pos = wordEnd;
    }
    out.push_back(std::move(d));
  }
}

/// clang-tidy's reading of NOLINT comments (NoLintDirectiveHandler.cpp, LLVM 16): "NOLINT" then
/// capital letters naming the kind, then an optional `(checks)` closed on the same line.
void parseNoLint(std::string_view text, uint32_t offset, std::vector<Directive>& out) {
  constexpr std::string_view kNoLint = kNoLintWord;
  size_t pos = 0;
  for (size_t found; (found = text.find(kNoLint, pos)) != std::string_view::npos;) {
    pos = found + kNoLint.size();
    while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
    const std::string_view kind = text.substr(found, pos - found);
    Directive d;
    // (clang-tidy reads its directives anywhere in a line, string literals included.)
    if (kind == kNoLint) d.kind = DirectiveKind::NoLint;
    else if (kind.substr(kNoLint.size()) == "NEXT" "LINE") d.kind = DirectiveKind::NoLintNextLine;
    else if (kind.substr(kNoLint.size()) == "BEG" "IN") d.kind = DirectiveKind::NoLintBegin;
    else if (kind.substr(kNoLint.size()) == "E" "ND") d.kind = DirectiveKind::NoLintEnd;
    else continue;
    d.range = at(offset, found, pos);
    if (pos < text.size() && text[pos] == '(') {
      const size_t close = text.find_first_of("\n)", pos + 1);
      if (close != std::string_view::npos && text[close] == ')') {
        d.hasList = true;
        d.list = at(offset, pos + 1, close);
        d.items = splitItems(text.substr(pos + 1, close - pos - 1), pos + 1, offset);
        d.range = at(offset, found, close + 1);
        pos = close + 1;
      } else {
        d.error = "has no closing `)`; clang-tidy reads it as a bare " + std::string(kind) +
                  ", which suppresses every check";
      }
    }
    out.push_back(std::move(d));
  }
}

} // namespace

std::vector<Directive> parseDirectives(std::string_view comment, uint32_t offset, bool noLint) {
  std::vector<Directive> out;
  parseIgnore(comment, offset, out);
  if (noLint) parseNoLint(comment, offset, out);
  std::ranges::sort(out, {}, [](const Directive& d) { return d.range.begin; });
  return out;
}

// ---- applying -------------------------------------------------------------------------------

namespace {

bool isNoLintKind(DirectiveKind k) { return k != DirectiveKind::Ignore; }

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string quoted(std::string_view s) { return "`" + std::string(s) + "`"; }

/// "`a`", "`a` and `b`", "`a`, `b` and `c`".
std::string listing(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += quoted(names[i]);
  }
  return out;
}

/// One directive while suppressions are applied.
struct Entry {
  Directive directive;
  int comment = -1;
  // What it covers.
  uint32_t firstLine = 0, lastLine = 0; // line directives (0: nothing)
  int partner = -1;                     // the BEGIN of a block <-> its END
  bool active = true;                   // malformed `lambda-lint:` and unmatched BEGIN/END: no
  bool unmatched = false;
  // What it suppressed.
  bool usedBare = false;
  std::vector<bool> usedItem;
};

enum class ItemProblem { None, Unused, Unknown, Duplicate, PackageRule };

class Applier {
public:
  Applier(const Module& m, const SuppressionRules& rules, const SuppressionOptions& options)
      : m_(m), file_(*m.file), rules_(rules), options_(options) {}

  SuppressionResult run(std::vector<Finding>& findings) {
    SuppressionResult result;
    collect();
    if (entries_.empty()) return result;
    pairBlocks();
    cover();
    std::vector<Finding> kept;
    kept.reserve(findings.size());
    for (Finding& f : findings) {
      if (!f.wholeArtifact && suppress(f.rule, f.range.begin)) ++result.suppressed;
      else kept.push_back(std::move(f));
    }
    findings = std::move(kept);
    // Malformed directives are reported whether or not unused-suppression runs.
    for (size_t i = 0; i < entries_.size(); ++i) {
      const Entry& e = entries_[i];
      if (!options_.reportUnused && e.directive.error.empty() && !e.unmatched) continue;
      std::optional<SuppressionProblem> p = problemOf(i);
      // Only a suppression that names unused-suppression covers these.
      if (p && !suppress(std::string(kUnusedSuppressionRule), p->range.begin))
        result.problems.push_back(std::move(*p));
    }
    return result;
  }

private:
  // ---- directives and what they cover ----------------------------------------------------

  void collect() {
    const bool noLint = options_.noLint && m_.language == Language::Cpp;
    for (size_t c = 0; c < m_.comments.size(); ++c) {
      const Comment& comment = m_.comments[c];
      for (Directive& d : parseDirectives(m_.text(comment.range), comment.range.begin, noLint)) {
        Entry e;
        e.directive = std::move(d);
        e.comment = static_cast<int>(c);
        e.usedItem.assign(e.directive.items.size(), false);
        // A malformed lambda-lint directive suppresses nothing; a NOLINT with no closing
        // parenthesis is a bare NOLINT to clang-tidy, and so here.
        if (!e.directive.error.empty() && e.directive.kind == DirectiveKind::Ignore) e.active = false;
        entries_.push_back(std::move(e));
      }
    }
  }

  /// A block's BEGIN and END pair up as in clang-tidy: innermost first, same check list.
  void pairBlocks() {
    std::vector<size_t> open;
    for (size_t i = 0; i < entries_.size(); ++i) {
      Entry& e = entries_[i];
      if (e.directive.kind == DirectiveKind::NoLintBegin) {
        open.push_back(i);
      } else if (e.directive.kind == DirectiveKind::NoLintEnd) {
        if (!open.empty() && checksKey(entries_[open.back()].directive) == checksKey(e.directive)) {
          e.partner = static_cast<int>(open.back());
          entries_[open.back()].partner = static_cast<int>(i);
          open.pop_back();
        } else {
          e.active = false;
          e.unmatched = true;
        }
      }
    }
    for (size_t i : open) {
      entries_[i].active = false;
      entries_[i].unmatched = true;
    }
  }

  /// clang-tidy compares the check lists of a block's BEGIN and END with the blanks around
  /// each entry removed; no list differs from every list.
  std::optional<std::string> checksKey(const Directive& d) const {
    if (!d.hasList) return std::nullopt;
    std::string key;
    const std::string_view list = m_.text(d.list);
    size_t start = 0;
    for (;;) {
      size_t comma = list.find(',', start);
      key += trim(list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      if (comma == std::string_view::npos) break;
      key += ',';
      start = comma + 1;
    }
    return key;
  }

  uint32_t lineOf(uint32_t offset) const { return file_.position(offset).line; }

  bool blankLine(uint32_t line) const { return trim(file_.lineText(line)).empty(); }

  /// The next line after `line` that holds code: not blank, not only comments.
  uint32_t nextCodeLine(uint32_t line) {
    if (commentOnly_.empty()) {
      commentOnly_.assign(file_.lineCount() + 2, false);
      for (const Comment& c : m_.comments)
        if (c.ownLine)
          for (uint32_t l = lineOf(c.range.begin), last = lineOf(c.range.end > c.range.begin ? c.range.end - 1 : c.range.end);
               l <= last; ++l)
            commentOnly_[l] = true;
    }
    for (uint32_t l = line + 1; l <= file_.lineCount(); ++l)
      if (!commentOnly_[l] && !blankLine(l)) return l;
    return 0;
  }

  void cover() {
    for (size_t i = 0; i < entries_.size(); ++i) {
      Entry& e = entries_[i];
      const Directive& d = e.directive;
      switch (d.kind) {
      case DirectiveKind::Ignore: {
        const Comment& c = m_.comments[e.comment];
        const uint32_t first = lineOf(c.range.begin);
        const uint32_t last = lineOf(c.range.end > c.range.begin ? c.range.end - 1 : c.range.end);
        if (c.ownLine) {
          e.firstLine = e.lastLine = nextCodeLine(last);
        } else {
          e.firstLine = first;
          e.lastLine = last;
        }
        break;
      }
      case DirectiveKind::NoLint: e.firstLine = e.lastLine = lineOf(d.range.begin); break;
      case DirectiveKind::NoLintNextLine: e.firstLine = e.lastLine = lineOf(d.range.begin) + 1; break;
      case DirectiveKind::NoLintBegin:
      case DirectiveKind::NoLintEnd: break;
      }
      if (!e.active) continue;
      if (e.firstLine)
        for (uint32_t l = e.firstLine; l <= e.lastLine; ++l) byLine_[l].push_back(i);
      if (d.kind == DirectiveKind::NoLintBegin) blocks_.push_back(i);
    }
  }

  // ---- matching ----------------------------------------------------------------------------

  /// Whether directive `e` suppresses `rule`, marking what in it did.
  static bool matches(Entry& e, std::string_view rule) {
    const Directive& d = e.directive;
    const bool self = rule == kUnusedSuppressionRule;
    if (!d.hasList) {
      // A bare directive suppresses every rule but unused-suppression: keeping an unused
      // suppression takes naming the rule.
      if (self) return false;
      e.usedBare = true;
      return true;
    }
    if (d.kind == DirectiveKind::Ignore) {
      for (size_t k = 0; k < d.items.size(); ++k)
        if (d.items[k].name == rule) {
          e.usedItem[k] = true;
          return true;
        }
      return false;
    }
    // clang-tidy: the last entry whose glob matches decides; negative globs are dropped.
    const std::string tidyName = std::string(kTidyPrefix) + std::string(rule);
    for (size_t k = d.items.size(); k-- > 0;) {
      const std::string& glob = d.items[k].name;
      if (glob.starts_with('-')) continue;
      if (self ? glob == tidyName : globMatch(glob, tidyName)) {
        e.usedItem[k] = true;
        return true;
      }
    }
    return false;
  }

  bool suppress(const std::string& rule, uint32_t offset) {
    bool suppressed = false;
    if (auto it = byLine_.find(lineOf(offset)); it != byLine_.end())
      for (size_t i : it->second) suppressed = matches(entries_[i], rule) || suppressed;
    for (size_t i : blocks_) {
      Entry& begin = entries_[i];
      const Entry& end = entries_[begin.partner];
      // As clang-tidy: strictly between the BEGIN and the END.
      if (begin.directive.range.begin < offset && offset < end.directive.range.begin)
        suppressed = matches(begin, rule) || suppressed;
    }
    return suppressed;
  }

  // ---- what suppresses nothing -------------------------------------------------------------

  bool known(std::string_view id) const {
    return std::ranges::find(rules_.sourceRules, id) != rules_.sourceRules.end();
  }
  bool packageRule(std::string_view id) const {
    return std::ranges::find(rules_.packageRules, id) != rules_.packageRules.end();
  }
  bool ran(std::string_view id) const { return std::ranges::find(rules_.ran, id) != rules_.ran.end(); }

  /// " (did you mean `client-in-handler`?)" for a misspelt id, and for a clang-tidy name in a
  /// `lambda-lint:` directive. `noLint`: the name is a NOLINT entry, suggested with its prefix.
  std::string suggestion(std::string_view name, bool noLint) const {
    const std::string_view id = name.starts_with(kTidyPrefix) ? name.substr(kTidyPrefix.size()) : name;
    std::string best;
    size_t bestDistance = 3;
    for (const std::string& r : rules_.sourceRules) {
      const size_t distance = editDistance(id, r);
      if (distance < bestDistance) {
        best = r;
        bestDistance = distance;
      }
    }
    if (best.empty()) return {};
    return " (did you mean " + quoted(noLint ? std::string(kTidyPrefix) + best : best) + "?)";
  }

  /// Where a directive acts, for messages: "on line 12", "between lines 3 and 9".
  std::string where(const Entry& e) const {
    if (e.directive.kind == DirectiveKind::NoLintBegin && e.partner >= 0)
      return "between lines " + std::to_string(lineOf(e.directive.range.begin)) + " and " +
             std::to_string(lineOf(entries_[e.partner].directive.range.begin));
    if (e.firstLine == 0) return "(there is no code after it)";
    if (e.lastLine > e.firstLine)
      return "on lines " + std::to_string(e.firstLine) + "-" + std::to_string(e.lastLine);
    return "on line " + std::to_string(e.firstLine);
  }

  std::optional<SuppressionProblem> problemOf(size_t index) {
    Entry& e = entries_[index];
    const Directive& d = e.directive;
    if (d.kind == DirectiveKind::NoLintEnd && !e.unmatched) return std::nullopt; // with its BEGIN
    const bool noLint = isNoLintKind(d.kind);
    if (!d.error.empty() || e.unmatched) {
      if (noLint && !concernsUs(d)) return std::nullopt;
      SuppressionProblem p;
      p.range = d.range;
      p.malformed = true;
      if (!d.error.empty()) {
        p.message = "malformed suppression " + quoted(m_.text(d.range)) + ": " + d.error;
        if (!noLint) p.message += "; it suppresses nothing";
      } else {
        const std::string noLint(kNoLintWord);
        p.message = d.kind == DirectiveKind::NoLintBegin
                        ? "unmatched " + quoted(m_.text(d.range)) + ": no " + noLint + "E" "ND with the same checks follows it, so it suppresses nothing"
                        : "unmatched " + quoted(m_.text(d.range)) + ": no " + noLint + "BEG" "IN with the same checks comes before it";
      }
      return p;
    }
    if (!d.hasList) {
      // A bare NOLINT may be there for clang-tidy's own checks (or cpplint): never ours to judge.
      if (noLint || e.usedBare || !options_.findingsComplete || !rules_.everyApplicableRuleRan)
        return std::nullopt;
      return removal(index, {}, "unused suppression: it suppresses nothing " + where(e),
                     "Remove the unused suppression");
    }
    std::vector<ItemProblem> problems(d.items.size(), ItemProblem::None);
    std::vector<std::string> unused, unknown, duplicate, package;
    for (size_t k = 0; k < d.items.size(); ++k) {
      const std::string& name = d.items[k].name;
      std::string id = name;
      if (noLint) {
        if (!name.starts_with(kTidyPrefix)) continue; // clang-tidy's (or a negative glob)
        id = name.substr(kTidyPrefix.size());
      }
      if (id == kUnusedSuppressionRule) return std::nullopt; // kept on purpose
      bool repeated = false;
      for (size_t j = 0; j < k; ++j) repeated = repeated || d.items[j].name == name;
      ItemProblem& problem = problems[k];
      if (repeated) {
        problem = ItemProblem::Duplicate;
        duplicate.push_back(name);
      } else if (noLint && id.find('*') != std::string::npos) {
        std::vector<std::string> matched;
        for (const std::string& r : rules_.sourceRules)
          if (globMatch(name, std::string(kTidyPrefix) + r)) matched.push_back(r);
        if (matched.empty()) {
          problem = ItemProblem::Unknown;
          unknown.push_back(name);
        } else if (!e.usedItem[k] && options_.findingsComplete &&
                   std::ranges::all_of(matched, [&](const std::string& r) { return ran(r); })) {
          problem = ItemProblem::Unused;
          unused.push_back(name);
        }
      } else if (!known(id)) {
        if (packageRule(id)) {
          problem = ItemProblem::PackageRule;
          package.push_back(name);
        } else {
          problem = ItemProblem::Unknown;
          unknown.push_back(name);
        }
      } else if (!e.usedItem[k] && options_.findingsComplete && ran(id)) {
        problem = ItemProblem::Unused;
        unused.push_back(name);
      }
    }
    if (unused.empty() && unknown.empty() && duplicate.empty() && package.empty()) return std::nullopt;
    std::vector<std::string> parts;
    if (!unused.empty())
      parts.push_back(listing(unused) + (unused.size() == 1 ? " suppresses" : " suppress") +
                      " nothing " + where(e));
    for (const std::string& u : unknown) {
      const bool glob = u.find('*') != std::string::npos;
      parts.push_back(quoted(u) + (glob ? " matches no lambda-lint rule" : " is not a lambda-lint rule" + suggestion(u, noLint)));
    }
    for (const std::string& p : package)
      parts.push_back(quoted(p) + " reports deployment packages, which inline suppressions do not cover");
    if (!duplicate.empty()) parts.push_back(listing(duplicate) + (duplicate.size() == 1 ? " is" : " are") + " listed twice");
    std::string message = "unused suppression: ";
    for (size_t i = 0; i < parts.size(); ++i) message += (i ? "; " : "") + parts[i];
    std::vector<std::string> removed;
    for (size_t k = 0; k < d.items.size(); ++k)
      if (problems[k] != ItemProblem::None) removed.push_back(d.items[k].name);
    return removal(index, problems, std::move(message),
                   "Remove " + listing(removed) + " from the suppression");
  }

  /// A NOLINT concerns lambda-lint when it is bare or names `lambda-...` checks.
  static bool concernsUs(const Directive& d) {
    if (!d.hasList) return true;
    return std::ranges::any_of(d.items, [](const DirectiveItem& i) { return i.name.starts_with(kTidyPrefix); });
  }

  // ---- fixes -------------------------------------------------------------------------------

  /// The problem with its fix: remove the flagged items from the list, or the whole directive
  /// when nothing of it is left (and with it the comment, and the line when it was alone there).
  SuppressionProblem removal(size_t index, const std::vector<ItemProblem>& problems,
                             std::string message, std::string partialDescription) {
    const Entry& e = entries_[index];
    SuppressionProblem p;
    p.range = e.directive.range;
    p.message = std::move(message);
    const bool whole = std::ranges::all_of(problems, [](ItemProblem x) { return x != ItemProblem::None; });
    auto edit = [&](const Entry& target) {
      if (whole) removeDirective(target, p.edits);
      else removeItems(target.directive, problems, p.edits);
    };
    edit(e);
    if (e.partner >= 0) edit(entries_[e.partner]);
    p.fixDescription = whole ? "Remove the unused suppression" : std::move(partialDescription);
    return p;
  }

  void removeItems(const Directive& d, const std::vector<ItemProblem>& problems, std::vector<Edit>& edits) const {
    const std::string_view list = m_.text(d.list);
    std::string separator = list.find(", ") != std::string_view::npos ? ", " : ",";
    std::string kept;
    for (size_t k = 0; k < d.items.size(); ++k) {
      if (k < problems.size() && problems[k] != ItemProblem::None) continue;
      if (!kept.empty()) kept += separator;
      kept += d.items[k].name;
    }
    // Keep the blanks inside the brackets: `[ a, b ]` -> `[ b ]`.
    const uint32_t first = d.items.front().range.begin, last = d.items.back().range.end;
    edits.push_back({{first, last}, kept});
  }

  static bool isMarkerChar(char c) { return c == '#' || c == '/' || c == '*' || c == '!' || c == '<' || c == '-'; }

  /// Removes a directive that nothing of is left of: the comment when it holds nothing else,
  /// else the directive and what separates it from the rest of the comment.
  void removeDirective(const Entry& e, std::vector<Edit>& edits) const {
    const Comment& c = m_.comments[e.comment];
    const std::string_view text = m_.file->text();
    const ByteRange d = e.directive.range;
    // The comment's text around the directive, markers aside.
    uint32_t bodyBegin = c.range.begin, bodyEnd = c.range.end;
    while (bodyBegin < d.begin && isMarkerChar(text[bodyBegin])) ++bodyBegin;
    const std::string_view commentText = m_.text(c.range);
    if (commentText.starts_with("/*") && commentText.ends_with("*/") && bodyEnd - 2 >= d.end) bodyEnd -= 2;
    const std::string_view before = trim(text.substr(bodyBegin, d.begin - bodyBegin));
    const std::string_view after = trim(text.substr(d.end, bodyEnd - d.end));
    auto onlyMarkers = [](std::string_view s) { return std::ranges::all_of(s, [](char ch) { return isMarkerChar(ch) || isSpace(ch); }); };
    if (onlyMarkers(before) && onlyMarkers(after)) {
      removeComment(c, edits);
      return;
    }
    uint32_t begin = d.begin, end = d.end;
    if (!after.empty()) {
      // `# lambda-lint: ignore[x]; reason` -> `# reason`; `# a lambda-lint: ignore[x] b` -> `# a b`
      while (end < bodyEnd && isSpace(text[end])) ++end;
      if (end < bodyEnd && (text[end] == ';' || text[end] == ',')) ++end;
      while (end < bodyEnd && isSpace(text[end])) ++end;
    } else {
      // `# noqa: E501  lambda-lint: ignore[x]` -> `# noqa: E501`; a separator before it, or a
      // comment marker of its own (`# a  # lambda-lint: ...`), goes with it.
      while (begin > bodyBegin && isSpace(text[begin - 1])) --begin;
      if (begin > bodyBegin && (text[begin - 1] == ';' || text[begin - 1] == ',')) {
        --begin;
      } else {
        uint32_t marker = begin;
        while (marker > bodyBegin && (text[marker - 1] == '#' || text[marker - 1] == '/')) --marker;
        if (marker < begin && (marker == bodyBegin || isSpace(text[marker - 1]))) begin = marker;
      }
      while (begin > bodyBegin && isSpace(text[begin - 1])) --begin;
    }
    edits.push_back({{begin, end}, ""});
  }

  void removeComment(const Comment& c, std::vector<Edit>& edits) const {
    const std::string_view text = m_.file->text();
    if (c.ownLine) {
      const uint32_t first = lineOf(c.range.begin);
      const uint32_t last = lineOf(c.range.end > c.range.begin ? c.range.end - 1 : c.range.end);
      edits.push_back({{file_.lineStart(first), file_.lineEndWithNewline(last)}, ""});
      return;
    }
    const uint32_t lineBegin = file_.lineStart(lineOf(c.range.begin));
    uint32_t begin = c.range.begin, end = c.range.end;
    const uint32_t lastLine = lineOf(end > begin ? end - 1 : end);
    const std::string_view restOfLine = text.substr(end, file_.lineStart(lastLine) + file_.lineText(lastLine).size() - end);
    if (trim(restOfLine).empty()) {
      // A trailing comment: it goes with the blanks before it.
      while (begin > lineBegin && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
      edits.push_back({{begin, end}, ""});
      return;
    }
    // Code follows: one side's blanks go with it (`f(a /* c */)` -> `f(a)`, `/* c */ f()` ->
    // `f()`), and two tokens are never joined (`a/* c */b` -> `a b`).
    auto blank = [&](uint32_t i) { return text[i] == ' ' || text[i] == '\t'; };
    const bool atLineStart = begin == lineBegin;
    const bool blankBefore = !atLineStart && blank(begin - 1);
    const bool blankAfter = end < text.size() && blank(end);
    if (atLineStart || (blankBefore && blankAfter)) {
      while (end < text.size() && blank(end)) ++end;
    } else if (blankBefore) {
      while (begin > lineBegin && blank(begin - 1)) --begin;
    }
    edits.push_back({{begin, end}, atLineStart || blankBefore || blankAfter ? "" : " "});
  }

  const Module& m_;
  const SourceFile& file_;
  const SuppressionRules& rules_;
  const SuppressionOptions& options_;
  std::vector<Entry> entries_;
  std::unordered_map<uint32_t, std::vector<size_t>> byLine_;
  std::vector<size_t> blocks_;
  std::vector<bool> commentOnly_;
};

} // namespace

SuppressionResult applySuppressions(const Module& module, std::vector<Finding>& findings,
                                    const SuppressionRules& rules, const SuppressionOptions& options) {
  if (module.comments.empty() || !module.file) return {};
  return Applier(module, rules, options).run(findings);
}

} // namespace ll
