// The clang-tidy plugin: lambda-lint's C++ rules as clang-tidy checks.
//
//   clang-tidy-16 --load=build/lib/liblambda-lint-tidy.so --checks='-*,lambda-*' handler.cpp -- ...
//
// Each clang-tidy check wraps the lambda-lint Check of the same id (checks/*.cpp): the plugin
// lowers clang-tidy's AST with the C++ frontend (lowerCppAst), runs the check on the model and
// turns its findings into clang-tidy diagnostics. Messages are the CLI's; safe fixes are fix-its
// on the warning (applied by --fix), unsafe ones sit on an "unsafe fix" note (applied only with
// --fix-notes). The module links no clang-tidy library: those symbols come from the clang-tidy
// executable that loads it.
//
// Suppressions: clang-tidy itself honours its NOLINT comments (all their forms) for the
// `lambda-*` checks. The plugin adds lambda-lint's own `// lambda-lint: ignore[rule]` (same
// reading as the CLI, core/Suppressions.h), so a file suppressed for one is suppressed for the
// other. Reporting suppressions that suppress nothing (unused-suppression) is the CLI's.
#include "checks/Check.h"
#include "core/Analysis.h"
#include "core/Catalogue.h"
#include "core/DataDir.h"
#include "core/ImportCosts.h"
#include "core/InitCost.h"
#include "core/Suppressions.h"
#include "frontends/Registry.h"
#include "frontends/cpp/CppFrontend.h"
#include "tool/Config.h"

#include <clang-tidy/ClangTidyCheck.h>
#include <clang-tidy/ClangTidyModule.h>
#include <clang-tidy/ClangTidyModuleRegistry.h>
#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Preprocessor.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <set>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ll::tidy {

namespace {

/// The rules the plugin offers, as clang-tidy names them with the "lambda-" prefix.
constexpr std::array<const char*, 4> kRules = {"client-in-handler", "connection-in-handler",
                                               "config-fetch-in-handler", "sdk-init-in-handler"};

/// What the checks of one translation unit share: the model is built once, not once per check.
struct Lowered {
  const Profile* profile = nullptr; // the file's .lambda-lint.yaml, with the plugin's defaults
  std::filesystem::path path;       // absolute
  Module module;
  std::unique_ptr<InvocationAnalysis> invocation;
  std::vector<ImportWeight> weights;
  InitEstimate init;
};

/// The .lambda-lint.yaml files, found upward from each main file as the CLI finds them: their
/// catalogue entries, handler names and per-path ignores apply here too, so the plugin and the
/// CLI see the same handlers and clients. Which checks run and how severe they are stays
/// clang-tidy's business (--checks, WarningsAsErrors), within what the configuration enables.
const Configuration& configuration() {
  static const Options options;
  static const Configuration config(options, nullptr);
  return config;
}

/// The lowered translation units, keyed by their ASTContext. An entry lives from the first
/// check() of a translation unit to its end (onEndOfTranslationUnit, called for every check
/// after all matching is done), so a later ASTContext at the same address never sees it.
class LoweredCache {
public:
  /// The lowered translation unit of `ctx`; `comments` collected its main file's comments.
  const Lowered& get(clang::ASTContext& ctx, const CppCommentCollector& comments) {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto it = cache_.find(&ctx);
    if (it != cache_.end()) return *it->second;
    const clang::SourceManager& sm = ctx.getSourceManager();
    const clang::FileID main = sm.getMainFileID();
    std::string path;
    if (const clang::FileEntry* fe = sm.getFileEntryForID(main)) path = fe->getName().str();
    std::string absolute = path;
    if (const clang::FileEntry* fe = sm.getFileEntryForID(main))
      if (!fe->tryGetRealPathName().empty()) absolute = fe->tryGetRealPathName().str();
    auto file = std::make_shared<const SourceFile>(path, sm.getBufferData(main).str());
    auto lowered = std::make_unique<Lowered>();
    lowered->path = std::filesystem::path(absolute).lexically_normal();
    lowered->profile = &configuration().forPath(lowered->path.string());
    FrontendOptions options(lowered->profile->catalogue);
    options.handlers = lowered->profile->handlersFor(lowered->path);
    for (const std::string& h : options.handlers) options.handlerOrigins[h] = lowered->profile->configPath;
    std::vector<Comment> fileComments = comments.comments(*file);
    lowered->module = lowerCppAst(ctx, std::move(file), options, std::move(fileComments));
    lowered->module.hasSyntaxErrors = ctx.getDiagnostics().hasErrorOccurred();
    lowered->invocation = std::make_unique<InvocationAnalysis>(lowered->module);
    lowered->weights = lowered->profile->costs->weigh(lowered->module);
    lowered->init = lowered->profile->costs->estimate(lowered->module, lowered->weights);
    return *cache_.emplace(&ctx, std::move(lowered)).first->second;
  }

  void drop(const clang::ASTContext* ctx) {
    const std::lock_guard<std::mutex> lock(mutex_);
    cache_.erase(ctx);
  }

private:
  std::mutex mutex_;
  std::map<const clang::ASTContext*, std::unique_ptr<Lowered>> cache_;
};

LoweredCache& loweredCache() {
  static LoweredCache cache;
  return cache;
}

/// clang's diagnostic formatter reads '%' as the start of an argument.
std::string escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '%') out += '%';
    out += c;
  }
  return out;
}

/// One lambda-lint rule as a clang-tidy check.
class LambdaLintCheck final : public clang::tidy::ClangTidyCheck {
public:
  LambdaLintCheck(llvm::StringRef name, clang::tidy::ClangTidyContext* context, const Check& check)
      : ClangTidyCheck(name, context), check_(check) {}

  bool isLanguageVersionSupported(const clang::LangOptions& lang) const override {
    return lang.CPlusPlus;
  }

  void registerPPCallbacks(const clang::SourceManager& /*sm*/, clang::Preprocessor* pp,
                           clang::Preprocessor* /*moduleExpanderPP*/) override {
    // Each check collects for itself: a check lives for one translation unit, so the handler
    // never outlives what it listens to, and the copies cost a few ranges per comment.
    comments_.attach(*pp);
  }

  void registerMatchers(clang::ast_matchers::MatchFinder* finder) override {
    finder->addMatcher(clang::ast_matchers::translationUnitDecl().bind("tu"), this);
  }

  void check(const clang::ast_matchers::MatchFinder::MatchResult& result) override {
    // The installed data files (core/DataDir.h, found from where this plugin is); a broken one
    // is a clang-tidy error that names the file and line, and nothing is checked.
    try {
      (void)Catalogue::builtin();
      (void)ImportCosts::builtin();
    } catch (const DataError& e) {
      configurationDiag(escape(std::string("lambda-lint: ") + e.what()), clang::DiagnosticIDs::Error);
      return;
    }
    clang::ASTContext& ctx = *result.Context;
    context_ = &ctx;
    const Lowered& lowered = loweredCache().get(ctx, comments_);
    reportConfigurationErrors();
    const std::vector<const Check*> enabled = lowered.profile->checksFor(lowered.path);
    if (std::find(enabled.begin(), enabled.end(), &check_) == enabled.end()) return;
    const CheckContext cc{lowered.module, lowered.profile->catalogue, *lowered.invocation,
                          editorFor(Language::Cpp), *lowered.profile->costs, lowered.weights, lowered.init};
    std::vector<Finding> findings;
    check_.run(cc, findings);
    suppress(lowered.module, findings);
    const clang::SourceManager& sm = ctx.getSourceManager();
    const clang::SourceLocation start = sm.getLocForStartOfFile(sm.getMainFileID());
    auto at = [&](uint32_t offset) { return start.getLocWithOffset(static_cast<int>(offset)); };
    auto addFixIts = [&](clang::DiagnosticBuilder& d, const Fix& fix) {
      for (const Edit& e : fix.edits) {
        if (e.range.begin == e.range.end)
          d << clang::FixItHint::CreateInsertion(at(e.range.begin), e.text);
        else
          d << clang::FixItHint::CreateReplacement(
              clang::CharSourceRange::getCharRange(at(e.range.begin), at(e.range.end)), e.text);
      }
    };
    for (const Finding& f : findings) {
      // As the CLI: fixes are verified against code that compiles, so none for code that does not.
      const bool fixable = !lowered.module.hasSyntaxErrors;
      const Fix* safe = nullptr;
      if (fixable)
        for (const Fix& fix : f.fixes)
          if (fix.applicability == Applicability::Safe) {
            safe = &fix;
            break;
          }
      {
        clang::DiagnosticBuilder d = diag(at(f.range.begin), escape(f.message));
        if (safe) addFixIts(d, *safe);
      }
      for (const RelatedLocation& r : f.related)
        diag(at(r.range.begin), escape(r.message), clang::DiagnosticIDs::Note);
      if (!fixable) continue;
      for (const Fix& fix : f.fixes) {
        if (&fix == safe) continue;
        if (fix.applicability == Applicability::DisplayOnly) {
          diag(at(f.range.begin), escape("suggestion: " + fix.description), clang::DiagnosticIDs::Note);
          continue;
        }
        // Unsafe fixes (and a second safe one, which the first would conflict with) are
        // offered on a note: clang-tidy applies those only with --fix-notes.
        const char* label = fix.applicability == Applicability::Unsafe ? "unsafe fix: " : "alternative fix: ";
        clang::DiagnosticBuilder d =
            diag(at(f.range.begin), escape(label + fix.description), clang::DiagnosticIDs::Note);
        addFixIts(d, fix);
      }
    }
  }

  void onEndOfTranslationUnit() override {
    if (context_) loweredCache().drop(context_);
    context_ = nullptr;
    comments_.detach();
  }

private:
  /// A .lambda-lint.yaml with errors: said once per run, as clang-tidy says a bad .clang-tidy
  /// option. The file then gets the defaults.
  void reportConfigurationErrors() {
    static std::mutex mutex;
    static std::set<std::string> reported;
    for (const std::string& e : configuration().errors()) {
      const std::lock_guard<std::mutex> lock(mutex);
      if (reported.insert(e).second)
        configurationDiag(escape("lambda-lint: " + e + " (the file's settings are not used)"),
                          clang::DiagnosticIDs::Error);
    }
  }

  /// Drops the findings a `lambda-lint: ignore[...]` covers (NOLINT is clang-tidy's business).
  void suppress(const Module& module, std::vector<Finding>& findings) const {
    SuppressionRules rules;
    for (const auto& c : allChecks())
      (c->onPackages() ? rules.packageRules : rules.sourceRules).emplace_back(c->info().id);
    rules.ran.emplace_back(check_.info().id);
    SuppressionOptions options;
    options.noLint = false;
    options.reportUnused = false;
    applySuppressions(module, findings, rules, options);
  }

  const Check& check_;
  const clang::ASTContext* context_ = nullptr;
  CppCommentCollector comments_;
};

class LambdaLintTidyModule final : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(clang::tidy::ClangTidyCheckFactories& factories) override {
    for (const char* id : kRules) {
      const Check* check = findCheck(id);
      if (!check) continue; // a rule this build does not have yet
      factories.registerCheckFactory(
          std::string("lambda-") + id,
          [check](llvm::StringRef name, clang::tidy::ClangTidyContext* context) {
            return std::make_unique<LambdaLintCheck>(name, context, *check);
          });
    }
  }
};

} // namespace

} // namespace ll::tidy

// NOLINTNEXTLINE(cppcoreguidelines-avoid-non-const-global-variables): the registration
static clang::tidy::ClangTidyModuleRegistry::Add<ll::tidy::LambdaLintTidyModule>
    kLambdaLintModule("lambda-lint-module", "Adds lambda-lint's checks of AWS Lambda handlers.");
