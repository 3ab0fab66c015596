// Where the data files come from (core/DataDir.h). The unit-test binary lives in build/bin,
// which has no installed data directory next to it: the embedded copies are used. An installed
// tree is tested end to end in test/cli/install.test.
#include "core/Catalogue.h"
#include "core/DataDir.h"
#include "core/EmbeddedData.h"
#include "initcost/ImportCosts.h"

#include <gtest/gtest.h>

namespace ll {
namespace {

TEST(DataDir, BuildTreeUsesTheEmbeddedCopies) {
  EXPECT_EQ(installedDataDir(), "");
  const DataFile catalogue = readDataFile("catalogue.yaml");
  EXPECT_EQ(catalogue.origin, "data/catalogue.yaml");
  EXPECT_EQ(catalogue.text, embedded::defaultCatalogue());
  const DataFile costs = readDataFile("import-costs.yaml");
  EXPECT_EQ(costs.origin, "data/import-costs.yaml");
  EXPECT_EQ(costs.text, embedded::importCosts());
  EXPECT_THROW(readDataFile("nope.yaml"), DataError);
}

TEST(DataDir, DescriptionNamesWhereAnInstalledTreeWouldBe) {
  const std::string d = dataSourceDescription();
  EXPECT_EQ(d.rfind("built in (no ", 0), 0u) << d;
  EXPECT_NE(d.find("/share/lambda-lint)"), std::string::npos) << d;
}

TEST(DataDir, BuiltinDataParses) {
  EXPECT_NE(Catalogue::builtin().match("python", kind::Client, "boto3.client"), nullptr);
  EXPECT_NE(ImportCosts::builtin().lookup("python", "boto3"), nullptr);
}

} // namespace
} // namespace ll
