// The output schema is the one source of the inventory layout: the builder makes exactly its datasets
// with their shapes, every EU term it computes is in it, and docs/output-format.md holds the tables it
// generates (so the documentation cannot drift from the file).

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "solver/reporting/eu_accounting.hpp"
#include "solver/reporting/inventory_builder.hpp"
#include "solver/reporting/output_schema.hpp"
#include "tests/reporting/report_fixture.hpp"

using namespace polder::reporting;

TEST(OutputSchema, PathsAreUniqueAndEuTermsCiteTheirSource) {
  std::set<std::string> paths;
  for (const auto& s : inventory_schema()) {
    EXPECT_TRUE(paths.insert(s.path).second) << s.path;
    EXPECT_EQ(s.path[0], '/') << s.path;
    const bool term = s.path.rfind("/eu_accounting/", 0) == 0 && s.type == ValueType::f64;
    if (term) {
      EXPECT_NE(s.legal_source.find("Reg. (EU)"), std::string::npos) << s.path;
      EXPECT_FALSE(s.formula.empty()) << s.path;
      EXPECT_FALSE(s.units.empty()) << s.path;
    }
  }
}

TEST(OutputSchema, BuilderMakesExactlyTheSchemaDatasets) {
  const auto years = polder::testing::report_years();
  const InventoryData data = build_inventory_data(years, polder::testing::report_eu_parameters());
  const RunDims dims{years.size(), 0, 0};
  for (const auto& s : inventory_schema()) {
    if (s.optional || s.path.rfind("/provenance/", 0) == 0) continue;
    ASSERT_TRUE(data.has(s.path)) << s.path;
    EXPECT_EQ(check_dataset(s, data.get(s.path), dims), "") << s.path;
  }
  for (const auto& [path, d] : data.all()) EXPECT_NE(find_spec(path), nullptr) << path << " is not in the schema";
}

TEST(OutputSchema, EveryComputedTermIsInTheSchema) {
  const auto a = evaluate_eu_accounting(CrtSeries::zeros({2021}), EuParameters{});
  std::size_t in_schema = 0;
  for (const auto& [key, term] : a.terms) EXPECT_NE(find_spec("/eu_accounting/" + key), nullptr) << key;
  for (const auto& s : inventory_schema())
    if (!s.legal_source.empty() && s.path.find('/', 15) != std::string::npos) {
      ++in_schema;
      EXPECT_EQ(a.terms.count(s.path.substr(15)), 1U) << s.path << " is in the schema but not computed";
    }
  EXPECT_EQ(in_schema, a.terms.size());
}

TEST(OutputSchema, DocumentationHoldsTheGeneratedTables) {
  const auto doc_path = std::filesystem::path(POLDER_SOURCE_DIR) / "docs" / "output-format.md";
  std::ifstream in(doc_path);
  ASSERT_TRUE(in) << doc_path;
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string doc = ss.str();
  for (const auto& g : schema_groups()) {
    const std::string begin = "<!-- schema " + g + " -->\n", end = "<!-- end schema -->";
    const auto b = doc.find(begin);
    ASSERT_NE(b, std::string::npos) << "docs/output-format.md has no '" << begin << "'";
    const auto e = doc.find(end, b);
    ASSERT_NE(e, std::string::npos) << "no '" << end << "' after " << begin;
    const std::string have = doc.substr(b + begin.size(), e - b - begin.size());
    EXPECT_EQ(have, schema_markdown(g)) << "docs/output-format.md is out of date for " << g
                                        << "; replace the table with the output of `polder info --schema`";
  }
}
