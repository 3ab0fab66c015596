// The package weigher's file system helpers: every call takes an error_code, nothing throws.
#include "initcost/WeigherSupport.h"

#include <fstream>

namespace ll::weigherdetail {


bool isDirectory(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

bool isRegularFile(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

bool pathExists(const fs::path& p) {
  std::error_code ec;
  return fs::exists(p, ec);
}

/// The real path (symlinks resolved), or "" when it does not exist or cannot be resolved
/// (a symlink loop, a permission problem).
std::string realPath(const fs::path& p) {
  std::error_code ec;
  fs::path r = fs::canonical(p, ec);
  return ec ? std::string() : r.string();
}

std::optional<uint64_t> sizeOf(const std::string& file) {
  std::error_code ec;
  const uintmax_t n = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  return uint64_t(n);
}

/// Counts `file` (a real path) into `w` once: its size, or nothing when it was counted already,
/// cannot be sized, or the file limit is reached (then `w.truncated` is set and the walk stops).
std::optional<uint64_t> countOnce(ModuleWeight& w, std::unordered_set<std::string>& counted,
                                  const std::string& file) {
  if (!counted.insert(file).second) return std::nullopt;
  const auto size = sizeOf(file);
  if (!size) return std::nullopt;
  if (w.files >= kMaxFiles) {
    w.truncated = true;
    return std::nullopt;
  }
  w.bytes += *size;
  ++w.files;
  return size;
}

bool readFile(const std::string& file, std::string& out) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  const std::streamoff n = in.tellg();
  if (n < 0) return false;
  out.resize(size_t(n));
  in.seekg(0, std::ios::beg);
  in.read(out.data(), n);
  out.resize(size_t(in.gcount()));
  return true;
}

bool hasExtension(std::string_view file, std::string_view ext) { return file.ends_with(ext); }

/// The folders from `dir` up: `dir` first, at most `levels` parents, stopping after the folder
/// that holds a `.git` (the top of the project) or at the file system root.
std::vector<fs::path> ancestors(fs::path dir, int levels) {
  std::vector<fs::path> out;
  if (dir.empty()) return out;
  for (int level = 0; level <= levels; ++level) {
    out.push_back(dir);
    if (pathExists(dir / ".git")) break;
    fs::path parent = dir.parent_path();
    if (parent.empty() || parent == dir) break;
    dir = std::move(parent);
  }
  return out;
}

/// The folder of `file`, absolute, symlinks resolved when possible ("" for no file).
fs::path folderOf(const std::string& file) {
  if (file.empty()) return {};
  std::error_code ec;
  fs::path abs = fs::absolute(fs::path(file), ec);
  if (ec) abs = fs::path(file);
  fs::path dir = abs.lexically_normal().parent_path();
  std::string real = realPath(dir);
  return real.empty() ? dir : fs::path(real);
}

} // namespace ll::weigherdetail
