// core/Strings.h: the small string helpers the parts share.
#include "core/Strings.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

using namespace ll;

TEST(Strings, Trim) {
  EXPECT_EQ(trim(" \t\r\n\f\va b\v\f\n\r\t "), "a b");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim(" \ta\r\n", " \t"), "a\r\n");
}

TEST(Strings, CollapseWhitespace) {
  EXPECT_EQ(collapseWhitespace("  a \n\t b  c \n"), "a b c");
  EXPECT_EQ(collapseWhitespace(" \n "), "");
}

TEST(Strings, Split) {
  EXPECT_EQ(split("a,,b", ','), (std::vector<std::string_view>{"a", "", "b"}));
  EXPECT_EQ(split("", ','), (std::vector<std::string_view>{""}));
  EXPECT_EQ(split("a,", ','), (std::vector<std::string_view>{"a", ""}));
}

TEST(Strings, Case) {
  EXPECT_EQ(lower('Q'), 'q');
  EXPECT_EQ(lower('\xC4'), '\xC4'); // ASCII only
  EXPECT_EQ(lower("LICENSE.Txt"), "license.txt");
  EXPECT_TRUE(iequals("NoLint", "nolint"));
  EXPECT_FALSE(iequals("nolint", "nolin"));
  EXPECT_TRUE(istartsWith("LICENSE-MIT", "license"));
  EXPECT_FALSE(istartsWith("LIC", "license"));
}
