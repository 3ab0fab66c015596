// Deployment packages: zips read from their central directory (real archives made with libzip,
// some of them damaged on purpose), folders walked without following symlinks, and the analysis
// (contributors, dev artifacts, what the runtime provides) on in-memory entry lists.
#include "package/Package.h"
#include "TempTree.h"

#include <gtest/gtest.h>

#include <zip.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ll;
namespace fs = std::filesystem;

namespace {

using Paths = std::vector<std::string>;

struct ZipItem {
  std::string name;
  std::string data;
  bool store = false;   // ZIP_CM_STORE (else deflate)
  bool dir = false;     // a directory entry
  bool symlink = false; // unix mode S_IFLNK; `data` is the target
};

std::string compressible(size_t n) {
  std::string s;
  while (s.size() < n) s += "def handler(event, context):\n    return {'statusCode': 200}\n";
  s.resize(n);
  return s;
}

std::string randomBytes(size_t n, unsigned seed = 42) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (char& c : s) c = static_cast<char>(gen() & 0xff);
  return s;
}

bool hasNotice(const Package& p, const std::string& needle, Level level) {
  return std::any_of(p.notices.begin(), p.notices.end(), [&](const Notice& n) {
    return n.level == level && n.message.find(needle) != std::string::npos;
  });
}

std::string noticesText(const Package& p) {
  std::string s;
  for (const Notice& n : p.notices) s += std::string(levelName(n.level)) + " " + n.path + ": " + n.message + "\n";
  return s;
}

Paths entryPaths(const Package& p) {
  Paths out;
  for (const PackageEntry& e : p.entries) out.push_back(e.path);
  return out;
}

const PackageEntry* findEntry(const Package& p, const std::string& path) {
  for (const PackageEntry& e : p.entries)
    if (e.path == path) return &e;
  return nullptr;
}

class PackageTest : public test::TempTree {
protected:
  PackageTest() : TempTree("package") {}

  std::string readBytes(const std::string& rel) const {
    std::ifstream in(path(rel), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }

  void makeZip(const std::string& rel, const std::vector<ZipItem>& items) {
    int err = 0;
    zip_t* za = zip_open(path(rel).c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    ASSERT_NE(za, nullptr) << err;
    for (const ZipItem& it : items) {
      if (it.dir) {
        ASSERT_GE(zip_dir_add(za, it.name.c_str(), ZIP_FL_ENC_GUESS), 0);
        continue;
      }
      zip_source_t* src = zip_source_buffer(za, it.data.data(), it.data.size(), 0);
      ASSERT_NE(src, nullptr);
      zip_int64_t idx = zip_file_add(za, it.name.c_str(), src, ZIP_FL_ENC_GUESS);
      ASSERT_GE(idx, 0) << zip_strerror(za);
      const auto i = static_cast<zip_uint64_t>(idx);
      ASSERT_EQ(zip_set_file_compression(za, i, it.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0), 0);
      if (it.symlink)
        ASSERT_EQ(zip_file_set_external_attributes(za, i, 0, ZIP_OPSYS_UNIX, (S_IFLNK | 0777u) << 16), 0);
    }
    ASSERT_EQ(zip_close(za), 0) << zip_strerror(za);
  }

  /// Overwrites a 32-bit field of the central directory header of `entry` (offset 20:
  /// compressed size, 24: uncompressed size).
  void patchCentralHeader(const std::string& rel, const std::string& entry, size_t offset, uint32_t value) {
    std::string bytes = readBytes(rel);
    const std::string sig("PK\1\2", 4);
    bool patched = false;
    for (size_t at = bytes.find(sig); at != std::string::npos; at = bytes.find(sig, at + 4)) {
      const size_t nameLen = static_cast<unsigned char>(bytes[at + 28]) | (static_cast<unsigned char>(bytes[at + 29]) << 8);
      if (bytes.compare(at + 46, nameLen, entry) != 0) continue;
      for (size_t b = 0; b < 4; ++b) bytes[at + offset + b] = static_cast<char>((value >> (8 * b)) & 0xff);
      patched = true;
    }
    ASSERT_TRUE(patched) << entry;
    std::ofstream(path(rel), std::ios::binary | std::ios::trunc) << bytes;
  }

};

} // namespace

// ---------------------------------------------------------------------------------------------
// Zip archives

TEST_F(PackageTest, ZipSizesCompressedSizesAndNoDirectories) {
  const std::string code = compressible(20000);
  const std::string noise = randomBytes(5000);
  makeZip("fn.zip", {{"lib", "", false, true},
                     {"app.py", code},
                     {"lib/data.bin", noise, true},
                     {"lib/empty.txt", ""}});
  Package p = readZip(path("fn.zip"));
  EXPECT_TRUE(p.readable) << noticesText(p);
  EXPECT_TRUE(p.complete);
  EXPECT_TRUE(p.notices.empty()) << noticesText(p);
  EXPECT_EQ(p.source, Package::Source::Zip);
  EXPECT_EQ(p.path, path("fn.zip"));
  EXPECT_EQ(p.archiveBytes, fs::file_size(path("fn.zip")));
  EXPECT_EQ(entryPaths(p), (Paths{"app.py", "lib/data.bin", "lib/empty.txt"})); // "lib/" is no entry
  const PackageEntry* app = findEntry(p, "app.py");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->size, code.size());
  EXPECT_GT(app->compressed, 0u);
  EXPECT_LT(app->compressed, app->size / 10); // deflated
  const PackageEntry* bin = findEntry(p, "lib/data.bin");
  ASSERT_NE(bin, nullptr);
  EXPECT_EQ(bin->size, noise.size());
  EXPECT_EQ(bin->compressed, noise.size()); // stored
  EXPECT_FALSE(bin->symlink);
  EXPECT_EQ(p.unzippedBytes, code.size() + noise.size());
  EXPECT_EQ(p.files, 3u);
  EXPECT_EQ(p.ecosystem, "python");
}

TEST_F(PackageTest, ZipSymlinkEntries) {
  makeZip("layer.zip", {{"nodejs/node_modules/real/index.js", "module.exports = 1;\n"},
                        {"nodejs/node_modules/alias", "real", true, false, true}});
  Package p = readZip(path("layer.zip"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  const PackageEntry* link = findEntry(p, "nodejs/node_modules/alias");
  ASSERT_NE(link, nullptr);
  EXPECT_TRUE(link->symlink);
  EXPECT_EQ(link->size, 4u); // the link's own bytes (its target's name), not the target
  EXPECT_FALSE(findEntry(p, "nodejs/node_modules/real/index.js")->symlink);
  EXPECT_EQ(p.ecosystem, "npm");
}

TEST_F(PackageTest, ZipTruncatedRandomEmptyMissingAndFolder) {
  std::vector<ZipItem> items;
  items.reserve(20);
  for (int i = 0; i < 20; ++i) items.push_back({"pkg/m" + std::to_string(i) + ".py", randomBytes(4000, i), true});
  makeZip("whole.zip", items);
  const std::string bytes = readBytes("whole.zip");
  file("half.zip", bytes.substr(0, bytes.size() / 2));
  file("cut.zip", bytes.substr(0, bytes.size() - 10)); // the end record cut short
  file("random.zip", randomBytes(10000, 7));
  file("empty.zip", "");
  fs::create_directories(path("folder.zip"));

  for (const char* name : {"half.zip", "cut.zip"}) {
    Package p = readZip(path(name));
    EXPECT_FALSE(p.readable) << name;
    EXPECT_FALSE(p.complete);
    EXPECT_TRUE(p.entries.empty());
    EXPECT_TRUE(hasNotice(p, "truncated or corrupt zip archive", Level::Error)) << name << noticesText(p);
    EXPECT_EQ(p.archiveBytes, fs::file_size(path(name)));
  }
  Package random = readZip(path("random.zip"));
  EXPECT_FALSE(random.readable);
  EXPECT_TRUE(hasNotice(random, "not a zip archive", Level::Error)) << noticesText(random);

  Package empty = readZip(path("empty.zip"));
  EXPECT_FALSE(empty.readable);
  EXPECT_TRUE(hasNotice(empty, "empty file (0 bytes)", Level::Error)) << noticesText(empty);

  Package missing = readZip(path("missing.zip"));
  EXPECT_FALSE(missing.readable);
  ASSERT_EQ(missing.notices.size(), 1u);
  EXPECT_EQ(missing.notices[0].message, "cannot read: No such file or directory");
  EXPECT_EQ(missing.notices[0].path, path("missing.zip"));

  Package folder = readZip(path("folder.zip"));
  EXPECT_FALSE(folder.readable);
  EXPECT_TRUE(hasNotice(folder, "a folder, not a zip archive", Level::Error));

  // An empty archive (the end record alone) is readable and says so.
  file("nothing.zip", std::string("PK\5\6", 4) + std::string(18, '\0'));
  Package nothing = readZip(path("nothing.zip"));
  EXPECT_TRUE(nothing.readable) << noticesText(nothing);
  EXPECT_TRUE(nothing.entries.empty());
  EXPECT_TRUE(hasNotice(nothing, "holds no files", Level::Note));
}

TEST_F(PackageTest, ZipCorruptCentralDirectory) {
  makeZip("fn.zip", {{"app.py", compressible(3000)}, {"lib.py", compressible(3000)}});
  std::string bytes = readBytes("fn.zip");
  // The end record says the central directory starts past the end of the file.
  const size_t eocd = bytes.rfind(std::string("PK\5\6", 4));
  ASSERT_NE(eocd, std::string::npos);
  bytes[eocd + 16] = '\x7f';
  bytes[eocd + 19] = '\x7f';
  file("bad.zip", bytes);
  Package p = readZip(path("bad.zip"));
  EXPECT_FALSE(p.readable);
  EXPECT_TRUE(hasNotice(p, "corrupt zip archive", Level::Error)) << noticesText(p);
}

TEST_F(PackageTest, ZipAbsurdDeclaredSizesAreNotBelieved) {
  makeZip("bomb.zip", {{"app.py", compressible(2000)}, {"blob.bin", std::string(100000, 'a')}});
  Package before = readZip(path("bomb.zip"));
  ASSERT_TRUE(before.complete) << noticesText(before);
  const uint64_t blobCompressed = findEntry(before, "blob.bin")->compressed;
  ASSERT_LT(blobCompressed * kMaxDeclaredRatio, 0x7fffffffu);

  patchCentralHeader("bomb.zip", "blob.bin", 24, 0x7fffffff); // declares 2 GiB
  Package p = readZip(path("bomb.zip"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  EXPECT_FALSE(p.complete);
  const PackageEntry* blob = findEntry(p, "blob.bin");
  ASSERT_NE(blob, nullptr);
  EXPECT_EQ(blob->size, blobCompressed);
  EXPECT_EQ(blob->compressed, blobCompressed);
  EXPECT_EQ(findEntry(p, "app.py")->size, 2000u); // the other entry is believed
  EXPECT_TRUE(hasNotice(p, "entry 'blob.bin' declares 2.0 GiB uncompressed", Level::Warning)) << noticesText(p);
  EXPECT_TRUE(hasNotice(p, "not believed", Level::Warning));
}

TEST_F(PackageTest, ZipRatiosDeflateCanReachAreBelievedStoredSizesMustMatch) {
  // Deflate packs zeros about 1,030 to 1: real, whatever kMaxDeclaredRatio says.
  makeZip("zeros.zip", {{"zeros.bin", std::string(std::size_t{4} << 20, '\0')}, {"stored.bin", randomBytes(1000), true}});
  Package before = readZip(path("zeros.zip"));
  ASSERT_TRUE(before.complete) << noticesText(before);
  const PackageEntry* zeros = findEntry(before, "zeros.bin");
  EXPECT_GT(zeros->size, zeros->compressed * kMaxDeclaredRatio);
  EXPECT_EQ(zeros->size, std::size_t{4} << 20);

  // A stored entry is its size: one declaring more than it holds is not believed.
  patchCentralHeader("zeros.zip", "stored.bin", 24, 5000);
  Package p = readZip(path("zeros.zip"));
  EXPECT_FALSE(p.complete);
  EXPECT_EQ(findEntry(p, "stored.bin")->size, 1000u);
  EXPECT_TRUE(hasNotice(p, "entry 'stored.bin' declares 4.9 KiB uncompressed from 1000 B compressed (more than 1 "
                           "times, stored uncompressed)", Level::Warning))
      << noticesText(p);
}

TEST_F(PackageTest, ZipDuplicateNames) {
  makeZip("dup.zip", {{"a.py", "x = 1\n"}, {"b.py", "y = 2\n"}});
  std::string bytes = readBytes("dup.zip");
  const size_t cd = bytes.find(std::string("PK\1\2", 4));
  const size_t second = bytes.find(std::string("PK\1\2", 4), cd + 4);
  ASSERT_EQ(bytes.compare(second + 46, 4, "b.py"), 0);
  bytes[second + 46] = 'a';
  file("dup.zip", bytes);
  Package p = readZip(path("dup.zip"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  EXPECT_EQ(entryPaths(p), (Paths{"a.py", "a.py"}));
  EXPECT_TRUE(hasNotice(p, "1 entry name(s) appear more than once: 'a.py'", Level::Warning)) << noticesText(p);
}

TEST_F(PackageTest, ZipCompressedSizesBeyondTheArchiveAreNotBelieved) {
  // Overlapping entries (zip bombs that reuse one compressed stream) declare more compressed
  // bytes than the file has.
  makeZip("overlap.zip", {{"a.py", compressible(2000)}, {"b.py", compressible(3000)}});
  patchCentralHeader("overlap.zip", "b.py", 20, 0x40000000); // 1 GiB compressed
  patchCentralHeader("overlap.zip", "b.py", 24, 0x40000000);
  Package p = readZip(path("overlap.zip"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  EXPECT_FALSE(p.complete);
  EXPECT_TRUE(hasNotice(p, "more than the archive holds", Level::Warning)) << noticesText(p);
  uint64_t compressed = 0;
  for (const PackageEntry& e : p.entries) compressed += e.compressed;
  EXPECT_LE(compressed, p.archiveBytes);
  EXPECT_LE(p.unzippedBytes, p.archiveBytes + 2000);
}

TEST_F(PackageTest, ZipDeclaredSizesPastOneTebibyteAreNotBelieved) {
  // Each entry plausible on its own (1000 times its compressed size), but together past 1 TiB:
  // 1,200 entries each declaring 1 GB from 1 MB (patched; the archive is a little over 1 MB).
  std::vector<ZipItem> items{{"pad.bin", randomBytes(1 << 20), true}};
  for (int i = 0; i < 1200; ++i) items.push_back({"e" + std::to_string(i), "x", true});
  makeZip("big.zip", items);
  std::string bytes = readBytes("big.zip");
  const std::string sig("PK\1\2", 4);
  for (size_t at = bytes.find(sig); at != std::string::npos; at = bytes.find(sig, at + 4)) {
    if (bytes[at + 46] != 'e') continue;
    const uint32_t comp = 1000000, size = 999000000;
    for (size_t b = 0; b < 4; ++b) {
      bytes[at + 20 + b] = static_cast<char>((comp >> (8 * b)) & 0xff);
      bytes[at + 24 + b] = static_cast<char>((size >> (8 * b)) & 0xff);
    }
  }
  file("big.zip", bytes);
  Package p = readZip(path("big.zip"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  EXPECT_FALSE(p.complete);
  EXPECT_LE(p.unzippedBytes, uint64_t{1} << 40);
  // The compressed sizes pass the archive's size long before: those entries are not believed.
  EXPECT_TRUE(hasNotice(p, "more than the archive holds", Level::Warning)) << noticesText(p);
  // Notices of one sort stop after ten, and one more counts the rest.
  EXPECT_LE(p.notices.size(), 12u) << noticesText(p);
  EXPECT_TRUE(hasNotice(p, "more entries declaring implausible sizes", Level::Warning)) << noticesText(p);
}

TEST_F(PackageTest, ZipOddNamesAreKeptNormalisedAndReported) {
  makeZip("odd.zip", {{"../../etc/evil.py", "x"},
                      {"/abs/path.py", "x"},
                      {"win\\style\\mod.py", "x"},
                      {"./dot/mod.py", "x"},
                      {std::string("bad\xff\xfe.py"), "x"},
                      {"ok/naïve.py", "x"}});
  Package p = readZip(path("odd.zip"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  EXPECT_TRUE(p.complete);
  EXPECT_EQ(entryPaths(p), (Paths{"../../etc/evil.py", "abs/path.py", "win/style/mod.py", "dot/mod.py",
                                  std::string("bad\xff\xfe.py"), "ok/naïve.py"}));
  EXPECT_TRUE(hasNotice(p, "2 entry name(s) point outside the folder", Level::Warning)) << noticesText(p);
  EXPECT_TRUE(hasNotice(p, "'../../etc/evil.py', '/abs/path.py'", Level::Warning));
  EXPECT_TRUE(hasNotice(p, "nothing is written", Level::Warning));
  EXPECT_TRUE(hasNotice(p, "1 entry name(s) use '\\' as the folder separator", Level::Warning));
  EXPECT_TRUE(hasNotice(p, "1 entry name(s) are not valid UTF-8", Level::Note));
  // Grouping sees the normalised names.
  PackageAnalysis a = analyzePackage(p);
  EXPECT_TRUE(std::any_of(a.contributors.begin(), a.contributors.end(),
                          [](const Contributor& c) { return c.name == "win/"; }));
}

// ---------------------------------------------------------------------------------------------
// Folders

TEST_F(PackageTest, FolderSizesSymlinksAndLoops) {
  file("fn/app.py", compressible(1234));
  file("fn/pkg/__init__.py", "");
  file("fn/pkg/deep/er/mod.py", compressible(100));
  symlink("app.py", "fn/alias.py");
  symlink("..", "fn/pkg/up");          // a loop, were it followed
  symlink("self", "fn/pkg/self");      // ELOOP when resolved
  symlink("missing", "fn/dangling");   // nothing behind it
  ASSERT_EQ(::mkfifo(path("fn/pipe").c_str(), 0644), 0); // never opened: no hang
  fs::create_directories(path("fn/emptydir"));

  Package p = readFolder(path("fn"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  EXPECT_TRUE(p.complete);
  EXPECT_EQ(p.source, Package::Source::Folder);
  EXPECT_EQ(p.archiveBytes, 0u);
  EXPECT_EQ(entryPaths(p), (Paths{"alias.py", "app.py", "dangling", "pkg/__init__.py", "pkg/deep/er/mod.py",
                                  "pkg/self", "pkg/up"}));
  for (const char* link : {"alias.py", "dangling", "pkg/self", "pkg/up"}) {
    const PackageEntry* e = findEntry(p, link);
    ASSERT_NE(e, nullptr) << link;
    EXPECT_TRUE(e->symlink) << link;
    EXPECT_EQ(e->size, fs::read_symlink(path(std::string("fn/") + link)).string().size());
  }
  const PackageEntry* app = findEntry(p, "app.py");
  EXPECT_FALSE(app->symlink);
  EXPECT_EQ(app->size, 1234u);
  EXPECT_EQ(app->compressed, 1234u);
  EXPECT_EQ(p.files, 7u);
  EXPECT_EQ(p.unzippedBytes, 1234u + 100u + 6u + 2u + 4u + 7u);
  EXPECT_EQ(p.ecosystem, "python");
  ASSERT_EQ(p.notices.size(), 1u) << noticesText(p);
  EXPECT_EQ(p.notices[0].path, path("fn/pipe"));
  EXPECT_EQ(p.notices[0].message, "a FIFO, not a regular file; not counted");
}

TEST_F(PackageTest, FolderOddNamesAndTrailingSlash) {
  file("fn/ok.py", "x");
  file(std::string("fn/bad\xff.py"), "x");
  file("fn/new\nline.py", "x");
  Package p = readFolder(path("fn") + "/");
  ASSERT_TRUE(p.readable) << noticesText(p);
  EXPECT_EQ(entryPaths(p), (Paths{std::string("bad\xff.py"), "new\nline.py", "ok.py"}));
  ASSERT_EQ(p.notices.size(), 1u) << noticesText(p);
  EXPECT_EQ(p.notices[0].level, Level::Note);
  EXPECT_EQ(p.notices[0].message, std::string("2 file name(s) are not valid UTF-8 or hold control characters: "
                                              "'bad\xff.py', 'new\nline.py'"));
}

TEST_F(PackageTest, FolderDeeperThanTheOpenFoldersAndThroughASymlink) {
  // Past 128 levels folders are closed once read and their files reached by full path.
  std::string deep = "fn";
  for (int i = 0; i < 200; ++i) deep += "/d" + std::to_string(i % 10);
  file(deep + "/leaf.js", "12345");
  file("fn/top.js", "1");
  symlink("fn", "link");
  Package p = readFolder(path("link"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  EXPECT_TRUE(p.complete);
  EXPECT_TRUE(p.notices.empty()) << noticesText(p);
  ASSERT_EQ(p.entries.size(), 2u);
  EXPECT_EQ(p.entries[0].path, deep.substr(3) + "/leaf.js");
  EXPECT_EQ(p.entries[0].size, 5u);
  EXPECT_EQ(p.entries[1].path, "top.js");
}

TEST_F(PackageTest, FolderProgressEveryTwoThousandFiles) {
  for (int d = 0; d < 9; ++d)
    for (int f = 0; f < 500; ++f) file("big/node_modules/p" + std::to_string(d) + "/f" + std::to_string(f) + ".js", "1");
  std::vector<uint64_t> calls;
  Package p = readFolder(path("big"), [&](uint64_t files) { calls.push_back(files); });
  EXPECT_EQ(p.files, 4500u);
  EXPECT_EQ(p.unzippedBytes, 4500u);
  EXPECT_EQ(calls, (std::vector<uint64_t>{2000, 4000}));
  EXPECT_EQ(p.ecosystem, "npm");
}

TEST_F(PackageTest, FolderMissingOrAFile) {
  Package missing = readFolder(path("nope"));
  EXPECT_FALSE(missing.readable);
  ASSERT_EQ(missing.notices.size(), 1u);
  EXPECT_EQ(missing.notices[0].message, "cannot read: No such file or directory");
  file("f.zip", "x");
  Package notDir = readFolder(path("f.zip"));
  EXPECT_FALSE(notDir.readable);
  EXPECT_TRUE(hasNotice(notDir, "not a folder", Level::Error));
}

TEST_F(PackageTest, FolderUnreadableSubfolderAndFile) {
  file("fn/app.py", "x = 1\n");
  file("fn/locked/secret.py", "y = 2\n");
  file("fn/private.cfg", "k=v\n");
  ASSERT_EQ(::chmod(path("fn/locked").c_str(), 0), 0);
  ASSERT_EQ(::chmod(path("fn/private.cfg").c_str(), 0), 0);
  locked_.push_back(path("fn/locked"));
  ASSERT_EQ(::chmod(root_.c_str(), 0755), 0);

  auto describe = [&]() {
    Package p = readFolder(path("fn"));
    std::string s = std::string(p.readable ? "readable" : "unreadable") + (p.complete ? " complete\n" : " incomplete\n");
    for (const std::string& e : entryPaths(p)) s += "entry " + e + "\n";
    return s + noticesText(p);
  };
  std::string seen;
  if (::geteuid() != 0) {
    seen = describe();
  } else {
    // root reads any folder: look as an unprivileged user, in a child process.
    std::array<int, 2> fds{};
    ASSERT_EQ(::pipe(fds.data()), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(fds[0]);
      const std::string out = (::setgid(65534) == 0 && ::setuid(65534) == 0) ? describe() : "SKIP";
      const ssize_t written = ::write(fds[1], out.data(), out.size());
      ::_exit(written == static_cast<ssize_t>(out.size()) ? 0 : 1);
    }
    ::close(fds[1]);
    std::array<char, 4096> buf{};
    for (ssize_t n; (n = ::read(fds[0], buf.data(), buf.size())) > 0;) seen.append(buf.data(), static_cast<size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << seen;
    if (seen == "SKIP") GTEST_SKIP() << "cannot drop privileges";
  }
  EXPECT_EQ(seen, "readable incomplete\n"
                  "entry app.py\n"
                  "entry private.cfg\n"
                  "warning " + path("fn/locked") + ": cannot read folder: Permission denied; its files are not counted\n"
                  "warning " + path("fn/private.cfg") +
                  ": not readable by the current user: packaging it as this user will fail\n");
}

// ---------------------------------------------------------------------------------------------
// Analysis

namespace {

Package makePackage(const std::vector<std::pair<std::string, uint64_t>>& files, bool layer = false) {
  Package p;
  p.layer = layer;
  for (const auto& [path, size] : files) {
    PackageEntry e;
    e.path = path;
    e.size = size;
    e.compressed = size / 2;
    p.entries.push_back(std::move(e));
    p.unzippedBytes += size;
  }
  p.files = p.entries.size();
  return p;
}

const Contributor* contributor(const PackageAnalysis& a, const std::string& name) {
  for (const Contributor& c : a.contributors)
    if (c.name == name) return &c;
  return nullptr;
}

std::vector<std::string> contributorNames(const PackageAnalysis& a) {
  std::vector<std::string> out;
  out.reserve(a.contributors.size());
  for (const Contributor& c : a.contributors) out.push_back(c.name + (c.ecosystem.empty() ? "" : " (" + c.ecosystem + ")"));
  return out;
}

ArtifactKind kindOf(const Package& p, const PackageAnalysis& a, const std::string& path) {
  for (size_t i = 0; i < p.entries.size(); ++i)
    if (p.entries[i].path == path) return a.kinds.at(i);
  ADD_FAILURE() << "no entry " << path;
  return ArtifactKind::Code;
}

const DevArtifacts* devArtifacts(const PackageAnalysis& a, ArtifactKind k) {
  for (const DevArtifacts& d : a.devArtifacts)
    if (d.kind == k) return &d;
  return nullptr;
}

} // namespace

TEST(PackageAnalysis, SamBuiltPythonFolder) {
  Package p = makePackage({
      {"app.py", 3000},
      {"__pycache__/app.cpython-312.pyc", 2000},
      {"helpers/__init__.py", 500},
      {"numpy/__init__.py", 10000},
      {"numpy/core/_multiarray_umath.cpython-312-x86_64-linux-gnu.so", 8000000},
      {"numpy.libs/libopenblas64_p-r0-0cf96a72.3.23.dev.so", 30000000},
      {"numpy-1.26.4.dist-info/METADATA", 60000},
      {"numpy-1.26.4.dist-info/RECORD", 70000},
      {"six.py", 34000},
      {"__pycache__/six.cpython-312.pyc", 30000},
      {"six-1.16.0.dist-info/METADATA", 1000},
      {"yaml/__init__.py", 12000},
      {"_yaml/__init__.py", 1000},
      {"PyYAML-6.0.1.dist-info/RECORD", 2000},
      {"PIL/Image.py", 100000},
      {"pillow.libs/libjpeg.so", 300000},
      {"pillow-10.0.0.dist-info/RECORD", 1000},
      {"_cffi_backend.cpython-312-x86_64-linux-gnu.so", 180000},
      {"cffi/__init__.py", 5000},
      {"cffi-1.16.0.dist-info/RECORD", 700},
      {"typing_extensions.py", 100000},
      {"typing_extensions-4.9.0.dist-info/RECORD", 600},
      {"requirements.txt", 40},
      {"jdcal.py", 14000},
      {"jdcal-1.0.egg-info", 5000}, // distutils wrote egg-info as a single file
  });
  PackageAnalysis a = analyzePackage(p);
  EXPECT_EQ(a.kinds.size(), p.entries.size());
  ASSERT_NE(contributor(a, "numpy"), nullptr) << testing::PrintToString(contributorNames(a));
  const Contributor* numpy = contributor(a, "numpy");
  EXPECT_EQ(numpy->ecosystem, "python");
  EXPECT_EQ(numpy->files, 5u); // numpy/, numpy.libs/, numpy-1.26.4.dist-info/
  EXPECT_EQ(numpy->bytes, 10000u + 8000000 + 30000000 + 60000 + 70000);
  EXPECT_EQ(numpy->compressed, numpy->bytes / 2);
  EXPECT_EQ(a.contributors.front().name, "numpy"); // largest first
  const Contributor* six = contributor(a, "six");
  ASSERT_NE(six, nullptr);
  EXPECT_EQ(six->files, 3u); // six.py, its bytecode, its dist-info
  EXPECT_EQ(contributor(a, "yaml")->files, 2u); // PyYAML's dist-info goes with yaml
  EXPECT_EQ(contributor(a, "PIL")->files, 3u);  // pillow.libs and pillow's dist-info
  EXPECT_EQ(contributor(a, "PIL")->ecosystem, "python");
  EXPECT_EQ(contributor(a, "cffi")->files, 2u);
  ASSERT_NE(contributor(a, "_cffi_backend"), nullptr);
  EXPECT_EQ(contributor(a, "typing_extensions")->files, 2u);
  EXPECT_EQ(contributor(a, "jdcal")->files, 2u);
  // The function's own files, by first component.
  const Contributor* app = contributor(a, "app.py");
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->ecosystem, "");
  EXPECT_EQ(app->files, 2u); // with its bytecode
  EXPECT_EQ(contributor(a, "helpers/")->ecosystem, "");
  EXPECT_EQ(contributor(a, "requirements.txt")->ecosystem, "");
  for (size_t i = 1; i < a.contributors.size(); ++i)
    EXPECT_GE(a.contributors[i - 1].bytes, a.contributors[i].bytes);
  // Nothing here is a dev artifact; bytecode is kept.
  EXPECT_TRUE(a.devArtifacts.empty());
  EXPECT_TRUE(a.runtimeSdks.empty());
}

TEST_F(PackageTest, PythonLayerZip) {
  const std::string sp = "python/lib/python3.12/site-packages/";
  const std::vector<std::pair<std::string, size_t>> files{
      {sp + "requests/__init__.py", 5000},
      {sp + "requests/api.py", 7000},
      {sp + "requests-2.31.0.dist-info/METADATA", 4000},
      {sp + "setuptools/__init__.py", 9000},
      {sp + "setuptools/_vendor/packaging-24.0.dist-info/RECORD", 300}, // vendored: stays setuptools
      {sp + "setuptools/_vendor/packaging/version.py", 3000},
      {sp + "setuptools-69.0.dist-info/RECORD", 100},
      {sp + "boto3/__init__.py", 3000},
      {sp + "boto3-1.34.0.dist-info/RECORD", 500},
      {sp + "botocore/data/s3/2006-03-01/service-2.json.gz", 70000},
      {"python/mylib.py", 800}, // beside site-packages: also on the layer's path
  };
  std::vector<ZipItem> items{{"python", "", false, true}, {"python/lib", "", false, true}};
  for (const auto& [name, size] : files) items.push_back({name, compressible(size)});
  makeZip("layer.zip", items);
  Package p = readZip(path("layer.zip"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  EXPECT_EQ(p.files, files.size());
  EXPECT_EQ(p.ecosystem, "python");
  PackageAnalysis a = analyzePackage(p);
  EXPECT_EQ(contributorNames(a), (Paths{"botocore (python)", "requests (python)", "setuptools (python)",
                                        "boto3 (python)", "mylib (python)"}));
  EXPECT_EQ(contributor(a, "requests")->files, 3u);
  EXPECT_EQ(contributor(a, "setuptools")->files, 4u);
  EXPECT_EQ(kindOf(p, a, sp + "setuptools/_vendor/packaging/version.py"), ArtifactKind::DevTool);
  EXPECT_EQ(kindOf(p, a, sp + "setuptools-69.0.dist-info/RECORD"), ArtifactKind::DevTool);
  const DevArtifacts* dev = devArtifacts(a, ArtifactKind::DevTool);
  ASSERT_NE(dev, nullptr);
  EXPECT_EQ(dev->examples, (Paths{sp + "setuptools/", sp + "setuptools-69.0.dist-info/"}));
  ASSERT_EQ(a.runtimeSdks.size(), 2u);
  EXPECT_EQ(a.runtimeSdks[0].name, "botocore");
  EXPECT_EQ(a.runtimeSdks[1].name, "boto3");
  EXPECT_EQ(a.runtimeSdks[1].ecosystem, "python");
  EXPECT_EQ(a.runtimeSdks[1].files, 2u); // with its dist-info
  EXPECT_EQ(a.runtimeSdks[1].bytes, 3500u);
  EXPECT_FALSE(a.runtimeSdks[1].v2);
}

TEST(PackageAnalysis, NodeModulesScopedAndNested) {
  Package p = makePackage({
      {"app.mjs", 2000},
      {"package.json", 300},
      {"lib/util.js", 700},
      {"node_modules/lodash/lodash.js", 540000},
      {"node_modules/lodash/package.json", 1000},
      {"node_modules/@aws-sdk/client-s3/dist-cjs/index.js", 300000},
      {"node_modules/@aws-sdk/client-s3/node_modules/@smithy/types/index.js", 20000}, // nested
      {"node_modules/@smithy/core/index.js", 50000},
      {"node_modules/express/index.js", 4000},
      {"node_modules/express/node_modules/debug/src/index.js", 3000}, // nested: counts to express
      {"node_modules/aws-sdk/lib/core.js", 9000000},
      {"node_modules/.package-lock.json", 5000},
  });
  PackageAnalysis a = analyzePackage(p);
  EXPECT_EQ(contributorNames(a),
            (Paths{"aws-sdk (npm)", "lodash (npm)", "@aws-sdk/client-s3 (npm)", "@smithy/core (npm)", "express (npm)",
                   ".package-lock.json (npm)", "app.mjs", "lib/", "package.json"}));
  EXPECT_EQ(contributor(a, "express")->files, 2u);
  EXPECT_EQ(contributor(a, "express")->bytes, 7000u);
  EXPECT_EQ(contributor(a, "@aws-sdk/client-s3")->files, 2u);
  ASSERT_EQ(a.runtimeSdks.size(), 3u);
  EXPECT_EQ(a.runtimeSdks[0].name, "aws-sdk");
  EXPECT_TRUE(a.runtimeSdks[0].v2);
  EXPECT_EQ(a.runtimeSdks[1].name, "@aws-sdk/client-s3");
  EXPECT_EQ(a.runtimeSdks[1].bytes, 320000u); // with the @smithy package nested in it
  EXPECT_FALSE(a.runtimeSdks[1].v2);
  EXPECT_EQ(a.runtimeSdks[2].name, "@smithy/core");
  EXPECT_EQ(a.runtimeSdks[2].ecosystem, "npm");
  EXPECT_TRUE(a.devArtifacts.empty());
}

TEST(PackageAnalysis, NodejsLayer) {
  Package p = makePackage({
      {"nodejs/package.json", 400},
      {"nodejs/node_modules/uuid/index.js", 3000},
      {"nodejs/node18/node_modules/sharp/lib/index.js", 90000},
      {"nodejs/node18/node_modules/@types/node/index.d.ts", 9000},
  });
  PackageAnalysis a = analyzePackage(p);
  EXPECT_EQ(contributorNames(a), (Paths{"sharp (npm)", "@types/node (npm)", "uuid (npm)", "package.json"}));
  EXPECT_EQ(kindOf(p, a, "nodejs/node18/node_modules/@types/node/index.d.ts"), ArtifactKind::DevTool);
  const DevArtifacts* dev = devArtifacts(a, ArtifactKind::DevTool);
  ASSERT_NE(dev, nullptr);
  EXPECT_EQ(dev->examples, (Paths{"nodejs/node18/node_modules/@types/node/"}));
}

TEST(PackageAnalysis, KindsOfEveryCategory) {
  using K = ArtifactKind;
  const std::vector<std::pair<std::string, K>> cases{
      // Tests
      {"node_modules/foo/test/index.js", K::Tests},
      {"node_modules/foo/lib/__tests__/a.js", K::Tests},
      {"node_modules/foo/src/a.test.js", K::Tests},
      {"node_modules/foo/src/a.spec.ts", K::Tests},
      {"numpy/_core/tests/test_umath.py", K::Tests},
      {"tests/test_handler.py", K::Tests},
      {"src/handler_test.py", K::Tests},
      {"conftest.py", K::Tests},
      {"node_modules/foo/testing/helpers.js", K::Tests},
      {"numpy/testing/__init__.py", K::Code}, // an importable module, numpy.testing
      {"node_modules/test/index.js", K::Code}, // a package named "test"
      {"src/test/fixtures.js", K::Code},       // the function's own folder below its top: kept
      // Docs
      {"node_modules/foo/README.md", K::Docs},
      {"node_modules/foo/docs/api.html", K::Docs},
      {"node_modules/foo/example/demo.js", K::Docs},
      {"node_modules/foo/CHANGELOG", K::Docs},
      {"node_modules/foo/History.md", K::Docs},
      {"node_modules/foo/man/foo.1", K::Docs},
      {"docs/guide.rst", K::Docs},
      {"README.md", K::Docs},
      {"src/notes.md", K::Code},                          // deeper in the function: kept
      {"sklearn/datasets/descr/iris.rst", K::Code},       // data the package reads
      {"node_modules/foo/lib/template.md", K::Code},
      {"node_modules/yaml/dist/doc/Document.js", K::Code}, // a deeper doc/ is code
      {"botocore/__init__.py", K::Code},
      {"botocore/docs/__init__.py", K::Code},              // imported at run time
      {"botocore/docs/client.py", K::Code},
      {"node_modules/history/index.js", K::Code},
      {"node_modules/foo/LICENSE", K::Code},
      {"node_modules/foo/LICENSE.md", K::Code},
      {"node_modules/foo/docs/NOTICE", K::Code},
      // Vcs
      {".git/objects/pack/pack-1.pack", K::Vcs},
      {"node_modules/foo/.github/workflows/ci.yml", K::Vcs},
      {"vendor/lib/.svn/entries", K::Vcs},
      // Cache
      {".pytest_cache/v/cache/nodeids", K::Cache},
      {".mypy_cache/3.12/app.data.json", K::Cache},
      {"node_modules/.cache/babel/x.json", K::Cache},
      {".eslintcache", K::Cache},
      {"coverage/lcov.info", K::Cache},
      {"coverage/lcov-report/index.html", K::Cache},
      {"__pycache__/app.cpython-312.pyc", K::Code},
      {"numpy/__pycache__/version.cpython-312.pyc", K::Code},
      {"insurance/coverage/rules.py", K::Code}, // a coverage/ folder that is not a report
      // TypeSources
      {"dist/handler.ts", K::TypeSources},
      {"dist/handler.d.ts", K::TypeSources},
      {"node_modules/foo/index.d.ts", K::TypeSources},
      {"node_modules/foo/index.d.mts", K::TypeSources},
      {"tsconfig.json", K::TypeSources},
      {"tsconfig.build.json", K::TypeSources},
      {"tsconfig.tsbuildinfo", K::TypeSources},
      {"src/lonely.ts", K::Code}, // no .js beside it: this is the code
      {"node_modules/foo/tsconfig.json", K::Code},
      // SourceMaps
      {"dist/handler.js.map", K::SourceMaps},
      {"node_modules/foo/index.mjs.map", K::SourceMaps},
      {"data/world.map", K::Code},
      // DevTool
      {"node_modules/typescript/lib/typescript.js", K::DevTool},
      {"node_modules/eslint-plugin-import/index.js", K::DevTool},
      {"node_modules/@typescript-eslint/parser/index.js", K::DevTool},
      {"node_modules/@jest/core/index.js", K::DevTool},
      {"node_modules/@esbuild/linux-x64/bin/esbuild", K::DevTool},
      {"node_modules/aws-cdk-lib/index.js", K::DevTool},
      {"node_modules/express/node_modules/@types/qs/index.d.ts", K::DevTool},
      {"pytest/__init__.py", K::DevTool},
      {"_pytest/python.py", K::DevTool},
      {"_pytest/__init__.py", K::DevTool},
      {"pytest-8.0.0.dist-info/RECORD", K::DevTool},
      {"mypy_boto3_s3/client.pyi", K::DevTool},
      {"mypy_boto3_s3/__init__.py", K::DevTool},
      {"pip/__init__.py", K::DevTool},
      {"pkg_resources/__init__.py", K::DevTool},
      {"node_modules/typescript-json/index.js", K::Code}, // not typescript
      // BuildLeftover
      {".DS_Store", K::BuildLeftover},
      {"node_modules/foo/.npmignore", K::BuildLeftover},
      {"node_modules/foo/Makefile", K::BuildLeftover},
      {"Dockerfile", K::BuildLeftover},
      {"npm-debug.log", K::BuildLeftover},
      {"numpy/core/lib/libnpymath.a", K::BuildLeftover},
      {"build/ext.o", K::BuildLeftover},
      {"myfn.egg-info/PKG-INFO", K::BuildLeftover},
      {".env", K::Code},
      {".env.example", K::Code},
      {"app.py", K::Code},
      {"dist/handler.js", K::Code},
      {"src/lonely2.ts", K::Code},
  };
  std::vector<std::pair<std::string, uint64_t>> files;
  files.reserve(cases.size() + 3);
  for (const auto& [path, kind] : cases) files.emplace_back(path, 100);
  files.emplace_back("numpy-1.26.4.dist-info/RECORD", 10);  // makes the top a dependency folder
  files.emplace_back("numpy/_core/tests/__init__.py", 10);
  files.emplace_back("node_modules/foo/index.js", 10);
  Package p = makePackage(files);
  PackageAnalysis a = analyzePackage(p);
  for (const auto& [path, kind] : cases)
    EXPECT_EQ(artifactKindName(kindOf(p, a, path)), std::string(artifactKindName(kind))) << path;
}

TEST(PackageAnalysis, DevArtifactsAggregateWithFolderExamples) {
  Package p = makePackage({
      {"node_modules/a/test/1.js", 5000},
      {"node_modules/a/test/2.js", 5000},
      {"node_modules/b/tests/x.js", 3000},
      {"node_modules/c/d.test.js", 9000},
      {"node_modules/d/test/1.js", 10},
      {"node_modules/e/test/1.js", 10},
      {"node_modules/f/test/1.js", 10},
      {"node_modules/g/test/1.js", 10},
      {"node_modules/a/index.js", 100},
      {"node_modules/a/index.js.map", 7000},
      {"node_modules/a/README.md", 20},
  });
  PackageAnalysis a = analyzePackage(p);
  ASSERT_EQ(a.devArtifacts.size(), 3u);
  const DevArtifacts& tests = a.devArtifacts[0]; // largest first
  EXPECT_EQ(tests.kind, ArtifactKind::Tests);
  EXPECT_EQ(tests.bytes, 22040u);
  EXPECT_EQ(tests.files, 8u);
  EXPECT_EQ(tests.examples, (Paths{"node_modules/a/test/", "node_modules/c/d.test.js", "node_modules/b/tests/",
                                   "node_modules/d/test/", "node_modules/e/test/"}));
  EXPECT_EQ(a.devArtifacts[1].kind, ArtifactKind::SourceMaps);
  EXPECT_EQ(a.devArtifacts[2].kind, ArtifactKind::Docs);
  EXPECT_EQ(a.devArtifacts[2].examples, (Paths{"node_modules/a/README.md"}));
}

TEST(PackageAnalysis, EmptyPackage) {
  PackageAnalysis a = analyzePackage(Package{});
  EXPECT_TRUE(a.contributors.empty());
  EXPECT_TRUE(a.kinds.empty());
}

TEST(PackageFormat, BinaryUnitsOneDecimalBelowHundred) {
  EXPECT_EQ(formatBytes(0), "0 B");
  EXPECT_EQ(formatBytes(120), "120 B");
  EXPECT_EQ(formatBytes(1023), "1023 B");
  EXPECT_EQ(formatBytes(1024), "1.0 KiB");
  EXPECT_EQ(formatBytes(1536), "1.5 KiB");
  EXPECT_EQ(formatBytes(812 * uint64_t{1024}), "812 KiB");
  EXPECT_EQ(formatBytes(static_cast<uint64_t>(48.2 * 1024 * 1024)), "48.2 MiB");
  EXPECT_EQ(formatBytes(kUnzippedQuotaBytes), "250 MiB");
  EXPECT_EQ(formatBytes(kZippedQuotaBytes), "50.0 MiB");
  EXPECT_EQ(formatBytes(static_cast<uint64_t>(1.2 * 1024 * 1024 * 1024)), "1.2 GiB");
  EXPECT_EQ(formatBytes(1024 * 1024 - 1), "1.0 MiB"); // not "1024 KiB"
  EXPECT_EQ(formatBytes(static_cast<uint64_t>(99.96 * 1024)), "100 KiB");    // not "100.0 KiB"
  EXPECT_EQ(formatBytes(UINT64_MAX), "16.0 EiB");
}

TEST(PackageFormat, ArtifactKindNames) {
  EXPECT_STREQ(artifactKindName(ArtifactKind::TypeSources), "type-sources");
  EXPECT_STREQ(artifactKindName(ArtifactKind::BuildLeftover), "build-leftover");
}

// The function's own source is read from the archive into memory (test/project/zip.test); an
// entry is never inflated past the limit, whatever it declares.
TEST_F(PackageTest, ZipTextsAreReadInMemoryWithinALimit) {
  makeZip("fn.zip", {{"app.py", "import boto3\n"}, {"big.py", std::string(100000, 'a')}, {"lie.py", std::string(100000, 'b')}});
  patchCentralHeader("fn.zip", "lie.py", 24, 10); // declares 10 bytes uncompressed
  Package p = readZip(path("fn.zip"));
  ASSERT_TRUE(p.readable) << noticesText(p);
  std::vector<size_t> indices;
  for (const char* name : {"app.py", "big.py", "lie.py"})
    indices.push_back(size_t(findEntry(p, name) - p.entries.data()));
  const std::vector<ArchiveText> texts = readZipTexts(p, indices, 1000);
  ASSERT_EQ(texts.size(), 3u);
  EXPECT_EQ(texts[0].text, "import boto3\n");
  EXPECT_EQ(texts[0].error, "");
  EXPECT_EQ(texts[1].text, "");
  EXPECT_NE(texts[1].error.find("larger than"), std::string::npos) << texts[1].error;
  EXPECT_EQ(texts[2].text, "");
  EXPECT_FALSE(texts[2].error.empty());
}

TEST_F(PackageTest, OwnFilesAreTheFunctionsNotItsInstalledPackages) {
  makeZip("fn.zip", {{"app.py", "x = 1\n"}, {"lib/db.py", "y = 2\n"},
                     {"requests/__init__.py", "z = 3\n"}, {"requests-2.31.0.dist-info/METADATA", "Name: requests\n"},
                     {"node_modules/left-pad/index.js", "module.exports = 1;\n"}});
  const Package p = readZip(path("fn.zip"));
  const PackageAnalysis a = analyzePackage(p);
  ASSERT_EQ(a.own.size(), p.entries.size());
  auto own = [&](const char* name) { return bool(a.own[size_t(findEntry(p, name) - p.entries.data())]); };
  EXPECT_TRUE(own("app.py"));
  EXPECT_TRUE(own("lib/db.py"));
  EXPECT_FALSE(own("requests/__init__.py"));
  EXPECT_FALSE(own("node_modules/left-pad/index.js"));
}
