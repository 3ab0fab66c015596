#include "tool/Driver.h"

#include "checks/UnusedSuppression.h"
#include "core/DataDir.h"
#include "core/Glob.h"
#include "core/RuleDocs.h"
#include "tool/Baseline.h"
#include "tool/Discovery.h"
#include "tool/Fixer.h"
#include "frontends/Linker.h"
#include "frontends/Registry.h"
#include "output/HtmlReport.h"
#include "output/Output.h"
#include "output/Repository.h"
#include "tool/Version.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace ll {

namespace {

/// The deployment packages and layers of the run, read and summarised.
struct ReadPackages {
  std::vector<RunResult::PackageResult> results;
  bool unreadable = false; // a package could not be read at all
};

/// Reads the deployment packages (zips and --package folders) and layers, and summarises each.
ReadPackages readPackages(const std::vector<std::string>& zips, const std::vector<std::string>& dirs,
                          const std::vector<std::string>& layers, std::ostream& err) {
  const bool progress = ::isatty(STDERR_FILENO) != 0;
  auto read = [&](const std::string& path, bool layer) {
    std::error_code ec;
    Package p;
    if (std::filesystem::is_directory(path, ec)) {
      std::function<void(uint64_t)> report;
      if (progress)
        report = [&](uint64_t files) { err << "\rlambda-lint: reading " << path << ": " << files << " files" << std::flush; };
      p = readFolder(path, report);
      if (progress) err << "\r\033[K" << std::flush;
    } else {
      p = readZip(path);
    }
    p.layer = layer;
    return p;
  };
  ReadPackages out;
  out.results.reserve(zips.size() + dirs.size() + layers.size());
  for (const std::string& z : zips) out.results.push_back({read(z, false), {}});
  for (const std::string& d : dirs) out.results.push_back({read(d, false), {}});
  for (const std::string& l : layers) out.results.push_back({read(l, true), {}});
  for (auto& r : out.results) {
    if (!r.package.readable) {
      out.unreadable = true;
      continue;
    }
    r.analysis = analyzePackage(r.package);
  }
  return out;
}

/// The function's own source files in the deployment packages (not its installed dependencies,
/// tests or docs; not in layers, which hold libraries): a zip's are read into memory, a
/// folder's are the files themselves. Files discovered already are not added twice.
std::vector<DiscoveredFile> packagedSources(const ReadPackages& packages, const Configuration& config,
                                            const std::vector<DiscoveredFile>& discovered,
                                            std::vector<Notice>& notices) {
  namespace fs = std::filesystem;
  if (packages.results.empty()) return {}; // most runs: no path below is worth computing
  std::set<std::string> known;
  for (const DiscoveredFile& f : discovered) {
    std::error_code ec;
    known.insert(fs::absolute(f.path, ec).lexically_normal().string());
  }
  std::vector<DiscoveredFile> out;
  for (const auto& r : packages.results) {
    const Package& p = r.package;
    if (!p.readable || p.layer) continue;
    std::vector<size_t> chosen;
    std::vector<std::string> paths;
    for (size_t i = 0; i < p.entries.size(); ++i) {
      const PackageEntry& e = p.entries[i];
      if (e.symlink || i >= r.analysis.own.size() || !r.analysis.own[i] ||
          r.analysis.kinds[i] != ArtifactKind::Code || !languageForPath(e.path))
        continue;
      std::string path = (fs::path(p.path) / e.path).string();
      if (config.excluded(path, false)) continue;
      std::error_code ec;
      if (!known.insert(fs::absolute(path, ec).lexically_normal().string()).second) continue;
      chosen.push_back(i);
      paths.push_back(std::move(path));
    }
    if (p.source == Package::Source::Folder) {
      for (std::string& path : paths) out.push_back({std::move(path), std::nullopt});
      continue;
    }
    std::vector<ArchiveText> texts = readZipTexts(p, chosen, Analyzer::kMaxSourceBytes);
    for (size_t k = 0; k < chosen.size(); ++k) {
      if (!texts[k].error.empty()) {
        notices.push_back({Level::Note, paths[k], std::nullopt, texts[k].error});
        continue;
      }
      out.push_back({std::move(paths[k]), std::move(texts[k].text)});
    }
  }
  return out;
}

/// Runs the package rules on each package read and adds findings, notices and figures to
/// `run`. Returns true when a package could not be read at all.
bool checkPackages(ReadPackages packages, const Configuration& config, RunResult& run) {
  uint64_t layerBytes = 0;
  size_t layers = 0;
  for (auto& r : packages.results) {
    if (r.package.layer) ++layers;
    if (r.package.layer && r.package.readable) layerBytes += r.package.unzippedBytes;
    for (const Notice& n : r.package.notices) run.notices.push_back(n);
  }
  for (auto& r : packages.results) {
    if (!r.package.readable) continue;
    // A package is checked with the configuration of the folder it is in.
    const Profile& profile = config.forPath(r.package.path);
    PackageOptions options;
    options.budgetShare = profile.packageBudget;
    r.budgetShare = profile.packageBudget;
    auto artifact = std::make_shared<const SourceFile>(r.package.path, std::string());
    const PackageContext ctx{r.package, r.analysis, layerBytes, layers, options, artifact};
    std::vector<Finding> findings;
    for (const Check* c : profile.checks)
      if (c->onPackages()) c->runPackage(ctx, findings);
    profile.applySeverity(findings);
    for (Finding& f : findings) run.findings.push_back(std::move(f));
  }
  run.layersUnzippedBytes = layerBytes;
  for (auto& r : packages.results)
    if (r.package.readable) run.packages.push_back(std::move(r));
  return packages.unreadable;
}

bool useColor(const Options& o) {
  if (o.color == ColorMode::Always) return true;
  if (o.color == ColorMode::Never) return false;
  const char* noColor = std::getenv("NO_COLOR");
  if (noColor && *noColor) return false;
  return o.outputFile.empty() && ::isatty(STDOUT_FILENO);
}

/// Checks that --select and --ignore name rules (an id, or a glob such as `package-*` that
/// matches one); returns an error message or "".
std::string checkRuleSelectors(const Options& o) {
  for (const auto* list : {&o.select, &o.ignore})
    for (const std::string& id : *list) {
      const bool known = id.find('*') == std::string::npos
                             ? findCheck(id) != nullptr
                             : std::any_of(allChecks().begin(), allChecks().end(), [&](const auto& c) {
                                 return globMatch(id, c->info().id);
                               });
      if (!known) return "unknown rule '" + id + "' (see --list-rules)";
    }
  return "";
}

/// What the command line asks that needs no run: --help, --version, --explain, --list-rules,
/// and rule selectors naming no rule. Returns the exit status when it answered.
std::optional<int> answerWithoutRun(const Options& o, std::ostream& out, std::ostream& err) {
  if (o.help) {
    out << usageText();
    return 0;
  }
  if (o.version) {
    out << versionText();
    return 0;
  }
  if (std::string error = checkRuleSelectors(o); !error.empty()) {
    err << "lambda-lint: error: " << error << "\n";
    return 2;
  }
  if (!o.explain.empty()) {
    if (!findCheck(o.explain)) {
      err << "lambda-lint: error: unknown rule '" << o.explain << "' (see --list-rules)\n";
      return 2;
    }
    out << ruleDoc(o.explain).markdown;
    return 0;
  }
  if (o.listRules) {
    std::vector<const Check*> all;
    for (const auto& c : allChecks()) all.push_back(c.get());
    if (o.format == Format::Json) writeRuleListJson(out, all);
    else writeRuleListText(out, all);
    return 0;
  }
  return std::nullopt;
}

/// One file of the run: its analysis and, with --fix or --diff, its fixed text.
struct Slot {
  FileOutcome outcome;
  FixResult fixed;
  bool changed = false;
  size_t remaining = 0; // findings left after fixing
};

/// Runs `work(i)` for i in [0, n) on -j threads.
template <typename Work> void onThreads(size_t n, const Options& o, Work work) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next.fetch_add(1)) < n;) work(i);
  };
  unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<size_t>(jobs, std::max<size_t>(1, n)));
  std::vector<std::jthread> threads;
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
}

/// Analyses (and with --fix or --diff fixes) every discovered file on -j threads, as one
/// project: every file is lowered first, then the files are linked (a handler's calls into the
/// project's other files, frontends/Linker.h), and then each file's checks run with what the
/// others tell about it (core/Project.h).
///
/// Keeping every model until linking costs memory and time (each file's model lands on fresh
/// pages), so a file that imports nothing of the project is checked as soon as it is lowered. If
/// it also has a handler, only its outline (projectView) is kept: such a file is rarely another's
/// helper.
/// Should linking find that another file's handler reaches into it after all, it is lowered again
/// from the text already read and checked with what linking found; every other file is lowered
/// once.
std::vector<Slot> analyseFiles(const std::vector<DiscoveredFile>& files, const Analyzer& analyzer,
                               const Options& o) {
  const bool fixing = o.fix || o.diff;
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const DiscoveredFile& f : files) paths.push_back(f.path);
  const ImportableNames names = importableNames(paths);

  std::vector<LoweredFile> lowered(files.size());
  std::vector<Slot> slots(files.size());
  std::vector<char> checked(files.size(), 0);
  std::vector<char> thinned(files.size(), 0);
  onThreads(files.size(), o, [&](size_t i) {
    LoweredFile& l = lowered[i];
    const DiscoveredFile& file = files[i];
    l = file.archivedText ? analyzer.lowerText(file.path, *languageForPath(file.path), *file.archivedText)
                          : analyzer.lowerPath(file.path);
    if (l.module && mayImportProject(*l.module, names)) return; // checked once linked
    slots[i].outcome = Analyzer::check(l, nullptr);
    checked[i] = 1;
    if (l.module && hasEntryPoint(*l.module)) {
      l.module = projectView(std::move(*l.module));
      l.outcome = {}; // checked: slots[i] holds it
      thinned[i] = 1;
    }
  });

  std::vector<const Module*> modules;
  std::vector<char> mayImport;
  std::vector<std::string> absolutePaths;
  std::vector<int> moduleOf(files.size(), -1);
  for (size_t i = 0; i < lowered.size(); ++i)
    if (lowered[i].module) {
      moduleOf[i] = int(modules.size());
      modules.push_back(&*lowered[i].module);
      mayImport.push_back(checked[i] ? 0 : 1);
      absolutePaths.push_back(lowered[i].absolute.string());
    }
  const ProjectLinkage links = linkModules(modules, mayImport, absolutePaths);
  const std::vector<ProjectFacts> facts = projectFacts(modules, links.calls, links.imports, links.entries);

  onThreads(files.size(), o, [&](size_t i) {
    Slot& s = slots[i];
    const ProjectFacts* f = moduleOf[i] >= 0 && !facts[size_t(moduleOf[i])].empty() ? &facts[size_t(moduleOf[i])] : nullptr;
    if (thinned[i] && f) {
      // Another file reaches into this one: lowered again from the text it was checked with.
      const SourceFile& text = *s.outcome.file;
      lowered[i] = analyzer.lowerText(text.path(), *s.outcome.language, std::string(text.text()));
      s.outcome = Analyzer::check(lowered[i], f);
    } else if (!checked[i] || f) {
      s.outcome = Analyzer::check(lowered[i], f);
    }
    lowered[i] = {}; // freed here, on the worker threads
    s.remaining = s.outcome.findings.size();
    if (files[i].archivedText) {
      // A file of a zip: its fixes could only be written into the archive.
      for (Finding& finding : s.outcome.findings) finding.fixes.clear();
      return;
    }
    if (!fixing || s.outcome.findings.empty() || !s.outcome.analysed) return;
    if (s.outcome.hasSyntaxErrors || !s.outcome.validUtf8) return;
    s.fixed = fixToConvergence(analyzer, s.outcome, o.unsafeFixes, f);
    s.changed = s.fixed.text != s.outcome.file->text();
    if (s.changed) s.remaining = s.fixed.remaining; // the fixer analysed its last text already
  });
  return slots;
}

/// What gathering the files' results found besides the RunResult.
struct Gathered {
  bool unreadable = false; // a file could not be read, or its fixes not written
  size_t remaining = 0;    // findings a new run would report
  std::string diffs;       // --diff: the unified diffs
};

/// Moves the files' findings, notices and estimates into `run` in path order, and writes the
/// fixed files (--fix) or collects their diffs (--diff).
Gathered gatherFiles(std::vector<Slot>& slots, const Options& o, RunResult& run) {
  Gathered g;
  for (Slot& s : slots) {
    if (s.outcome.analysed) ++run.filesAnalyzed;
    g.unreadable = g.unreadable || s.outcome.unreadable;
    for (auto& n : s.outcome.notices) run.notices.push_back(std::move(n));
    for (auto& n : s.fixed.notices) run.notices.push_back(std::move(n));
    for (auto& f : s.outcome.findings) run.findings.push_back(std::move(f));
    if (s.outcome.init.computed) run.initEstimates.push_back({s.outcome.file, std::move(s.outcome.init)});
    g.remaining += s.remaining;
    if (!s.changed) continue;
    if (o.diff) {
      g.diffs += unifiedDiff(s.outcome.file->path(), s.outcome.file->text(), s.fixed.text);
      run.fixesApplied += s.fixed.applied;
      continue;
    }
    std::string werr = writeFileAtomically(s.outcome.file->path(), s.fixed.text);
    if (!werr.empty()) {
      run.notices.push_back({Level::Error, s.outcome.file->path(), std::nullopt,
                             "fixes not written: " + werr});
      g.unreadable = true;
      g.remaining += s.outcome.findings.size() - s.remaining;
    } else {
      run.fixesApplied += s.fixed.applied;
    }
  }
  return g;
}

/// --diff: the diffs on stdout, the count on stderr (like ruff); status 1 when there is
/// something to fix.
int reportDiff(const RunResult& run, const Gathered& g, std::ostream& out, std::ostream& err) {
  out << g.diffs << std::flush;
  err << (run.fixesApplied ? "Would fix " + std::to_string(run.fixesApplied) + " finding" +
                                 (run.fixesApplied == 1 ? "" : "s") + ".\n"
                           : std::string("No fixes available.\n"));
  for (const Notice& n : run.notices)
    if (n.level != Level::Note) err << n.path << ": " << levelName(n.level) << ": " << n.message << "\n";
  return g.unreadable ? 2 : (g.diffs.empty() ? 0 : 1);
}

/// Writes the run in the chosen format (to -o or stdout) and the --report page. Returns false
/// after reporting a file that could not be written.
bool writeOutputs(const RunResult& run, const Options& o, const Configuration& config,
                  const ProjectInfo& project, std::ostream& out, std::ostream& err) {
  OutputOptions oo;
  oo.color = useColor(o);
  oo.showSource = o.showSource;
  oo.srcRoot = project.root.string();
  oo.rules = config.checksInUse();
  oo.commandLine = o.commandLine;
  oo.sarifCategory = o.sarifCategory;
  if (project.git) {
    std::string uri = webUrlOfRemote(project.git->remoteUrl);
    if (!uri.empty()) oo.versionControl = OutputOptions::VersionControl{uri, project.git->head, project.git->branch};
  }
  oo.warnings = &err;

  std::ofstream file;
  std::ostream* dest = &out;
  if (!o.outputFile.empty()) {
    file.open(o.outputFile, std::ios::binary | std::ios::trunc);
    if (!file) {
      err << "lambda-lint: error: cannot write " << o.outputFile << ": " << std::strerror(errno) << "\n";
      return false;
    }
    dest = &file;
  }
  switch (o.format) {
  case Format::Text: writeText(*dest, run, oo); break;
  case Format::Json: writeJson(*dest, run, oo); break;
  case Format::Sarif: writeSarif(*dest, run, oo); break;
  case Format::Github: writeGithub(*dest, run, oo); break;
  }
  dest->flush();
  if (!o.outputFile.empty() && !file) {
    err << "lambda-lint: error: cannot write " << o.outputFile << "\n";
    return false;
  }
  if (!o.reportFile.empty()) {
    PackageReport report;
    report.layersUnzippedBytes = run.layersUnzippedBytes;
    report.budgetShare = run.packages.empty() ? 0.8 : run.packages.front().budgetShare;
    report.generator = std::string("lambda-lint ") + LAMBDA_LINT_VERSION;
    for (const auto& pr : run.packages) {
      PackageReportItem item{&pr.package, &pr.analysis, {}};
      for (const Finding& f : run.findings)
        if (f.wholeArtifact && f.file && f.file->path() == pr.package.path) item.findings.push_back(&f);
      report.packages.push_back(std::move(item));
    }
    std::ofstream html(o.reportFile, std::ios::binary | std::ios::trunc);
    if (html) writeHtmlReport(html, report);
    if (!html) {
      err << "lambda-lint: error: cannot write " << o.reportFile << ": " << std::strerror(errno) << "\n";
      return false;
    }
  }
  return true;
}

} // namespace

// The run, phase by phase: answer what needs no run; load the data files, the baseline and the
// configuration; discover the files; analyse (and fix) them in parallel; read the packages;
// sort, apply the baseline and write the output.
int runLambdaLint(const Options& o, std::ostream& out, std::ostream& err) {
  if (std::optional<int> status = answerWithoutRun(o, out, err)) return *status;

  // The installed data files (an administrator may have edited them) or the built-in copies:
  // read once here, so a broken installed file is one clear error before anything runs.
  try {
    loadDataFiles();
  } catch (const DataError& e) {
    err << "lambda-lint: error: " << e.what() << "\n";
    return 2;
  }

  std::optional<Baseline> baseline;
  if (!o.baselineFile.empty()) {
    std::string error;
    baseline = readBaseline(o.baselineFile, error);
    if (!baseline) {
      err << "lambda-lint: error: " << error << "\n";
      return 2;
    }
  }
  for (const std::string& dir : o.packageDirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      err << "lambda-lint: error: --package " << dir << ": not a directory\n";
      return 2;
    }
  }
  const PackageWeigher weigher(o.packageDirs);
  std::unique_ptr<Configuration> configuration;
  try {
    configuration = std::make_unique<Configuration>(configRequest(o), &weigher);
  } catch (const std::exception& e) {
    err << "lambda-lint: error: " << e.what() << "\n";
    return 2;
  }
  const Configuration& config = *configuration;
  // A configuration file that cannot be read or has errors stops the run: analysing with half a
  // configuration would report what the team turned off, or miss what it turned on.
  auto configErrors = [&] {
    const std::vector<std::string> errors = config.errors();
    for (const std::string& e : errors) err << "lambda-lint: error: " << e << "\n";
    return !errors.empty();
  };
  if (configErrors()) return 2;

  // A .zip on the command line is a deployment package; everything else is source to discover.
  std::vector<std::string> sourcePaths, zipPaths;
  for (const std::string& p : o.paths) {
    std::error_code ec;
    (isZipPath(p) && !std::filesystem::is_directory(p, ec) ? zipPaths : sourcePaths).push_back(p);
  }
  DiscoveryResult discovered =
      sourcePaths.empty() ? DiscoveryResult{}
                          : discoverFiles(sourcePaths, [&](const std::string& path, bool isDirectory) {
                              return config.excluded(path, isDirectory);
                            });
  for (const std::string& z : zipPaths) (void)config.forPath(z);
  for (const std::string& d : o.packageDirs) (void)config.forPath(d);
  if (configErrors()) return 2;

  // The packages are read first: the function's own source in them is analysed with the rest.
  ReadPackages packages = readPackages(zipPaths, o.packageDirs, o.layers, err);
  for (DiscoveredFile& f : packagedSources(packages, config, discovered.files, discovered.notices))
    discovered.files.push_back(std::move(f));
  if (configErrors()) return 2;

  Analyzer analyzer(config, o.handlers);
  analyzer.setCppCompilation(o.compileDatabaseDir, o.compileArgs);
  std::vector<Slot> slots = analyseFiles(discovered.files, analyzer, o);

  RunResult run;
  run.unsafeFixesEnabled = o.unsafeFixes;
  run.notices = std::move(discovered.notices);
  Gathered gathered = gatherFiles(slots, o, run);
  gathered.unreadable = gathered.unreadable || discovered.hadUnreadablePath;
  {
    const size_t before = run.findings.size();
    gathered.unreadable = checkPackages(std::move(packages), config, run) || gathered.unreadable;
    gathered.remaining += run.findings.size() - before;
  }
  std::stable_sort(run.findings.begin(), run.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.file->path() != b.file->path()) return a.file->path() < b.file->path();
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    return a.rule < b.rule;
  });

  if (o.diff) return reportDiff(run, gathered, out, err);

  // URIs and fingerprints are relative to the project root: the top of the git work tree.
  const ProjectInfo project = discoverProject(o.paths);
  if (baseline) {
    const size_t before = run.findings.size();
    applyBaseline(run, *baseline, project.root);
    gathered.remaining -= before - run.findings.size(); // no --fix with --baseline: all were remaining
  }
  run.fixing = o.fix;
  run.remaining = gathered.remaining;
  if (!writeOutputs(run, o, config, project, out, err)) return 2;
  if (gathered.unreadable) return 2;
  return gathered.remaining > 0 ? 1 : 0;
}

} // namespace ll
