#include "pipeline/Analyzer.h"

#include "checks/UnusedSuppression.h"
#include "core/Analysis.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace ll {

FrontendOptions frontendOptions(const Profile& profile, const std::filesystem::path& absolute) {
  FrontendOptions fo(profile.catalogue);
  fo.handlers = profile.handlersFor(absolute);
  for (const std::string& h : fo.handlers) fo.handlerOrigins[h] = profile.configPath;
  return fo;
}

ModelAnalysis::ModelAnalysis(const Module& m, const Profile& p, const ProjectFacts* facts)
    : module(m), profile(p), invocation(m, facts), weights(p.costs->weigh(m, facts)),
      init(p.costs->estimate(m, weights)) {}

CheckContext ModelAnalysis::context() const {
  return CheckContext{module, profile.catalogue, invocation, editorFor(module.language),
                      *profile.costs, weights, init};
}

std::string handlerKey(const std::string& path) {
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
  return ec ? path : p.string();
}

Analyzer::Analyzer(const Configuration& config, std::map<std::string, std::set<std::string>> handlers)
    : config_(config), handlers_(std::move(handlers)) {}

FileOutcome Analyzer::analyzePath(const std::string& path) const {
  return check(lowerPath(path), nullptr);
}

FileOutcome Analyzer::analyzeText(const std::string& path, Language language, std::string text,
                                  const ProjectFacts* facts) const {
  return check(lowerText(path, language, std::move(text)), facts);
}

LoweredFile Analyzer::lowerPath(const std::string& path) const {
  LoweredFile lf;
  FileOutcome& out = lf.outcome;
  out.language = languageForPath(path);
  auto notice = [&](Level level, std::string message) {
    out.notices.push_back({level, path, std::nullopt, std::move(message)});
    return std::move(lf);
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    out.unreadable = true;
    return notice(Level::Error, std::string("cannot read: ") + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) return notice(Level::Note, "not a regular file; skipped");
  if (static_cast<size_t>(st.st_size) > kMaxSourceBytes) {
    return notice(Level::Note, "skipped: " + std::to_string(st.st_size / 1024) +
                                   " KiB is larger than the " +
                                   std::to_string(kMaxSourceBytes / 1024 / 1024) +
                                   " MiB lambda-lint reads as handler source (generated or bundled "
                                   "code?)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.unreadable = true;
    return notice(Level::Error, std::string("cannot read: ") + std::strerror(errno));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    out.unreadable = true;
    return notice(Level::Error, "cannot read: I/O error");
  }
  if (text.find('\0') != std::string::npos) return notice(Level::Note, "binary file; skipped");
  if (!out.language) return notice(Level::Note, "no frontend for this kind of file; skipped");
  return lowerText(path, *out.language, std::move(text));
}

LoweredFile Analyzer::lowerText(const std::string& path, Language language, std::string text) const {
  LoweredFile lf;
  FileOutcome& out = lf.outcome;
  out.language = language;
  out.validUtf8 = isValidUtf8(text);
  auto file = std::make_shared<const SourceFile>(path, std::move(text));
  out.file = file;
  if (!out.validUtf8)
    out.notices.push_back({Level::Warning, path, std::nullopt,
                           "not valid UTF-8; analysed as far as it reads, and no fixes are applied "
                           "to it"});
  const Profile& profile = config_.forPath(path);
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec).lexically_normal();
  lf.profile = &profile;
  lf.absolute = absolute;
  FrontendOptions fo = frontendOptions(profile, absolute);
  fo.compileDatabaseDir = compileDatabaseDir_;
  fo.compileArgs = compileArgs_;
  if (!handlers_.empty()) {
    auto it = handlers_.find(handlerKey(path));
    if (it != handlers_.end())
      for (const std::string& h : it->second) {
        fo.handlers.insert(h);
        fo.handlerOrigins.erase(h); // --handler said it too
      }
  }
  // One parse and one walk build the model; every check reads the same model.
  lf.module = lower(language, file, fo);
  out.hasSyntaxErrors = lf.module->hasSyntaxErrors;
  for (auto& n : lf.module->notices) out.notices.push_back(std::move(n));
  lf.module->notices = {};
  return lf;
}

FileOutcome Analyzer::check(const LoweredFile& lowered, const ProjectFacts* facts) {
  FileOutcome out = lowered.outcome;
  if (!lowered.module) return out; // skipped
  const Module& module = *lowered.module;
  const Profile& profile = *lowered.profile;
  const std::filesystem::path& absolute = lowered.absolute;
  const ModelAnalysis analysis(module, profile, facts);
  out.init = analysis.init;
  const std::vector<const Check*> checks = profile.checksFor(absolute);
  for (const Check* check : checks) check->run(analysis.context(), out.findings);
  applyInlineSuppressions(module, checks, out.findings, out.notices);
  profile.applySeverity(out.findings);
  // Fixes are verified by re-parsing; a file that does not parse or decode cannot be verified.
  if (out.hasSyntaxErrors || !out.validUtf8)
    for (Finding& f : out.findings) f.fixes.clear();
  out.analysed = true;
  return out;
}

} // namespace ll
