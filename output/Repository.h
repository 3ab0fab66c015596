#pragma once
// Where the project lives: the root that SARIF URIs (%SRCROOT%) and finding fingerprints are
// relative to, and the git repository around it (for SARIF versionControlProvenance).
//
// The repository is read from the `.git` folder itself, never by running git: git may be
// missing, and nothing here may fail a run. Work trees (`.git` files and `commondir`), detached
// HEADs, symbolic refs and packed-refs are understood; what cannot be read is left out quietly.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ll {

/// `p` made absolute (against the working directory) and lexically normalised, without a
/// trailing separator.
std::filesystem::path absoluteNormal(const std::filesystem::path& p);

/// `path` relative to `root` (both absolute and normal) when it lies inside it, or nothing.
std::optional<std::filesystem::path> relativeInside(const std::filesystem::path& path,
                                                    const std::filesystem::path& root);

struct GitRepository {
  std::filesystem::path workTree;  // top of the work tree, absolute
  std::filesystem::path gitDir;    // this work tree's git folder (HEAD)
  std::filesystem::path commonDir; // the folder shared by all work trees (refs, config)
  std::string head;                // commit id HEAD resolves to; empty on an unborn branch
  std::string branch;              // checked-out branch (`main`); empty when HEAD is detached
  std::string remoteName;          // the remote the repository is known by (origin, ...)
  std::string remoteUrl;           // its URL as configured (credentials included)
};

/// The git work tree that contains `start` (a file or folder), read from its `.git`, or nothing.
std::optional<GitRepository> findGitRepository(const std::filesystem::path& start);

/// A remote's URL as a web (https) URL without credentials, port of another protocol, query or
/// `.git` suffix: `git@github.com:o/r.git` and `https://user:token@github.com/o/r.git` both give
/// `https://github.com/o/r`. Empty for URLs that name no host (local paths, file://).
std::string webUrlOfRemote(std::string_view url);

struct ProjectInfo {
  /// What SARIF URIs and fingerprints are relative to: the top of the git work tree holding
  /// the working directory (or else the first PATH in one), otherwise the working directory.
  std::filesystem::path root;
  std::optional<GitRepository> git;
};

/// The project of a run over `paths`.
ProjectInfo discoverProject(const std::vector<std::string>& paths);

} // namespace ll
