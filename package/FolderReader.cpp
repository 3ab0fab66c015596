// Folders (a SAM build folder, package/, dist/, a layer), walked without following symlinks.
#include "package/Package.h"
#include "package/PackageSupport.h"

#include "core/Source.h"

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll {

using namespace packagedetail;

namespace {

constexpr uint64_t kProgressEvery = 2000;

/// Whether the current user may read a file, from its mode bits (no system call per file).
class ReadPermission {
public:
  ReadPermission() : uid_(::geteuid()) {
    groups_.push_back(::getegid());
    int n = ::getgroups(0, nullptr);
    if (n > 0) {
      std::vector<gid_t> more(static_cast<size_t>(n));
      n = ::getgroups(n, more.data());
      if (n > 0) groups_.insert(groups_.end(), more.begin(), more.begin() + n);
    }
  }
  bool mayRead(const struct stat& st) const {
    if (uid_ == 0) return true;
    if (st.st_uid == uid_) return (st.st_mode & S_IRUSR) != 0;
    if (std::find(groups_.begin(), groups_.end(), st.st_gid) != groups_.end())
      return (st.st_mode & S_IRGRP) != 0;
    return (st.st_mode & S_IROTH) != 0;
  }

private:
  uid_t uid_;
  std::vector<gid_t> groups_;
};

const char* specialFileName(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

/// Walks a folder depth-first in name order without recursion. Each folder is read whole and
/// stays open while its subfolders are walked, so that they are opened relative to it
/// (openat) rather than by a path the kernel would resolve from the top each time; past
/// kMaxOpenDepth levels folders are closed once read and their files reached by full path,
/// so deep trees do not run out of file descriptors.
class FolderWalk {
public:
  FolderWalk(Package& p, const std::function<void(uint64_t)>& progress) : p_(p), progress_(progress), notices_(p.notices) {}

  void run() {
    if (!push(nullptr, "", "")) return;
    while (!stack_.empty()) {
      Frame& f = stack_.back();
      if (f.next == f.children.size()) {
        stack_.pop_back();
        continue;
      }
      const Child& c = f.children[f.next++];
      std::string rel = f.rel.empty() ? c.name : f.rel + "/" + c.name;
      if (c.type == DT_DIR) {
        visitFolder(std::move(rel), c.name);
        continue;
      }
      struct stat st {};
      const int rc = f.dir ? ::fstatat(::dirfd(f.dir.get()), c.name.c_str(), &st, AT_SYMLINK_NOFOLLOW)
                           : ::lstat(full(rel).c_str(), &st);
      if (rc != 0) {
        notices_.add("unreadable files", Level::Warning, full(rel), "cannot read: " + errorText(errno) + "; not counted");
        p_.complete = false;
        continue;
      }
      if (S_ISDIR(st.st_mode)) { // d_type is DT_UNKNOWN on some file systems
        visitFolder(std::move(rel), c.name);
        continue;
      }
      addFile(std::move(rel), c.name, st);
    }
  }

  NameTally odd;

private:
  struct Child {
    std::string name;
    unsigned char type = DT_UNKNOWN;
  };
  struct Frame {
    std::unique_ptr<DIR, int (*)(DIR*)> dir{nullptr, &::closedir}; // null: closed once read
    std::string rel;
    std::vector<Child> children; // by name
    size_t next = 0;
  };
  static constexpr size_t kMaxOpenDepth = 128;

  std::string full(const std::string& rel) const {
    if (rel.empty()) return p_.path;
    return p_.path + (p_.path.ends_with('/') ? "" : "/") + rel;
  }

  void visitFolder(std::string rel, const std::string& name) {
    // `name` is read before push() adds a frame.
    const Frame& parent = stack_.back();
    if (!push(parent.dir ? &parent : nullptr, std::move(rel), name)) p_.complete = false;
  }

  /// Opens and reads a folder (relative to `parent` when it is open) and pushes its frame.
  bool push(const Frame* parent, std::string rel, const std::string& name) {
    const int fd = parent != nullptr
                       ? ::openat(::dirfd(parent->dir.get()), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                       : ::open(full(rel).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | (rel.empty() ? 0 : O_NOFOLLOW));
    if (fd < 0) return failed(rel, errno);
    Frame f;
    f.dir.reset(::fdopendir(fd));
    if (!f.dir) {
      const int e = errno;
      ::close(fd);
      return failed(rel, e);
    }
    for (;;) {
      errno = 0;
      const dirent* de = ::readdir(f.dir.get());
      if (de == nullptr) {
        if (errno != 0) {
          notices_.add("unreadable folders", Level::Warning, full(rel), "cannot list folder completely: " + errorText(errno));
          p_.complete = false;
        }
        break;
      }
      const std::string_view n = de->d_name;
      if (n == "." || n == "..") continue;
      f.children.push_back(Child{std::string(n), de->d_type});
    }
    std::sort(f.children.begin(), f.children.end(), [](const Child& a, const Child& b) { return a.name < b.name; });
    f.rel = std::move(rel);
    if (stack_.size() >= kMaxOpenDepth) f.dir.reset();
    stack_.push_back(std::move(f));
    return true;
  }

  bool failed(const std::string& rel, int err) {
    if (rel.empty()) {
      Notice n;
      n.level = Level::Error;
      n.path = p_.path;
      n.message = "cannot read: " + errorText(err);
      p_.notices.push_back(std::move(n));
      p_.readable = false;
      p_.complete = false;
      return false;
    }
    notices_.add("unreadable folders", Level::Warning, full(rel), "cannot read folder: " + errorText(err) + "; its files are not counted");
    return false;
  }

  void addFile(std::string rel, std::string_view name, const struct stat& st) {
    const bool link = S_ISLNK(st.st_mode);
    if (!link && !S_ISREG(st.st_mode)) {
      notices_.add("special files", Level::Warning, full(rel),
                   std::string(specialFileName(st.st_mode)) + ", not a regular file; not counted");
      return;
    }
    if (!link && !permission_.mayRead(st))
      notices_.add("files without read permission", Level::Warning, full(rel),
                   "not readable by the current user: packaging it as this user will fail");
    if (!isValidUtf8(name) || hasControlCharacter(name)) odd.add(rel);
    PackageEntry e;
    e.path = std::move(rel);
    e.size = static_cast<uint64_t>(st.st_size); // a symlink: the length of its target's name
    e.compressed = e.size;
    e.symlink = link;
    p_.entries.push_back(std::move(e));
    if (progress_ && p_.entries.size() % kProgressEvery == 0) progress_(p_.entries.size());
  }

  Package& p_;
  const std::function<void(uint64_t)>& progress_;
  NoticeList notices_;
  const ReadPermission permission_;
  std::vector<Frame> stack_;
};

} // namespace

Package readFolder(const std::string& path, const std::function<void(uint64_t files)>& progress) {
  Package p;
  p.source = Package::Source::Folder;
  p.path = path;

  struct stat rootSt {};
  if (::stat(path.c_str(), &rootSt) != 0) return unreadable(p, "cannot read: " + errorText(errno));
  if (!S_ISDIR(rootSt.st_mode)) return unreadable(p, "not a folder");

  NameTally odd;
  {
    FolderWalk walk(p, progress);
    walk.run();
    odd = std::move(walk.odd);
  }
  if (!p.readable) return p;
  if (odd.count > 0) {
    Notice n;
    n.level = Level::Note;
    n.path = path;
    n.message = std::to_string(odd.count) + " file name(s) are not valid UTF-8 or hold control characters: " + odd.list();
    p.notices.push_back(std::move(n));
  }
  finishTotals(p);
  return p;
}

} // namespace ll
