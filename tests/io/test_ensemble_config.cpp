// The ensemble config: [ensemble] in a run config or an --ensemble file, members as scenario entries x
// draws, and every bad input the issue lists as an exit-2 error naming the key.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "io/config/ensemble_config.hpp"
#include "io/config/run_config.hpp"
#include "solver/core/error.hpp"

using namespace polder;
using io::load_ensemble_config;

namespace {
std::string write_file(const std::string& name, const std::string& text) {
  auto path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << text;
  return path;
}
const char* k_run =
    "[run]\nstart_year = 1990\nend_year = 2000\ninput = in.nc\nclimate = c.nc\noutput = out.h5\n"
    "parameters = a.ini\nseed = 77\nscenario = Md\n";

io::RunConfig run_of(const std::vector<std::string>& files, const std::vector<std::string>& sets = {}) {
  return io::load_run_config(files, sets);
}

template <typename E = ConfigError, typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "";
}

std::string load_error(const std::string& ensemble_text) {
  const auto run = write_file("ec_run.ini", k_run);
  const auto ens = write_file("ec_bad.ini", ensemble_text);
  return error_of([&] { load_ensemble_config({run}, {ens}, {}, run_of({run})); });
}
}  // namespace

TEST(EnsembleConfig, ReadsTheSectionOfARunConfigAndNumbersMembers) {
  const auto measure = write_file("ec_measure.ini", "[run]\n");
  const auto run = write_file("ec_run_with.ini", std::string(k_run) +
                                                     "[ensemble]\nscenarios = Ld Hd\ndraws = 9\nsampling = random\n"
                                                     "groups = 2\n[ensemble.scenario]\nrewetting = Hn " +
                                                     measure + "\n");
  const auto rc = run_of({run});  // the run reader accepts the section
  EXPECT_NE(rc.effective_text.find("draws = 9"), std::string::npos);
  const auto e = load_ensemble_config({run}, {}, {"ensemble.draws=4", "run.end_year=1995"}, rc);
  ASSERT_TRUE(e.has_value());
  ASSERT_EQ(e->scenarios.size(), 3U);
  EXPECT_EQ(e->scenarios[0].climate, "Ld");
  EXPECT_EQ(e->scenarios[2].name, "rewetting");
  EXPECT_EQ(e->scenarios[2].climate, "Hn");
  EXPECT_EQ(e->scenarios[2].measure_files, std::vector<std::string>{measure});
  EXPECT_EQ(e->draws, 4);  // --set wins
  EXPECT_EQ(e->sampling, ensemble::SamplingMethod::random);
  EXPECT_EQ(e->seed, 77U);  // default: run.seed
  EXPECT_EQ(e->groups, 2);
  EXPECT_DOUBLE_EQ(e->tolerance_percent, 1.5);
  EXPECT_EQ(e->convergence_window, 100);
  // Members: entry x (draws + 1), draw 0 central.
  EXPECT_EQ(e->member_count(), 15);
  const auto m = e->member(7);
  EXPECT_EQ(m.scenario, 1U);
  EXPECT_EQ(m.draw, 2);
  EXPECT_EQ(e->member(10).draw, 0);
  EXPECT_EQ(e->members().size(), 15U);
  EXPECT_NE(error_of([&] { e->member(15); }).find("--member 15"), std::string::npos);
}

TEST(EnsembleConfig, SeparateFileDefaultsAndAbsence) {
  const auto run = write_file("ec_run.ini", k_run);
  EXPECT_FALSE(load_ensemble_config({run}, {}, {}, run_of({run})).has_value());
  const auto ens = write_file("ec_ens.ini", "[ensemble]\ndraws = 3\nseed = 5\n");
  const auto e = load_ensemble_config({run}, {ens}, {}, run_of({run}));
  ASSERT_TRUE(e.has_value());
  ASSERT_EQ(e->scenarios.size(), 1U);
  EXPECT_EQ(e->scenarios[0].climate, "Md");  // run.scenario
  EXPECT_EQ(e->seed, 5U);
  EXPECT_EQ(e->member_count(), 4);
  // Scenarios without draws: no Monte Carlo, one central member per entry.
  const auto only = write_file("ec_only.ini", "[ensemble]\nscenarios = Ld Ln Hd\n");
  const auto s = load_ensemble_config({run}, {only}, {}, run_of({run}));
  EXPECT_EQ(s->draws, 0);
  EXPECT_EQ(s->member_count(), 3);
}

TEST(EnsembleConfig, BadInputNamesTheKey) {
  EXPECT_NE(load_error("[ensemble]\ndraws = 0\n").find("ensemble.draws = 0"), std::string::npos);
  EXPECT_NE(load_error("[ensemble]\ndraws = 100001\n").find("ensemble.draws = 100001 must be 1 .. 100000"),
            std::string::npos);
  EXPECT_NE(load_error("[ensemble]\ndraws = many\n").find("is not an integer"), std::string::npos);
  EXPECT_NE(load_error("[ensemble]\ndraw = 10\n").find("did you mean 'ensemble.draws'"), std::string::npos);
  EXPECT_NE(load_error("[ensemble]\nscenarios = Ld Hx\n").find("'Hx' is not a KNMI'23 scenario"), std::string::npos);
  EXPECT_NE(load_error("[ensemble.scenario]\npeat = Hd\n[ensemble]\nscenarios = Hd\n[ensemble.scenario]\nHd = Ld\n")
                .find("given twice"),
            std::string::npos);
  EXPECT_NE(load_error("[ensemble]\nsampling = lhc\n").find("did you mean 'lhs'"), std::string::npos);
  EXPECT_NE(load_error("[ensemble]\ngroups = 0\n").find("ensemble.groups = 0 must be"), std::string::npos);
  EXPECT_NE(load_error("[ensemble]\ntolerance = 0\n").find("ensemble.tolerance"), std::string::npos);
  EXPECT_NE(load_error("[ensemble]\nconvergence_window = 0\n").find("ensemble.convergence_window"), std::string::npos);
  EXPECT_NE(load_error("[ensemble]\nseed = -3\n").find("ensemble.seed"), std::string::npos);
  EXPECT_NE(load_error("[ensemble.scenario]\npeat =\n").find("ensemble.scenario.peat is empty"), std::string::npos);
  EXPECT_NE(load_error("[run]\nend_year = 1995\n[ensemble]\ndraws = 2\n").find("not an [ensemble] key"),
            std::string::npos);
  EXPECT_NE(load_error("# nothing\n").find("no [ensemble] keys"), std::string::npos);
  // A missing measure or activity file is bad input, also exit 2, naming the key.
  const auto run = write_file("ec_run.ini", k_run);
  const auto missing = write_file("ec_missing.ini", "[ensemble.scenario]\npeat = Hd no/such/measure.ini\n");
  EXPECT_NE(error_of<InputError>([&] {
              load_ensemble_config({run}, {missing}, {}, run_of({run}));
            }).find("ensemble.scenario.peat: measure file 'no/such/measure.ini' not found"),
            std::string::npos);
  const auto act = write_file("ec_act.ini", "[ensemble]\nactivity_data = no/such.ini\n");
  EXPECT_NE(error_of<InputError>([&] {
              load_ensemble_config({run}, {act}, {}, run_of({run}));
            }).find("ensemble.activity_data"),
            std::string::npos);
  // Unknown --set keys are caught by both readers.
  EXPECT_NE(error_of([&] {
              load_ensemble_config({run}, {}, {"ensemble.draws_=3"}, run_of({run}));
            }).find("did you mean 'ensemble.draws'"),
            std::string::npos);
  EXPECT_NE(error_of([&] { run_of({run}, {"ensemble.sampel=lhs"}); }).find("did you mean 'ensemble.sampling'"),
            std::string::npos);
  EXPECT_NO_THROW(run_of({run}, {"ensemble.draws=3", "ensemble.scenario.x=Hd"}));
}

TEST(EnsembleConfig, RunTimeChecksOfGroupsAndSize) {
  const auto run = write_file("ec_run.ini", k_run);
  const auto ens = write_file("ec_groups.ini", "[ensemble]\ndraws = 3\ngroups = 4\n");
  const auto e = *load_ensemble_config({run}, {ens}, {}, run_of({run}));
  EXPECT_NE(error_of([&] { io::check_groups(e, 2); }).find("ensemble.groups = 4 is more than the 2 MPI ranks"),
            std::string::npos);
  EXPECT_NO_THROW(io::check_groups(e, 4));
  auto few = e;
  few.draws = 1;  // 2 members, 4 groups
  EXPECT_NE(error_of([&] { io::check_groups(few, 8); }).find("nothing to do"), std::string::npos);
  // The national grid (66.5 M active cells) over 61 years: 10,000 draws of one scenario pass,
  // 100,000 draws of three do not.
  auto big = e;
  big.draws = 10000;
  EXPECT_NO_THROW(io::check_ensemble_size(big, 66'500'000, 61));
  big.draws = 100000;
  big.scenarios.resize(3, big.scenarios.front());
  EXPECT_NE(error_of([&] { io::check_ensemble_size(big, 66'500'000, 61); }).find("ensemble.draws = 100000"),
            std::string::npos);
}
