// Members' parameters: the real parameter files sampled through the plan give ModelParameters that
// read without error in every draw, draw 0 is the central set, and a member alone gives the same
// parameters as its row of the plan.
#include <gtest/gtest.h>

#include <filesystem>

#include "solver/engine/ensemble_parameters.hpp"
#include "solver/engine/model_parameters.hpp"
#include "solver/ensemble/activity_draws.hpp"
#include "solver/ensemble/rank_correlation.hpp"
#include "tests/engine/engine_fixture.hpp"

using namespace polder;

namespace {
io::EnsembleConfig config(std::int64_t draws) {
  io::EnsembleConfig c;
  c.scenarios.push_back({"Hd", "Hd", {}});
  c.draws = draws;
  c.seed = 20261128;
  return c;
}
std::string activity_file() {
  return (std::filesystem::path(POLDER_SOURCE_DIR) / "configs" / "parameters" / "activity_data.ini").string();
}
}  // namespace

TEST(EnsembleParameters, EveryDrawOfTheRealFilesReads) {
  const auto model = io::ParameterSet::load({polder::testing::parameter_file()});
  const auto activity = io::ParameterSet::load({activity_file()});
  const auto plan = engine::sampling_plan(config(40), model, &activity);
  EXPECT_GT(plan.parameters().size(), 150U);
  EXPECT_LT(plan.group_count(), plan.parameters().size());  // correlation groups in the file
  const auto slope = static_cast<std::size_t>(plan.find("organic_soil.co2_slope"));
  const auto table = plan.table();
  const std::size_t np = plan.parameters().size();
  for (std::int64_t d = 0; d <= plan.draws(); ++d) {
    const auto set = engine::parameters_for_draw(model, plan, d);
    engine::ModelParameters p;
    ASSERT_NO_THROW(p = engine::read_model_parameters(set)) << "draw " << d;
    EXPECT_EQ(p.organic.co2_slope_t_co2_ha_per_10cm, table[static_cast<std::size_t>(d) * np + slope]);
    const auto keep = ensemble::activity_keep(plan, plan.values(d));
    EXPECT_GE(keep.land_use_change, 0.761);
    EXPECT_LE(keep.organic_soil, 1.0);
  }
  const auto central = engine::read_model_parameters(engine::parameters_for_draw(model, plan, 0));
  EXPECT_EQ(central.organic.co2_slope_t_co2_ha_per_10cm, 4.6);
  EXPECT_EQ(ensemble::activity_keep(plan, plan.values(0)).organic_soil, 1.0);
  const auto drawn = engine::read_model_parameters(engine::parameters_for_draw(model, plan, 1));
  EXPECT_NE(drawn.organic.co2_slope_t_co2_ha_per_10cm, 4.6);
  // Fixed parameters stay at their value.
  EXPECT_EQ(plan.find("hwp.share.sawnwood"), -1);
  EXPECT_EQ(drawn.hwp.product_share[0], 0.4);
}

TEST(EnsembleParameters, CorrelatedFactorsMoveTogetherAcrossCategories) {
  const auto model = io::ParameterSet::load({polder::testing::parameter_file()});
  const auto plan = engine::sampling_plan(config(60), model, nullptr);
  std::vector<double> marine, loess, sand;
  for (std::int64_t d = 1; d <= 60; ++d) {
    const auto p = engine::read_model_parameters(engine::parameters_for_draw(model, plan, d));
    marine.push_back(p.mineral.soc_ref_t_c_ha[2]);
    loess.push_back(p.mineral.soc_ref_t_c_ha[4]);
    sand.push_back(p.mineral.soc_ref_t_c_ha[1]);
  }
  EXPECT_DOUBLE_EQ(ensemble::spearman(marine, loess), 1.0);
  EXPECT_LT(std::abs(ensemble::spearman(marine, sand)), 0.5);
}

TEST(EnsembleParameters, ActivityEntriesMustNotShadowModelParameters) {
  const auto model = io::ParameterSet::load({polder::testing::parameter_file()});
  EXPECT_THROW(engine::sampling_plan(config(5), model, &model), ConfigError);
}
