// File discovery: which files a command line names, in which order, and what is reported.
#include "tool/Discovery.h"
#include "TempTree.h"

#include "frontends/Registry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

using namespace ll;
namespace fs = std::filesystem;

namespace {

class DiscoveryTest : public test::TempTree {
protected:
  DiscoveryTest() : TempTree("discovery") {}
  void file(const std::string& rel, const std::string& content = "x = 1\n") { TempTree::file(rel, content); }

  /// Discovered paths with the temporary root replaced by "R".
  std::vector<std::string> relPaths(const DiscoveryResult& r) const {
    std::vector<std::string> out;
    for (const DiscoveredFile& f : r.files) {
      std::string p = f.path;
      if (p.rfind(root_, 0) == 0) p = "R" + p.substr(root_.size());
      out.push_back(p);
    }
    return out;
  }

  const Notice* noticeFor(const DiscoveryResult& r, const std::string& p) const {
    for (const Notice& n : r.notices)
      if (n.path == p) return &n;
    return nullptr;
  }

};

using Paths = std::vector<std::string>;

} // namespace

TEST_F(DiscoveryTest, WalksSortedTakingKnownExtensions) {
  // Every extension some frontend may handle, and some none does; discovery takes exactly those
  // languageForPath knows.
  Paths names{"b.py", "a.js", "c.ts", "d.tsx", "e.mjs", "f.cjs", "g.mts", "h.cts", "notes.txt", "README.md",
              "Makefile", "app.pyc", "style.css"};
  for (const std::string& n : names) file(n);
  file("bundle.min.js"); // minified bundles never
  file("sub/z.py");
  file("sub/deeper/y.py");
  file("sub.py");
  file("sub-x/w.py");
  Paths expected;
  for (const std::string& n : names)
    if (languageForPath(n)) expected.push_back("R/" + n);
  ASSERT_NE(std::find(expected.begin(), expected.end(), "R/b.py"), expected.end());
  for (const char* p : {"R/sub/deeper/y.py", "R/sub/z.py", "R/sub-x/w.py", "R/sub.py"}) expected.push_back(p);
  // Sorted component by component: a directory's files come right after its name.
  std::stable_sort(expected.begin(), expected.end(),
                   [](const std::string& a, const std::string& b) { return fs::path(a) < fs::path(b); });
  DiscoveryResult r = discoverFiles({root_});
  EXPECT_EQ(relPaths(r), expected);
  EXPECT_TRUE(r.notices.empty());
  EXPECT_FALSE(r.hadUnreadablePath);
}

TEST_F(DiscoveryTest, DirectoryOrderIsComponentWise) {
  file("b.py");
  file("a.py");
  file("sub/z.py");
  file("sub/deeper/y.py");
  file("sub.py");
  file("sub-x/w.py");
  DiscoveryResult r = discoverFiles({root_});
  EXPECT_EQ(relPaths(r), (Paths{"R/a.py", "R/b.py", "R/sub/deeper/y.py", "R/sub/z.py", "R/sub-x/w.py", "R/sub.py"}));
}

TEST_F(DiscoveryTest, SkipsVcsDependencyAndBuildDirectories) {
  file("app.py");
  for (const char* d : {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".aws-sam",
                        ".serverless", "cdk.out", "build", "dist", ".tox", ".mypy_cache", "site-packages",
                        "dist-packages"}) {
    file(std::string(d) + "/skipped.py");
  }
  file("lib/node_modules/pkg/index.js");
  // A virtualenv under any name is recognised by its pyvenv.cfg; `env` without one is code.
  file("myenv/pyvenv.cfg", "home = /usr/bin\n");
  file("myenv/lib/python3.12/site.py");
  file("env/pyvenv.cfg", "home = /usr/bin\n");
  file("env/lib/x.py");
  file("config/env/settings.py");
  DiscoveryResult r = discoverFiles({root_});
  EXPECT_EQ(relPaths(r), (Paths{"R/app.py", "R/config/env/settings.py"}));
  EXPECT_TRUE(r.notices.empty());
}

TEST_F(DiscoveryTest, SkipsFoldersPipInstalledInto) {
  // `pip install -t vendor/ requests`: third-party code, recognised by its .dist-info folders.
  file("app.py");
  file("vendor/requests/__init__.py");
  file("vendor/six.py");
  file("vendor/requests-2.31.0.dist-info/METADATA");
  file("legacy/old-1.0.egg-info/PKG-INFO");
  file("legacy/old.py");
  file("src/vendor_tools.py");
  DiscoveryResult r = discoverFiles({root_});
  EXPECT_EQ(relPaths(r), (Paths{"R/app.py", "R/src/vendor_tools.py"}));
  // Named on the command line (a SAM build folder, say), such a folder is walked.
  DiscoveryResult named = discoverFiles({path("vendor")});
  EXPECT_EQ(relPaths(named), (Paths{"R/vendor/requests/__init__.py", "R/vendor/six.py"}));
}

TEST_F(DiscoveryTest, ExplicitlyNamedSkippedDirectoryIsWalked) {
  file("build/gen.py");
  DiscoveryResult r = discoverFiles({path("build")});
  EXPECT_EQ(relPaths(r), (Paths{"R/build/gen.py"}));
}

TEST_F(DiscoveryTest, PathsJoinOntoTheDirectoryAsGiven) {
  file("src/app.py");
  EXPECT_EQ(relPaths(discoverFiles({root_ + "/src/"})), (Paths{"R/src/app.py"}));
  EXPECT_EQ(relPaths(discoverFiles({root_ + "/src"})), (Paths{"R/src/app.py"}));
  // Relative to the working directory, spelled as given (a file named as ./x keeps its spelling).
  // Relative to the working directory, spelled as given.
  fs::path old = fs::current_path();
  fs::current_path(root_);
  DiscoveryResult rel = discoverFiles({"src"});
  DiscoveryResult dot = discoverFiles({"."});
  DiscoveryResult named = discoverFiles({"./src/app.py"});
  fs::current_path(old);
  ASSERT_EQ(rel.files.size(), 1u);
  EXPECT_EQ(rel.files[0].path, "src/app.py");
  ASSERT_EQ(dot.files.size(), 1u);
  EXPECT_EQ(dot.files[0].path, "src/app.py") << "a walk of . reports paths without ./";
  ASSERT_EQ(named.files.size(), 1u);
  EXPECT_EQ(named.files[0].path, "./src/app.py");
}

TEST_F(DiscoveryTest, ExplicitFiles) {
  file("a.py");
  file("notes.txt");
  file("dist/bundle.min.js");
  file("z.py");
  DiscoveryResult r = discoverFiles({path("z.py"), path("notes.txt"), path("a.py"), path("dist/bundle.min.js")});
  // Sorted whatever the order on the command line.
  EXPECT_EQ(relPaths(r), (Paths{"R/a.py", "R/z.py"}));
  const Notice* txt = noticeFor(r, path("notes.txt"));
  ASSERT_NE(txt, nullptr);
  EXPECT_EQ(txt->level, Level::Note);
  EXPECT_EQ(txt->message, "not a Python, JavaScript, TypeScript or C++ source file (.cpp, .cc, .cxx); skipped");
  EXPECT_FALSE(txt->position.has_value());
  const Notice* min = noticeFor(r, path("dist/bundle.min.js"));
  ASSERT_NE(min, nullptr);
  EXPECT_EQ(min->level, Level::Note);
  EXPECT_EQ(r.notices.size(), 2u);
  EXPECT_FALSE(r.hadUnreadablePath);
}

TEST_F(DiscoveryTest, MissingPathIsAnError) {
  file("a.py");
  DiscoveryResult r = discoverFiles({path("missing.py"), path("a.py"), path("no/such/dir")});
  EXPECT_EQ(relPaths(r), (Paths{"R/a.py"}));
  EXPECT_TRUE(r.hadUnreadablePath);
  for (const char* p : {"missing.py", "no/such/dir"}) {
    const Notice* n = noticeFor(r, path(p));
    ASSERT_NE(n, nullptr) << p;
    EXPECT_EQ(n->level, Level::Error);
    EXPECT_EQ(n->message, "cannot read: No such file or directory");
  }
  DiscoveryResult empty = discoverFiles({""});
  EXPECT_TRUE(empty.files.empty());
  EXPECT_TRUE(empty.hadUnreadablePath);
  ASSERT_EQ(empty.notices.size(), 1u);
  EXPECT_EQ(empty.notices[0].level, Level::Error);
}

TEST_F(DiscoveryTest, NoFileListedTwice) {
  file("src/app.py");
  file("src/lib/util.py");
  DiscoveryResult r = discoverFiles({path("src/app.py"), root_, path("src"), path("src/../src/app.py"),
                                     path("src/lib")});
  EXPECT_EQ(relPaths(r), (Paths{"R/src/app.py", "R/src/lib/util.py"}));
  EXPECT_TRUE(r.notices.empty());
}

TEST_F(DiscoveryTest, SymlinkedDirectoryAndFileAppearOnce) {
  file("real/app.py");
  symlink("real", "alias");
  symlink("real/app.py", "link.py");
  DiscoveryResult r = discoverFiles({root_});
  ASSERT_EQ(r.files.size(), 1u);
  EXPECT_EQ(fs::weakly_canonical(r.files[0].path), fs::weakly_canonical(path("real/app.py")));
}

TEST_F(DiscoveryTest, SymlinkedDirectoryOutsideIsFollowed) {
  file("outside/lib.py");
  file("proj/app.py");
  symlink("../outside", "proj/shared");
  DiscoveryResult r = discoverFiles({path("proj")});
  EXPECT_EQ(relPaths(r), (Paths{"R/proj/app.py", "R/proj/shared/lib.py"}));
}

TEST_F(DiscoveryTest, SymlinkLoopsEndWithANotice) {
  file("a/app.py");
  symlink("..", "a/up");     // a/up -> root: a cycle
  symlink("loop", "a/loop"); // a/loop -> itself: ELOOP
  symlink("missing", "a/dangling");
  DiscoveryResult r = discoverFiles({root_});
  EXPECT_EQ(relPaths(r), (Paths{"R/a/app.py"}));
  const Notice* up = noticeFor(r, path("a/up"));
  ASSERT_NE(up, nullptr);
  EXPECT_NE(up->message.find("symlink loop"), std::string::npos);
  const Notice* self = noticeFor(r, path("a/loop"));
  ASSERT_NE(self, nullptr);
  EXPECT_NE(self->message.find("symlink loop"), std::string::npos);
  EXPECT_EQ(noticeFor(r, path("a/dangling")), nullptr); // dangling links are ignored quietly
  EXPECT_FALSE(r.hadUnreadablePath);
}

TEST_F(DiscoveryTest, MutuallyRecursiveSymlinks) {
  file("x/one.py");
  file("y/two.py");
  symlink("../y", "x/to-y");
  symlink("../x", "y/to-x");
  DiscoveryResult r = discoverFiles({path("x"), path("y")});
  ASSERT_EQ(r.files.size(), 2u);
  std::vector<std::string> canon;
  for (const DiscoveredFile& f : r.files) canon.push_back(fs::weakly_canonical(f.path).string());
  std::sort(canon.begin(), canon.end());
  EXPECT_EQ(canon, (Paths{fs::weakly_canonical(path("x/one.py")).string(),
                          fs::weakly_canonical(path("y/two.py")).string()}));
}

TEST_F(DiscoveryTest, UnreadableSubdirectoryIsANoticeNotAFailure) {
  file("ok.py");
  file("locked/secret.py");
  ASSERT_EQ(::chmod(path("locked").c_str(), 0), 0);
  locked_.push_back(path("locked"));
  // root reads any directory: nothing to observe then, but the walk must still succeed.
  DiscoveryResult r = discoverFiles({root_});
  if (::geteuid() == 0) {
    EXPECT_EQ(relPaths(r), (Paths{"R/locked/secret.py", "R/ok.py"}));
    return;
  }
  EXPECT_EQ(relPaths(r), (Paths{"R/ok.py"}));
  const Notice* n = noticeFor(r, path("locked"));
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->level, Level::Warning);
  EXPECT_NE(n->message.find("Permission denied"), std::string::npos);
  EXPECT_FALSE(r.hadUnreadablePath);

  // Named explicitly, an unreadable directory is an error.
  DiscoveryResult named = discoverFiles({path("locked")});
  EXPECT_TRUE(named.hadUnreadablePath);
  ASSERT_NE(noticeFor(named, path("locked")), nullptr);
  EXPECT_EQ(noticeFor(named, path("locked"))->level, Level::Error);
}

TEST_F(DiscoveryTest, UnreadableExplicitFile) {
  // A path that cannot be opened whoever runs the test (root reads files without permission
  // bits): one that goes through a regular file.
  file("plain.py");
  DiscoveryResult r = discoverFiles({path("plain.py") + "/inner.py"});
  EXPECT_TRUE(r.files.empty());
  EXPECT_TRUE(r.hadUnreadablePath);
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_EQ(r.notices[0].level, Level::Error);
  EXPECT_EQ(r.notices[0].message, "cannot read: Not a directory");
}

TEST_F(DiscoveryTest, SpecialFilesAreSkipped) {
  ASSERT_EQ(::mkfifo(path("pipe.py").c_str(), 0600), 0);
  file("a.py");
  // In a walk a FIFO is ignored (opening it would block); named, it is reported.
  EXPECT_EQ(relPaths(discoverFiles({root_})), (Paths{"R/a.py"}));
  DiscoveryResult r = discoverFiles({path("pipe.py")});
  EXPECT_TRUE(r.files.empty());
  ASSERT_EQ(r.notices.size(), 1u);
  EXPECT_EQ(r.notices[0].level, Level::Note);
}

TEST_F(DiscoveryTest, OddFileNames) {
  file("dir with space/\xC3\xBCn\xC3\xAF #1.py");
  file("-dash.py");
  DiscoveryResult r = discoverFiles({root_});
  EXPECT_EQ(relPaths(r), (Paths{"R/-dash.py", "R/dir with space/\xC3\xBCn\xC3\xAF #1.py"}));
}
