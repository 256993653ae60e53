// Scenario sets (configs/scenarios): the reader returns the members in file order with their climate
// and measure files, the base and the overrides each run gets, and refuses every bad set with a message
// naming the file and key; the sets shipped in configs/scenarios read.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/config/scenario_set.hpp"
#include "solver/core/error.hpp"

using namespace polder;
namespace fs = std::filesystem;

namespace {

/// A folder with a base config and two measure files; the set file is written into it and read from
/// it as the working folder (set paths are relative to the folder polder starts in).
class ScenarioSetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_old = fs::current_path();
    m_dir = fs::temp_directory_path() / ("polder_scenario_set_" + std::to_string(::getpid()));
    fs::remove_all(m_dir);
    fs::create_directories(m_dir / "measures");
    fs::current_path(m_dir);
    std::ofstream("base.ini") << "[run]\n";
    std::ofstream("measures/peat.ini") << "[run]\n";
    std::ofstream("measures/forest.ini") << "[run]\n";
  }
  void TearDown() override {
    fs::current_path(m_old);
    fs::remove_all(m_dir);
  }
  static std::string write(const std::string& text) {
    std::ofstream("set.ini") << text;
    return "set.ini";
  }
  template <typename E = ConfigError>
  static std::string error_of(const std::string& text) {
    const auto path = write(text);
    try {
      (void)io::load_scenario_set(path);
    } catch (const E& e) {
      return e.what();
    }
    return "";
  }

  fs::path m_old, m_dir;
};

const std::string k_head = "[set]\nname = test_set\nbase_config = base.ini\n";
const std::string k_two =
    "[member.Hd_none]\nscenario = Hd\nmeasures = none\n[member.Ld_none]\nscenario = Ld\nmeasures = none\n";

}  // namespace

TEST_F(ScenarioSetTest, ReadsMembersInOrderWithTheirClimateAndMeasures) {
  const auto s =
      io::load_scenario_set(write("# a set\n[set]\nname = cabinet\ndescription = test\n"
                                  "base_config = base.ini\nyears = 1990-2050\nbase = Ld_all\n"
                                  "[member.Hd_none]\nscenario = Hd\nmeasures = none\n"
                                  "[member.Ld_all]\nscenario = Ld   # comment\n"
                                  "measures = measures/peat.ini measures/forest.ini\n"
                                  "description = all measures\n"));
  EXPECT_EQ(s.name, "cabinet");
  EXPECT_EQ(s.base_configs, (std::vector<std::string>{"base.ini"}));
  EXPECT_EQ(s.start_year.value_or(0), 1990);
  EXPECT_EQ(s.end_year.value_or(0), 2050);
  ASSERT_EQ(s.members.size(), 2U);
  EXPECT_EQ(s.members[0].name, "Hd_none");
  EXPECT_EQ(s.members[0].climate, "Hd");
  EXPECT_TRUE(s.members[0].measure_files.empty());
  EXPECT_EQ(s.members[1].climate, "Ld");
  EXPECT_EQ(s.members[1].measure_files, (std::vector<std::string>{"measures/peat.ini", "measures/forest.ini"}));
  EXPECT_EQ(s.descriptions[1], "all measures");
  EXPECT_EQ(s.base, 1U);
  EXPECT_EQ(s.config_files(1), (std::vector<std::string>{"base.ini", "measures/peat.ini", "measures/forest.ini"}));
  EXPECT_EQ(s.overrides(1), (std::vector<std::string>{"run.scenario=Ld", "run.name=cabinet: Ld_all",
                                                      "run.start_year=1990", "run.end_year=2050"}));
  // Without years and base: the members keep the base config's years, the first member is the base.
  const auto t = io::load_scenario_set(write(k_head + k_two));
  EXPECT_FALSE(t.start_year.has_value());
  EXPECT_EQ(t.base, 0U);
  EXPECT_EQ(t.overrides(0).size(), 2U);
}

TEST_F(ScenarioSetTest, UnknownSectionsAndKeysAreRefusedWithASuggestion) {
  auto msg = error_of(k_head + "base_confg = x\n" + k_two);
  EXPECT_NE(msg.find("set.ini: unknown key 'set.base_confg' (did you mean 'set.base_config'?)"), std::string::npos)
      << msg;
  msg = error_of(k_head + k_two + "[member.Mn]\nscenari = Mn\nmeasures = none\n");
  EXPECT_NE(msg.find("unknown key 'member.Mn.scenari' (did you mean 'member.Mn.scenario'?)"), std::string::npos) << msg;
  msg = error_of(k_head + k_two + "[membr.Mn]\nscenario = Mn\n");
  EXPECT_NE(msg.find("unknown key 'membr.Mn.scenario'"), std::string::npos) << msg;
  msg = error_of(k_head + k_two + "[member]\nscenario = Mn\n");
  EXPECT_NE(msg.find("[member.NAME] section"), std::string::npos) << msg;
  msg = error_of(k_head + k_two + "[member.a.b]\nscenario = Mn\n");
  EXPECT_NE(msg.find("member name holds only"), std::string::npos) << msg;
}

TEST_F(ScenarioSetTest, BadValuesNameTheKey) {
  auto msg = error_of(k_head + "[member.x]\nscenario = Hx\nmeasures = none\n" + k_two);
  EXPECT_NE(msg.find("member.x.scenario = 'Hx' is not a KNMI'23 scenario"), std::string::npos) << msg;
  EXPECT_NE(msg.find("did you mean"), std::string::npos) << msg;
  msg = error_of(k_head + "[member.x]\nscenario = Mn\n" + k_two);
  EXPECT_NE(msg.find("member.x.measures is missing"), std::string::npos) << msg;
  msg = error_of(k_head + "[member.x]\nscenario = Mn\nmeasures = none measures/peat.ini\n" + k_two);
  EXPECT_NE(msg.find("'none' stands alone"), std::string::npos) << msg;
  msg = error_of(k_head + "[member.x]\nscenario = Mn\nmeasures = measures/peat.ini measures/peat.ini\n" + k_two);
  EXPECT_NE(msg.find("'measures/peat.ini' is listed twice"), std::string::npos) << msg;
  msg = error_of(k_head + k_two + "[member.again]\nscenario = Hd\nmeasures = none\n");
  EXPECT_NE(msg.find("members Hd_none and again are the same run"), std::string::npos) << msg;
  msg = error_of(k_head + "[member.Hd_none]\nscenario = Hd\nmeasures = none\n");
  EXPECT_NE(msg.find("at least two"), std::string::npos) << msg;
  msg = error_of(k_head + "base = Hd_nnoe\n" + k_two);
  EXPECT_NE(msg.find("set.base = 'Hd_nnoe' is not a member of the set (did you mean 'Hd_none'?)"), std::string::npos)
      << msg;
  msg = error_of(k_head + "years = 2050-1990\n" + k_two);
  EXPECT_NE(msg.find("set.years"), std::string::npos) << msg;
  msg = error_of(k_head + "years = 1980-2050\n" + k_two);
  EXPECT_NE(msg.find("outside 1990-2100"), std::string::npos) << msg;
  msg = error_of("[set]\nbase_config = base.ini\n" + k_two);
  EXPECT_NE(msg.find("missing required key set.name"), std::string::npos) << msg;
  msg = error_of("[set]\nname = a b\nbase_config = base.ini\n" + k_two);
  EXPECT_NE(msg.find("set.name = 'a b'"), std::string::npos) << msg;
  msg = error_of(k_head + "description =\n" + k_two);
  EXPECT_NE(msg.find("set.description has an empty value"), std::string::npos) << msg;
  msg = error_of(k_head + k_two + "[member.Hd_none]\nscenario = Hn\n");
  EXPECT_NE(msg.find("member.Hd_none.scenario is given twice"), std::string::npos) << msg;
}

TEST_F(ScenarioSetTest, MissingFilesAreInputErrorsNamingTheKey) {
  auto msg = error_of<InputError>("[set]\nname = s\nbase_config = nowhere.ini\n" + k_two);
  EXPECT_NE(msg.find("set.base_config: config file 'nowhere.ini' not found"), std::string::npos) << msg;
  msg = error_of<InputError>(k_head + "[member.x]\nscenario = Mn\nmeasures = measures/peat.ini measures/nope.ini\n" +
                             k_two);
  EXPECT_NE(msg.find("member.x.measures: measure file 'measures/nope.ini' not found"), std::string::npos) << msg;
  EXPECT_THROW((void)io::load_scenario_set("no_such_set.ini"), InputError);
}

TEST_F(ScenarioSetTest, ShippedSetsRead) {
  // configs/scenarios/cabinet_2026.ini against stand-ins for the national config and the seven measure
  // files (the set names them; this test checks the set, not them).
  fs::create_directories("configs/measures");
  std::ofstream("configs/national.ini") << "[run]\n";
  const std::vector<std::string> measures = {"veenweide",        "bossenstrategie", "landbouwbodems", "natuurbeheer",
                                             "kwelders_zeegras", "natuurbrand",     "houtoogst"};
  for (const auto& m : measures) std::ofstream("configs/measures/" + m + ".ini") << "[run]\n";
  const auto s = io::load_scenario_set(std::string(POLDER_SOURCE_DIR) + "/configs/scenarios/cabinet_2026.ini");
  EXPECT_EQ(s.name, "cabinet_2026");
  ASSERT_EQ(s.members.size(), 12U);
  const std::vector<std::string> knmi = {"Ld", "Ln", "Md", "Mn", "Hd", "Hn"};
  for (std::size_t i = 0; i < 12; ++i) {
    EXPECT_EQ(s.members[i].climate, knmi[i / 2]);
    EXPECT_EQ(s.members[i].measure_files.size(), i % 2 == 0 ? 0U : 7U) << s.members[i].name;
  }
  EXPECT_EQ(s.members[s.base].name, "Hd_none");
  EXPECT_EQ(s.end_year.value_or(0), 2050);

  fs::current_path(POLDER_SOURCE_DIR);
  const auto demo = io::load_scenario_set("configs/scenarios/demo_climates.ini");
  EXPECT_EQ(demo.members.size(), 4U);
  EXPECT_EQ(demo.base_configs, (std::vector<std::string>{"configs/demo.ini"}));
}

TEST(ScenarioSetKeys, EveryKeyIsDocumented) {
  std::ifstream in(std::string(POLDER_SOURCE_DIR) + "/docs/configuration.md");
  std::stringstream text;
  text << in.rdbuf();
  for (const auto& k : io::scenario_set_keys())
    EXPECT_NE(text.str().find("| `" + k + "` |"), std::string::npos) << k << " is not in docs/configuration.md";
}
