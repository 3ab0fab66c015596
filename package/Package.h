#pragma once
// Deployment packages: a .zip read from its central directory (never extracted) or a folder (a
// SAM build folder, package/, dist/, a layer), as a list of entries with their sizes, and the
// facts the package rules and the report read: what the package is made of (top-level packages
// and modules), which files no function needs at run time, and what the runtime already
// provides. Language-neutral, like the program model: the package checks read only this.
#include "core/Diagnostic.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ll {

/// Lambda's hard quotas (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
inline constexpr uint64_t kZippedQuotaBytes = 50ull * 1024 * 1024;   // direct upload, zipped
inline constexpr uint64_t kUnzippedQuotaBytes = 262'144'000ull;      // unzipped, with layers
/// A zip entry declaring more than this many times its compressed size is not believed
/// (a deflated one: more than deflate can reach, 1032 times; a stored one: more than it holds).
inline constexpr uint64_t kMaxDeclaredRatio = 1000;

struct PackageEntry {
  std::string path;          // inside the package, '/'-separated, no leading "./"
  uint64_t size = 0;         // uncompressed bytes
  uint64_t compressed = 0;   // bytes stored in the archive (a folder: equal to size)
  bool symlink = false;      // a symbolic link (its target is not counted)
  uint64_t archiveIndex = 0; // a zip's entry: its index in the central directory
};

/// What a group of entries is, for the report and the findings.
enum class ArtifactKind {
  Code,          // what the function runs
  Tests,         // tests/, __tests__/, *.test.js, test_*.py, conftest.py, ...
  Docs,          // docs/, *.md, examples/, man pages, ...
  Vcs,           // .git/, .svn/, .hg/
  Cache,         // .pytest_cache/, .mypy_cache/, node_modules/.cache/, ...
  TypeSources,   // *.ts / *.d.ts next to the built .js, *.tsbuildinfo
  SourceMaps,    // *.map
  DevTool,       // typescript, eslint, jest, @types/*, aws-cdk, pytest, mypy, pip, ...
  BuildLeftover, // .DS_Store, *.o, *.a, build/ leftovers, *.egg-info, .env samples, ...
};
const char* artifactKindName(ArtifactKind k); // "code", "tests", "docs", ...

/// A top-level package or module of the package, and what it weighs.
struct Contributor {
  std::string name;        // "numpy", "@aws-sdk/client-s3", "app.py", "(other files)"
  std::string ecosystem;   // "python", "npm", "" (the function's own files)
  uint64_t bytes = 0;      // uncompressed
  uint64_t compressed = 0;
  uint64_t files = 0;
};

/// Something the runtime already provides that the package bundles.
struct RuntimeSdk {
  std::string name;        // "boto3", "botocore", "@aws-sdk/client-s3", "aws-sdk"
  std::string ecosystem;   // "python", "npm"
  bool v2 = false;         // aws-sdk v2: not in the Node.js 18+ runtimes, large, out of support
  uint64_t bytes = 0;
  uint64_t files = 0;
};

/// Files no function needs at run time, of one kind, with where they are.
struct DevArtifacts {
  ArtifactKind kind = ArtifactKind::Tests;
  uint64_t bytes = 0;
  uint64_t files = 0;
  std::vector<std::string> examples; // up to a few paths (folders where a whole folder matches)
};

struct Package {
  enum class Source { Zip, Folder } source = Source::Folder;
  std::string path;          // as given on the command line
  bool layer = false;        // given with --layer
  std::vector<PackageEntry> entries;
  uint64_t archiveBytes = 0; // the .zip file's size; 0 for a folder
  uint64_t unzippedBytes = 0;
  uint64_t files = 0;
  std::string ecosystem;     // "python", "npm", "" when it cannot tell
  /// Read problems (a truncated or corrupt zip, absurd declared sizes, unreadable files, symlink
  /// loops). `complete` is false when the figures are a lower bound.
  std::vector<Notice> notices;
  bool complete = true;
  bool readable = true;      // false: nothing could be read at all
};

/// Reads a zip archive's central directory. Never extracts; never trusts declared sizes beyond
/// what is plausible (an entry declaring more than kMaxDeclaredRatio times its compressed size,
/// or a total past 1 TB, is reported and counted as its compressed size).
Package readZip(const std::string& path);
/// Walks a folder (symlinks are listed, not followed; loops cannot happen). `progress`, when
/// set, is called every few thousand files with the count so far.
Package readFolder(const std::string& path, const std::function<void(uint64_t files)>& progress = {});

/// The analysis of one package: computed once, read by every package check and the outputs.
struct PackageAnalysis {
  std::vector<Contributor> contributors; // largest first
  std::vector<RuntimeSdk> runtimeSdks;   // largest first
  std::vector<DevArtifacts> devArtifacts; // by kind, largest first
  /// Artifact kind of each entry (parallel to Package::entries).
  std::vector<ArtifactKind> kinds;
  /// Whether each entry is one of the function's own files, not part of an installed Python or
  /// npm package (parallel to Package::entries): where its handler's source is.
  std::vector<bool> own;
};
PackageAnalysis analyzePackage(const Package& p);

/// An entry of a zip archive read into memory, or why it was not.
struct ArchiveText {
  std::string text;
  std::string error; // empty when read
};
/// Reads entries of a zip archive (by index into `zip.entries`) into memory, never to disk. An
/// entry larger than `maxBytes`, whether it says so or only turns out so when inflated, is not
/// read; nor is a symbolic link.
std::vector<ArchiveText> readZipTexts(const Package& zip, const std::vector<size_t>& entries,
                                      uint64_t maxBytes);

/// "48.2 MiB", "812 KiB", "120 B": binary units, the ones Lambda's quotas are counted in
/// (its "250 MB" is 262,144,000 bytes).
std::string formatBytes(uint64_t bytes);

} // namespace ll
