#pragma once
// A GoogleTest fixture that owns a temporary folder tree, shared by the tests that read files
// from disk (discovery, packages, the weigher).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace ll::test {

class TempTree : public ::testing::Test {
protected:
  /// `prefix` names the folder in the temporary directory (`ll-<prefix>-XXXXXX`).
  explicit TempTree(std::string prefix) : prefix_(std::move(prefix)) {}

  void SetUp() override {
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / ("ll-" + prefix_ + "-XXXXXX")).string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    root_ = tmpl;
  }
  void TearDown() override {
    // Restore permissions so the tree can be removed.
    namespace fs = std::filesystem;
    std::error_code ec;
    for (const std::string& d : locked_) fs::permissions(d, fs::perms::owner_all, ec);
    fs::remove_all(root_, ec);
  }

  std::string path(const std::string& rel) const { return root_ + "/" + rel; }
  void file(const std::string& rel, const std::string& content) {
    std::filesystem::create_directories(std::filesystem::path(path(rel)).parent_path());
    std::ofstream(path(rel), std::ios::binary) << content;
  }
  void dir(const std::string& rel) { std::filesystem::create_directories(path(rel)); }
  void symlink(const std::string& target, const std::string& rel) {
    std::filesystem::create_directories(std::filesystem::path(path(rel)).parent_path());
    ASSERT_EQ(::symlink(target.c_str(), path(rel).c_str()), 0);
  }

  std::string root_;
  std::vector<std::string> locked_; // folders made unreadable, given back in TearDown
  std::string prefix_;
};

} // namespace ll::test
