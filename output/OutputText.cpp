// Human-readable output, in the style of clang diagnostics with a ruff-like summary.
#include "core/RuleDocs.h"
#include "core/Rules.h"
#include "output/Output.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ll {

namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kBold = "\033[1m";
constexpr const char* kBoldRed = "\033[1;31m";
constexpr const char* kBoldGreen = "\033[1;32m";
constexpr const char* kBoldMagenta = "\033[1;35m";
constexpr const char* kBoldCyan = "\033[1;36m";
constexpr const char* kGreen = "\033[32m";

const char* levelColor(Level l) {
  switch (l) {
  case Level::Error: return kBoldRed;
  case Level::Warning: return kBoldMagenta;
  case Level::Note: return kBoldCyan;
  }
  return kBold;
}

class Painter {
public:
  Painter(std::ostream& os, bool color) : os_(os), color_(color) {}
  /// Writes `text` in `style` (nothing extra when colour is off).
  Painter& styled(const char* style, std::string_view text) {
    if (color_ && !text.empty()) os_ << style << text << kReset;
    else os_ << text;
    return *this;
  }
  Painter& plain(std::string_view text) {
    os_ << text;
    return *this;
  }

private:
  std::ostream& os_;
  bool color_;
};

/// Length in bytes of the UTF-8 sequence starting with `c` (1 for invalid or ASCII bytes); the
/// caret line only needs to step over code points, Source.cpp validates them.
size_t sequenceLength(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c >= 0xF0 && c < 0xF8 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (c >= 0xF8 || i + n > s.size()) return 1;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
  return n;
}

/// The caret line under `line` for the bytes [begin, end) of it: whitespace up to `begin` (tabs
/// kept as tabs so the caret lines up with the source whatever the tab width), then `^~~~`.
std::string caretLine(std::string_view line, size_t begin, size_t end) {
  std::string out;
  begin = std::min(begin, line.size());
  end = std::clamp(end, begin, line.size());
  for (size_t i = 0; i < begin;) {
    out += line[i] == '\t' ? '\t' : ' ';
    i += sequenceLength(line, i);
  }
  out += '^';
  if (begin < end) {
    size_t i = begin + sequenceLength(line, begin);
    for (; i < end; i += sequenceLength(line, i)) out += '~';
  }
  return out;
}

void writeLocation(Painter& p, const std::string& path, Position pos) {
  p.styled(kBold, path + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ":");
}

void writeFinding(std::ostream& os, Painter& p, const Finding& f, const RunResult& run,
                  const OutputOptions& opts) {
  const SourceFile* file = f.file.get();
  const std::string path = file ? file->path() : std::string("<unknown>");
  Position begin = file ? file->position(f.range.begin) : Position{};

  if (f.wholeArtifact) p.styled(kBold, path + ":");
  else writeLocation(p, path, begin);
  p.plain(" ").styled(levelColor(f.level), std::string(levelName(f.level)) + ":").plain(" ");
  p.styled(kBold, f.message + " [" + f.rule + "]");
  os << '\n';

  if (opts.showSource && file && !f.wholeArtifact) {
    std::string_view line = file->lineText(begin.line);
    uint32_t lineStart = file->lineStart(begin.line);
    size_t b = f.range.begin - lineStart;
    size_t e = f.range.end > lineStart ? f.range.end - lineStart : b;
    os << line << '\n';
    p.styled(kBoldGreen, caretLine(line, b, e));
    os << '\n';
  }

  for (const Fix& fix : f.fixes) {
    std::string label;
    switch (fix.applicability) {
    case Applicability::Safe: label = "fix (safe): "; break;
    case Applicability::Unsafe:
      label = run.unsafeFixesEnabled ? "fix (unsafe): " : "fix (unsafe, needs --unsafe-fixes): ";
      break;
    case Applicability::DisplayOnly: label = "fix (display only): "; break;
    }
    p.plain("  ").styled(kGreen, label + fix.description);
    os << '\n';
  }

  for (const RelatedLocation& r : f.related) {
    const SourceFile* in = r.file ? r.file.get() : file;
    writeLocation(p, r.file ? r.file->path() : path, in ? in->position(r.range.begin) : Position{});
    p.plain(" ").styled(kBoldCyan, "note:").plain(" ").plain(r.message);
    os << '\n';
  }
}

void writeNotice(std::ostream& os, Painter& p, const Notice& n) {
  if (!n.path.empty()) {
    std::string where = n.path;
    if (n.position) {
      where += ':';
      where += std::to_string(n.position->line);
      where += ':';
      where += std::to_string(n.position->column);
    }
    where += ':';
    p.styled(kBold, where).plain(" ");
  } else {
    p.styled(kBold, "lambda-lint:").plain(" ");
  }
  p.styled(levelColor(n.level), std::string(levelName(n.level)) + ":").plain(" ").plain(n.message);
  os << '\n';
}

std::string plural(size_t n, std::string_view word) {
  std::string s = std::to_string(n) + " " + std::string(word);
  if (n != 1) s += 's';
  return s;
}

/// The Init estimate of each handler file, largest first: what every cold start of it loads.
void writeInitEstimates(std::ostream& os, Painter& p, const RunResult& run) {
  if (run.initEstimates.empty()) return;
  std::vector<const RunResult::FileInit*> files;
  files.reserve(run.initEstimates.size());
  for (const auto& fi : run.initEstimates) files.push_back(&fi);
  std::stable_sort(files.begin(), files.end(), [](const auto* a, const auto* b) { return a->init.ms > b->init.ms; });
  constexpr size_t kShown = 10;
  // One budget in the heading, or each file's when configurations set different ones.
  const bool oneBudget = std::all_of(files.begin(), files.end(), [&](const auto* f) {
    return f->init.budgetMs == files.front()->init.budgetMs;
  });
  p.styled(kBold, "Init estimate");
  os << " (module-scope imports: measured import times, or estimates from code size";
  if (oneBudget) os << "; budget " << formatMs(files.front()->init.budgetMs);
  os << "):\n";
  for (size_t i = 0; i < files.size() && i < kShown; ++i) {
    const InitEstimate& est = files[i]->init;
    os << "  " << files[i]->file->path() << ": ";
    p.styled(est.ms > est.budgetMs ? kBoldMagenta : kBold, "about " + formatMs(est.ms));
    std::string parts;
    size_t shown = 0, rest = 0;
    for (const InitContributor& c : est.contributors) {
      if (c.ms < 0.05) continue; // shown as "0 ms": loaded by another import, or tiny
      if (shown == 3) {
        ++rest;
        continue;
      }
      parts += (shown++ ? ", " : "") + c.module + " " + formatMs(c.ms);
    }
    if (rest) parts += ", " + std::to_string(rest) + " more";
    if (!parts.empty()) os << " (" << parts << ")";
    if (!est.unmeasured.empty())
      os << "; " << est.unmeasured.size() << " import" << (est.unmeasured.size() == 1 ? "" : "s")
         << " not measured";
    if (!oneBudget) os << "; budget " << formatMs(est.budgetMs);
    os << '\n';
  }
  if (files.size() > kShown)
    os << "  ... and " << files.size() - kShown << " more handler files (all in --format json)\n";
}

/// Each deployment package's figures: sizes against the quotas and what it is made of.
void writePackages(std::ostream& os, Painter& p, const RunResult& run) {
  for (const RunResult::PackageResult& pr : run.packages) {
    const Package& pkg = pr.package;
    p.styled(kBold, std::string(pkg.layer ? "Layer " : "Package ") + pkg.path);
    os << " (" << (pkg.source == Package::Source::Zip ? "zip" : "folder")
       << (pkg.ecosystem.empty() ? "" : ", " + pkg.ecosystem) << "): ";
    if (pkg.source == Package::Source::Zip) {
      os << formatBytes(pkg.archiveBytes) << " zipped, ";
    }
    os << formatBytes(pkg.unzippedBytes) << " unzipped";
    if (pkg.source == Package::Source::Zip && pkg.archiveBytes > 0) {
      std::array<char, 32> ratio{};
      std::snprintf(ratio.data(), ratio.size(), "%.1f", double(pkg.unzippedBytes) / double(pkg.archiveBytes));
      os << " (ratio " << ratio.data() << ")";
    }
    os << ", " << pkg.files << " file" << (pkg.files == 1 ? "" : "s");
    if (!pkg.layer && run.layersUnzippedBytes)
      os << "; with layers " << formatBytes(pkg.unzippedBytes + run.layersUnzippedBytes) << " of the 250 MB quota";
    if (!pkg.complete) os << " (incomplete: see the notices)";
    os << '\n';
    size_t shown = 0;
    for (const Contributor& c : pr.analysis.contributors) {
      if (shown == 8) break;
      const double pct = pkg.unzippedBytes ? 100.0 * double(c.bytes) / double(pkg.unzippedBytes) : 0;
      std::array<char, 16> percent{};
      std::snprintf(percent.data(), percent.size(), "%5.1f%%", pct);
      os << "  " << percent.data() << "  " << formatBytes(c.bytes) << "  " << c.name
         << (c.ecosystem.empty() ? "" : " (" + c.ecosystem + ")") << '\n';
      ++shown;
    }
    if (pr.analysis.contributors.size() > shown)
      os << "  ... and " << pr.analysis.contributors.size() - shown << " more (all in --format json)\n";
  }
}

} // namespace

void writeText(std::ostream& os, const RunResult& run, const OutputOptions& opts) {
  Painter p(os, opts.color);
  size_t fixable = 0;       // applied by --fix as the run is configured
  size_t unsafeOnly = 0;    // would need --unsafe-fixes
  for (const Finding& f : run.findings) {
    writeFinding(os, p, f, run, opts);
    bool safe = false, unsafe = false;
    for (const Fix& fix : f.fixes) {
      safe |= fix.applicability == Applicability::Safe;
      unsafe |= fix.applicability == Applicability::Unsafe;
    }
    if (safe || (unsafe && run.unsafeFixesEnabled)) ++fixable;
    else if (unsafe) ++unsafeOnly;
  }
  for (const Notice& n : run.notices) writeNotice(os, p, n);
  writeInitEstimates(os, p, run);
  writePackages(os, p, run);

  // "3 files", "3 files and 1 package", "1 package"
  std::string scope = plural(run.filesAnalyzed, "file");
  if (!run.packages.empty()) {
    const std::string packages = plural(run.packages.size(), "package");
    scope = run.filesAnalyzed ? scope + " and " + packages : packages;
  }
  if (run.fixesApplied > 0) os << "Fixed " << plural(run.fixesApplied, "finding") << ".\n";
  if (run.fixing && !run.findings.empty()) {
    os << "Found " << plural(run.findings.size(), "finding") << " in " << scope
       << " (" << run.fixesApplied << " fixed, "
       << run.remaining << " remaining).\n";
    return;
  }
  // With --baseline: "new" findings, and what the baseline hid.
  const std::string fresh = run.baseline ? "new " : "";
  std::string hidden;
  if (run.baseline) {
    hidden = "; the baseline hid " + std::to_string(run.baseline->hidden);
    if (run.baseline->absent > 0)
      hidden += " (" + std::to_string(run.baseline->absent) + " of its findings " +
                (run.baseline->absent == 1 ? "is" : "are") + " gone)";
  }
  if (run.findings.empty()) {
    os << "No " << fresh << "findings in " << scope << hidden << ".\n";
    return;
  }
  os << "Found " << plural(run.findings.size(), fresh + "finding") << " in " << scope;
  if (fixable > 0 && unsafeOnly > 0) {
    os << " (" << fixable << " fixable with --fix, " << unsafeOnly << " more with --unsafe-fixes)";
  } else if (fixable > 0) {
    os << " (" << fixable << " fixable with --fix)";
  } else if (unsafeOnly > 0) {
    os << " (" << unsafeOnly << " fixable with --fix --unsafe-fixes)";
  }
  os << hidden << ".\n";
}

void writeRuleListText(std::ostream& os, const std::vector<const Check*>& rules) {
  size_t idWidth = 4;
  for (const Check* c : rules) idWidth = std::max(idWidth, c->info().id.size());
  auto pad = [](std::string_view s, size_t w) {
    std::string out(s);
    if (out.size() < w) out.append(w - out.size(), ' ');
    return out;
  };
  os << pad("RULE", idWidth) << "  " << pad("LEVEL", 7) << "  " << pad("FIX", 9) << "  SUMMARY\n";
  for (const Check* c : rules) {
    const RuleInfo& info = c->info();
    std::string summary;
    try {
      summary = ruleDoc(info.id).summary;
    } catch (const std::out_of_range&) {
      summary = std::string(info.name);
    }
    std::string fix = info.fixAvailability.empty() ? std::string("none") : std::string(info.fixAvailability);
    os << pad(info.id, idWidth) << "  " << pad(levelName(info.defaultLevel), 7) << "  " << pad(fix, 9)
       << "  " << summary << '\n';
  }
}

} // namespace ll
