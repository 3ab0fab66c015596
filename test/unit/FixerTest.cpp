// Applying fixes: overlap handling, diffs, atomic writes.
#include "tool/Fixer.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>

using namespace ll;

TEST(Fixer, AppliesNonOverlappingFixesAndDefersClashes) {
  std::string text = "abcdef";
  Fix one{"one", Applicability::Safe, {{{0, 1}, "A"}, {{4, 4}, "+"}}};
  Fix clash{"clash", Applicability::Safe, {{{1, 2}, "B"}}}; // touches `one`'s first edit
  Fix far{"far", Applicability::Safe, {{{5, 6}, "F"}}};
  EXPECT_EQ(applyFixes(text, {&one, &clash, &far}), 2u);
  EXPECT_EQ(text, "Abcd+eF");
}

TEST(Fixer, UnifiedDiffShowsChangedLines) {
  std::string diff = unifiedDiff("a.py", "one\ntwo\nthree\n", "one\n2\nthree\n");
  EXPECT_NE(diff.find("--- a.py\n+++ a.py\n"), std::string::npos);
  EXPECT_NE(diff.find("@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n"), std::string::npos) << diff;
  EXPECT_EQ(unifiedDiff("a.py", "same\n", "same\n"), "");
}

TEST(Fixer, WritesAtomicallyKeepingPermissionsAndSymlinks) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("lambda-lint-fixer-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "app.py";
  std::ofstream(file) << "old\n";
  ::chmod(file.c_str(), 0640);
  fs::path link = dir / "link.py";
  fs::create_symlink(file, link);
  EXPECT_EQ(writeFileAtomically(link.string(), "new\n"), "");
  EXPECT_TRUE(fs::is_symlink(link));
  std::ifstream in(file);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  EXPECT_EQ(content, "new\n");
  struct stat st {};
  ::stat(file.c_str(), &st);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  size_t entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 2u) << "no temporary file left behind";
  EXPECT_NE(writeFileAtomically((dir / "missing.py").string(), "x"), "");
  fs::remove_all(dir);
}
