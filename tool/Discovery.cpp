// From command-line paths to the files to analyse.
#include "tool/Discovery.h"

#include "frontends/Registry.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll {

namespace {

namespace fs = std::filesystem;

constexpr std::array<std::string_view, 16> kSkippedDirectories = {
    ".git",        ".hg",         ".svn",    "node_modules", ".venv",
    "venv",        "__pycache__", ".aws-sam", ".serverless", "cdk.out",
    "build",       "dist",        ".tox",    ".mypy_cache", "site-packages",
    "dist-packages",
};

bool isMinifiedBundle(std::string_view name) { return name.ends_with(".min.js"); }

std::string joinPath(const std::string& dir, const std::string& name) {
  // `lambda-lint .` reports `app.py`, not `./app.py`, as ruff and clang-tidy users expect.
  if (dir.empty() || dir == ".") return name;
  if (dir == "./") return name;
  if (dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

std::string errorText(int err) { return std::error_code(err, std::generic_category()).message(); }

using DirId = std::pair<dev_t, ino_t>;

class Walker {
public:
  Walker(DiscoveryResult& result, const ExcludePredicate& excluded) : result_(result), excluded_(excluded) {}

  void top(const std::string& path) {
    if (path.empty()) {
      unreadable(path, ENOENT);
      return;
    }
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      unreadable(path, errno);
      return;
    }
    if (S_ISDIR(st.st_mode)) {
      if (isExcluded(path, true)) return;
      walk(path, {st.st_dev, st.st_ino}, /*root=*/true);
      return;
    }
    if (!S_ISREG(st.st_mode)) {
      notice(Level::Note, path, "not a regular file; skipped");
      return;
    }
    if (!languageForPath(path)) {
      notice(Level::Note, path, "not a Python, JavaScript, TypeScript or C++ source file (.cpp, .cc, .cxx); skipped");
      return;
    }
    if (isMinifiedBundle(fs::path(path).filename().string())) {
      notice(Level::Note, path, "minified bundle; skipped");
      return;
    }
    if (isExcluded(path, false)) return;
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      unreadable(path, errno);
      return;
    }
    ::close(fd);
    add(path);
  }

private:
  bool isExcluded(const std::string& path, bool isDirectory) const {
    return excluded_ && excluded_(path, isDirectory);
  }

  void notice(Level level, const std::string& path, std::string message) {
    Notice n;
    n.level = level;
    n.path = path;
    n.message = std::move(message);
    result_.notices.push_back(std::move(n));
  }

  void unreadable(const std::string& path, int err) {
    notice(Level::Error, path, "cannot read: " + errorText(err));
    result_.hadUnreadablePath = true;
  }

  void add(const std::string& path) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(path, ec);
    if (ec) key = fs::absolute(path, ec).lexically_normal();
    if (!seenFiles_.insert(key.string()).second) return;
    result_.files.push_back(DiscoveredFile{path});
  }

  static bool isVirtualenv(const std::string& dir) {
    struct stat st {};
    return ::stat(joinPath(dir, "pyvenv.cfg").c_str(), &st) == 0;
  }

  void walk(const std::string& dir, DirId id, bool root) {
    if (std::find(ancestors_.begin(), ancestors_.end(), id) != ancestors_.end()) {
      notice(Level::Note, dir, "symlink loop; directory not followed again");
      return;
    }
    // Reached before through another path (a symlink to a directory already walked).
    if (!visitedDirs_.insert(id).second) return;

    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      if (root) unreadable(dir, ec.value());
      else notice(Level::Warning, dir, "cannot read: " + ec.message() + "; skipped");
      return;
    }
    std::vector<std::string> names;
    for (fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) break;
      names.push_back(it->path().filename().string());
    }
    if (ec) notice(Level::Warning, dir, "cannot read: " + ec.message() + "; listing incomplete");
    std::sort(names.begin(), names.end());
    // A folder pip installed packages into (`pip install -t vendor/`, a layer's python/): its
    // code is third-party, not handler source. Named on the command line, it is walked.
    if (!root && std::any_of(names.begin(), names.end(), [](const std::string& n) {
          return n.ends_with(".dist-info") || n.ends_with(".egg-info");
        }))
      return;

    ancestors_.push_back(id);
    for (const std::string& name : names) {
      std::string path = joinPath(dir, name);
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) {
        // A dangling symlink is not worth a word; a symlink cycle is.
        if (errno == ELOOP) notice(Level::Note, path, "symlink loop; not followed");
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (std::find(kSkippedDirectories.begin(), kSkippedDirectories.end(), name) !=
                kSkippedDirectories.end() ||
            isVirtualenv(path) || isExcluded(path, true)) {
          continue;
        }
        walk(path, {st.st_dev, st.st_ino}, false);
      } else if (S_ISREG(st.st_mode)) {
        if (languageForPath(name) && !isMinifiedBundle(name) && !isExcluded(path, false)) add(path);
      }
    }
    ancestors_.pop_back();
  }

  DiscoveryResult& result_;
  const ExcludePredicate& excluded_;
  std::set<std::string> seenFiles_;
  std::set<DirId> visitedDirs_;
  std::vector<DirId> ancestors_;
};

} // namespace

DiscoveryResult discoverFiles(const std::vector<std::string>& paths, const ExcludePredicate& excluded) {
  DiscoveryResult result;
  try {
    Walker walker(result, excluded);
    for (const std::string& p : paths) walker.top(p);
    // Deterministic order whatever the order of the arguments: by path, component by component
    // (so "a/b.py" sorts with the directory "a", as a walk visits it).
    std::vector<std::pair<fs::path, DiscoveredFile>> keyed;
    keyed.reserve(result.files.size());
    for (DiscoveredFile& f : result.files) keyed.emplace_back(fs::path(f.path), std::move(f));
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    result.files.clear();
    for (auto& [key, f] : keyed) result.files.push_back(std::move(f));
  } catch (const std::exception& e) {
    Notice n;
    n.level = Level::Error;
    n.message = std::string("file discovery failed: ") + e.what();
    result.notices.push_back(std::move(n));
  }
  return result;
}

} // namespace ll
