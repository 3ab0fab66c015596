// Zip archives, read from their central directory (never extracted).
#include "package/Package.h"
#include "package/PackageSupport.h"

#include "core/Source.h"

#include <zip.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cerrno>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll {

using namespace packagedetail;

namespace {

/// Declared sizes adding up past this are not believed either (1 TiB).
constexpr uint64_t kMaxDeclaredTotal = 1ull << 40;

/// Zip entry names that would write outside the folder they are unpacked into: absolute
/// paths, drive letters, ".." components.
bool isUnsafeName(std::string_view raw) {
  if (raw.empty()) return false;
  if (raw[0] == '/' || raw[0] == '\\') return true;
  if (raw.size() >= 2 && raw[1] == ':' && ((raw[0] >= 'A' && raw[0] <= 'Z') || (raw[0] >= 'a' && raw[0] <= 'z')))
    return true;
  size_t start = 0;
  while (start <= raw.size()) {
    size_t end = raw.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = raw.size();
    if (raw.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

/// '\\' read as '/', and no leading '/' or "./": the form PackageEntry::path has.
std::string normaliseZipName(std::string_view raw) {
  std::string s(raw);
  std::replace(s.begin(), s.end(), '\\', '/');
  size_t i = 0;
  for (;;) {
    if (s.compare(i, 1, "/") == 0) ++i;
    else if (s.compare(i, 2, "./") == 0) i += 2;
    else break;
  }
  return s.substr(i);
}

bool startsLikeZip(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) return false;
  std::array<char, 4> head{};
  if (std::fread(head.data(), 1, head.size(), f.get()) != head.size()) return false;
  return std::string_view(head.data(), head.size()) == std::string_view("PK\3\4", 4);
}

/// How many times its compressed size an entry can be: deflate codes at most 258 bytes in 2
/// bits, so it cannot pass 1032 times, and a deflated file of zeros at 1,030 times is real;
/// stored entries are their size; other methods (bzip2, xz, zstd) go further, and
/// kMaxDeclaredRatio is what is believed of them.
uint64_t ratioLimit(const zip_stat_t& zs) {
  if ((zs.valid & ZIP_STAT_COMP_METHOD) == 0) return kMaxDeclaredRatio;
  if (zs.comp_method == ZIP_CM_STORE) return 1;
  if (zs.comp_method == ZIP_CM_DEFLATE) return std::max<uint64_t>(kMaxDeclaredRatio, 1032);
  return kMaxDeclaredRatio;
}

std::string zipErrorText(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string s = zip_error_strerror(&error);
  zip_error_fini(&error);
  return s;
}

} // namespace

Package readZip(const std::string& path) {
  Package p;
  p.source = Package::Source::Zip;
  p.path = path;

  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return unreadable(p, "cannot read: " + errorText(errno));
  if (S_ISDIR(st.st_mode)) return unreadable(p, "a folder, not a zip archive");
  if (!S_ISREG(st.st_mode)) return unreadable(p, "not a regular file, not a zip archive");
  p.archiveBytes = static_cast<uint64_t>(st.st_size);
  if (p.archiveBytes == 0) return unreadable(p, "empty file (0 bytes), not a zip archive");
  if (const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC); fd >= 0) ::close(fd);
  else return unreadable(p, "cannot read: " + errorText(errno));

  int err = 0;
  std::unique_ptr<zip_t, void (*)(zip_t*)> za(zip_open(path.c_str(), ZIP_RDONLY, &err), &zip_discard);
  if (!za) {
    switch (err) {
    case ZIP_ER_NOZIP:
      // A local file header at the start but no end-of-central-directory record: cut short.
      if (startsLikeZip(path))
        return unreadable(p, "truncated or corrupt zip archive: no central directory at its end");
      return unreadable(p, "not a zip archive");
    case ZIP_ER_INCONS:
    case ZIP_ER_SEEK:
    case ZIP_ER_MULTIDISK:
      return unreadable(p, "corrupt zip archive: " + zipErrorText(err));
    case ZIP_ER_OPEN:
    case ZIP_ER_READ:
    case ZIP_ER_NOENT: return unreadable(p, "cannot read: " + zipErrorText(err));
    default: return unreadable(p, "cannot open zip archive: " + zipErrorText(err));
    }
  }

  zip_int64_t count = zip_get_num_entries(za.get(), 0);
  NameTally unsafe, backslash, odd, duplicate;
  std::unordered_set<std::string> names;
  {
    NoticeList notices(p.notices);
    uint64_t compressedSum = 0, declaredSum = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
      const auto index = static_cast<zip_uint64_t>(i);
      zip_stat_t zs;
      zip_stat_init(&zs);
      if (zip_stat_index(za.get(), index, ZIP_FL_ENC_RAW, &zs) != 0 || (zs.valid & ZIP_STAT_NAME) == 0 ||
          zs.name == nullptr) {
        notices.add("unreadable entries", Level::Warning, path,
                    "entry #" + std::to_string(i) + " cannot be read: " + zip_strerror(za.get()) +
                        "; not counted");
        p.complete = false;
        continue;
      }
      const std::string raw = zs.name;
      uint64_t size = (zs.valid & ZIP_STAT_SIZE) != 0 ? zs.size : 0;
      uint64_t compressed = (zs.valid & ZIP_STAT_COMP_SIZE) != 0 ? zs.comp_size : 0;
      zip_uint8_t opsys = 0;
      zip_uint32_t attributes = 0;
      uint32_t mode = 0;
      bool dosDirectory = false;
      if (zip_file_get_external_attributes(za.get(), index, 0, &opsys, &attributes) == 0) {
        if (opsys == ZIP_OPSYS_UNIX) mode = attributes >> 16;
        else if (opsys == ZIP_OPSYS_DOS) dosDirectory = (attributes & 0x10) != 0;
      }
      const bool directory = raw.ends_with('/') || raw.ends_with('\\') ||
                             (size == 0 && (S_ISDIR(mode) || dosDirectory));
      if (directory) continue;

      if (isUnsafeName(raw)) unsafe.add(raw);
      if (raw.find('\\') != std::string::npos) backslash.add(raw);
      if (!isValidUtf8(raw) || hasControlCharacter(raw)) odd.add(raw);

      PackageEntry e;
      e.path = normaliseZipName(raw);
      if (e.path.empty()) continue;
      e.symlink = (mode & S_IFMT) == S_IFLNK;
      e.archiveIndex = index;

      // Entries do not overlap in a well-formed archive, so their compressed sizes add up to
      // less than the file: past that, the sizes are made up (overlapping zip bombs).
      const uint64_t room = p.archiveBytes - compressedSum;
      if (compressed > room) {
        notices.add("entries declaring implausible sizes", Level::Warning, path,
                    "entry " + quoted(e.path) + " declares " + formatBytes(compressed) +
                        " compressed, more than the archive holds: not believed; counted as " +
                        formatBytes(room));
        compressed = room;
        size = room;
        p.complete = false;
      } else if (const uint64_t limit = ratioLimit(zs); compressed < size / limit ||
                                                        (compressed == size / limit && size % limit != 0)) {
        notices.add("entries declaring implausible sizes", Level::Warning, path,
                    "entry " + quoted(e.path) + " declares " + formatBytes(size) + " uncompressed from " +
                        formatBytes(compressed) + " compressed (more than " + std::to_string(limit) +
                        " times" + (limit == 1 ? ", stored uncompressed" : "") + "): not believed; counted as " +
                        formatBytes(compressed));
        size = compressed;
        p.complete = false;
      }
      if (size > kMaxDeclaredTotal - declaredSum) {
        notices.add("entries declaring implausible sizes", Level::Warning, path,
                    "entry " + quoted(e.path) + " takes the declared sizes past " + formatBytes(kMaxDeclaredTotal) +
                        " in all: not believed; counted as " + formatBytes(compressed));
        size = std::min(compressed, kMaxDeclaredTotal - declaredSum);
        p.complete = false;
      }
      if (!names.insert(e.path).second) duplicate.add(e.path);
      compressedSum += compressed;
      declaredSum += size;
      e.size = size;
      e.compressed = compressed;
      p.entries.push_back(std::move(e));
    }
  }

  auto addNotice = [&](Level level, std::string message) {
    Notice n;
    n.level = level;
    n.path = path;
    n.message = std::move(message);
    p.notices.push_back(std::move(n));
  };
  if (unsafe.count > 0)
    addNotice(Level::Warning, std::to_string(unsafe.count) +
                                  " entry name(s) point outside the folder the archive is unpacked into "
                                  "(absolute paths or '..'): " +
                                  unsafe.list() + "; reported only, nothing is written");
  if (backslash.count > 0)
    addNotice(Level::Warning, std::to_string(backslash.count) +
                                  " entry name(s) use '\\' as the folder separator: " + backslash.list() +
                                  "; read as '/' here, but unpacked on Linux they are files whose names "
                                  "hold a backslash, not folders");
  if (odd.count > 0)
    addNotice(Level::Note, std::to_string(odd.count) +
                               " entry name(s) are not valid UTF-8 or hold control characters: " + odd.list());
  if (duplicate.count > 0)
    addNotice(Level::Warning, std::to_string(duplicate.count) + " entry name(s) appear more than once: " +
                                  duplicate.list() + "; each copy is counted, unpacking keeps one");
  if (p.entries.empty() && p.complete) addNotice(Level::Note, "the archive holds no files");

  finishTotals(p);
  return p;
}

std::vector<ArchiveText> readZipTexts(const Package& zip, const std::vector<size_t>& entries,
                                      uint64_t maxBytes) {
  std::vector<ArchiveText> out(entries.size());
  int err = 0;
  std::unique_ptr<zip_t, void (*)(zip_t*)> za(zip_open(zip.path.c_str(), ZIP_RDONLY, &err), &zip_discard);
  if (!za) {
    for (ArchiveText& t : out) t.error = "cannot open the archive again: " + zipErrorText(err);
    return out;
  }
  for (size_t i = 0; i < entries.size(); ++i) {
    ArchiveText& t = out[i];
    if (entries[i] >= zip.entries.size()) {
      t.error = "no such entry";
      continue;
    }
    const PackageEntry& e = zip.entries[entries[i]];
    if (e.symlink) {
      t.error = "a symbolic link; not read";
      continue;
    }
    if (e.size > maxBytes) {
      t.error = "larger than " + formatBytes(maxBytes) + "; not read";
      continue;
    }
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(za.get(), e.archiveIndex, 0), &zip_fclose);
    if (!f) {
      t.error = std::string("cannot read: ") + zip_strerror(za.get());
      continue;
    }
    // Read one byte past the limit, so that an entry whose data is longer than it declares is
    // caught without inflating more of it.
    t.text.resize(maxBytes + 1);
    uint64_t got = 0;
    while (got < t.text.size()) {
      const zip_int64_t n = zip_fread(f.get(), t.text.data() + got, t.text.size() - got);
      if (n < 0) {
        t.error = std::string("cannot read: ") + zip_file_strerror(f.get());
        break;
      }
      if (n == 0) break;
      got += static_cast<uint64_t>(n);
    }
    if (t.error.empty() && got > maxBytes) t.error = "larger than " + formatBytes(maxBytes) + " when inflated; not read";
    if (!t.error.empty()) {
      t.text.clear();
      t.text.shrink_to_fit();
      continue;
    }
    t.text.resize(got);
    t.text.shrink_to_fit();
  }
  return out;
}

} // namespace ll
