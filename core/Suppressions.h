#pragma once
// Inline suppressions, read from the comments the frontends collect (Module::comments):
//
//   s3 = boto3.client("s3")  # lambda-lint: ignore[client-in-handler]
//   // lambda-lint: ignore[client-in-handler, connection-in-handler]   (on the next code line)
//   # lambda-lint: ignore                                               (every rule there)
//   Aws::S3::S3Client s3;  // NOLINT(lambda-client-in-handler)         (C++, as in clang-tidy)
//
// A `lambda-lint: ignore` directive may sit in any comment of any language. Trailing code, it
// covers the findings that start on its line(s); alone on its line(s), the findings that start
// on the next line holding code (blank lines and comment-only lines are passed over). In C++,
// clang-tidy's NOLINT comments (the plain form and the NEXTLINE, BEGIN and END forms) work as
// clang-tidy reads them, with lambda-lint's rules named `lambda-<rule>` and clang-tidy's globs
// (`lambda-*`). (No directive is spelt whole in this file's comments: clang-tidy lints it.)
// Findings about a whole deployment package cannot be suppressed inline.
//
// This file is language-neutral: it parses directives, decides which findings they cover and
// what in them suppresses nothing. checks/UnusedSuppression.cpp applies it to a file's
// findings and reports the problems as the `unused-suppression` rule.
#include "core/Diagnostic.h"
#include "core/Model.h"

#include <string>
#include <string_view>
#include <vector>

namespace ll {

/// The rule that reports suppressions that suppress nothing (checks/UnusedSuppression.cpp).
inline constexpr std::string_view kUnusedSuppressionRule = "unused-suppression";
/// How clang-tidy names lambda-lint's rules: `lambda-client-in-handler`.
inline constexpr std::string_view kTidyPrefix = "lambda-";

enum class DirectiveKind {
  Ignore,         // lambda-lint: ignore[...]
  NoLint,         // the plain form: its own line
  NoLintNextLine, // the NEXTLINE form: the next line
  NoLintBegin,    // the BEGIN form: up to the matching END form
  NoLintEnd,
};

/// One entry of a directive's list, as written (trimmed).
struct DirectiveItem {
  /// "client-in-handler"; in clang-tidy's lists a glob: "lambda-*", "-foo"
  std::string name;
  ByteRange range;
};

struct Directive {
  DirectiveKind kind = DirectiveKind::Ignore;
  /// "lambda-lint: ignore[a, b]", or clang-tidy's word with its list.
  ByteRange range;
  /// False for a bare directive (`lambda-lint: ignore`, clang-tidy's word alone): every rule.
  bool hasList = false;
  ByteRange list;        // between the brackets or parentheses, when hasList
  std::vector<DirectiveItem> items;
  /// Set when the directive is malformed: what is wrong with it. A malformed `lambda-lint:`
  /// directive suppresses nothing; a NOLINT whose `(` is not closed is read as clang-tidy reads
  /// it, as a bare NOLINT (every check).
  std::string error;
};

/// The directives in the text of one comment, which starts at byte `offset` of its file.
/// `noLint`: also read clang-tidy's NOLINT directives (C++ files).
std::vector<Directive> parseDirectives(std::string_view comment, uint32_t offset, bool noLint);

/// What a file's run knows about rules.
struct SuppressionRules {
  std::vector<std::string> sourceRules;  // every rule that reads source files
  std::vector<std::string> packageRules; // every rule about deployment packages
  std::vector<std::string> ran;          // the rules that ran on this file
  /// Every source rule that applies to the file's language ran: only then can a bare
  /// `lambda-lint: ignore` that suppressed nothing be called unused.
  bool everyApplicableRuleRan = false;
};

struct SuppressionOptions {
  /// Honour C++ NOLINT directives. The clang-tidy plugin leaves them to clang-tidy.
  bool noLint = false;
  /// Work out what suppresses nothing (the unused-suppression rule runs). Malformed
  /// directives are problems either way.
  bool reportUnused = false;
  /// The findings of the file are complete (it parsed without errors). When they may not be,
  /// a suppression that matched nothing is not reported as unused; unknown or duplicated rule
  /// ids and malformed directives still are.
  bool findingsComplete = true;
};

/// A suppression that suppresses nothing, or part of one, or a malformed one.
struct SuppressionProblem {
  ByteRange range;        // the directive
  std::string message;
  bool malformed = false; // then there is no fix: what was meant is not known
  std::string fixDescription;
  std::vector<Edit> edits; // remove what is unused: ids from the list, the directive, the comment or its line
};

struct SuppressionResult {
  size_t suppressed = 0; // findings dropped
  std::vector<SuppressionProblem> problems;
};

/// Drops from `findings` those an inline suppression of `module` covers and, when
/// options.reportUnused, returns what in its suppressions suppresses nothing. Problems that
/// an explicit `unused-suppression` in a directive covers are left out; a directive that names
/// `unused-suppression` itself is never reported (a suppression kept on purpose, e.g. one
/// needed only with some options).
SuppressionResult applySuppressions(const Module& module, std::vector<Finding>& findings,
                                    const SuppressionRules& rules, const SuppressionOptions& options);

} // namespace ll
