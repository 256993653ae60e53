// The real parameter file reads completely (every parameter used, units right, values in their
// ranges), and the derived tables are built.
#include <gtest/gtest.h>

#include "solver/core/error.hpp"
#include "tests/engine/engine_fixture.hpp"

using namespace polder;

TEST(ModelParameters, RealFileReads) {
  const auto set = io::ParameterSet::load({polder::testing::parameter_file()});
  const auto p = engine::read_model_parameters(set);
  for (const auto& [name, q] : set.all()) {
    EXPECT_LE(q.low, q.value) << name;
    EXPECT_GE(q.high, q.value) << name;
  }
  EXPECT_EQ(p.wetland.brackish_zones.size(), 2U);  // Saeftinghe, Dollard
  EXPECT_FALSE(p.forest.table.increment.empty());
  const auto pine = static_cast<std::uint8_t>(model::ForestSpecies::scots_pine);
  EXPECT_GT(kernels::managed_volume(p.forest, pine, 3, 80.0), 100.0);
  EXPECT_GT(kernels::soc_equilibrium(p.mineral, 2, static_cast<std::uint8_t>(model::LandUse::grassland_agri)),
            kernels::soc_equilibrium(p.mineral, 2, static_cast<std::uint8_t>(model::LandUse::arable)));
  for (int prov = 1; prov <= model::k_provinces; ++prov) {
    EXPECT_GE(p.peat_substrate[static_cast<std::size_t>(prov)], 1);
    EXPECT_LE(p.peat_substrate[static_cast<std::size_t>(prov)], 4);
  }
}

TEST(ModelParameters, MeasureFileOverridesAFactor) {
  // A measure is a parameter file read after the base one: here reduced tillage on arable land.
  auto set = io::ParameterSet::load({polder::testing::parameter_file()});
  auto all = set.all();
  std::vector<io::Parameter> params;
  for (auto& [name, q] : all) params.push_back(q);
  params.push_back(
      {"mineral_soil.f_mg.arable", 1.04, "1", "IPCC 2019 Table 5.5 reduced tillage", 1.0, 1.08, "", "measure"});
  const auto p = engine::read_model_parameters(io::ParameterSet::from(params));
  EXPECT_NEAR(kernels::soc_equilibrium(p.mineral, 2, static_cast<std::uint8_t>(model::LandUse::arable)),
              81.0 * 0.7 * 1.04, 1e-9);
}

TEST(ModelParameters, CroplandOrganicSoilsUseTheTier1Factor) {
  const auto set = io::ParameterSet::load({polder::testing::parameter_file()});
  const auto p = engine::read_model_parameters(set);
  const auto crop = static_cast<std::size_t>(model::index(model::LandCategory::cropland));
  const auto grass = static_cast<std::size_t>(model::index(model::LandCategory::grassland));
  EXPECT_TRUE(p.organic.tier1[crop]);
  EXPECT_DOUBLE_EQ(p.organic.tier1_co2_c_t_ha[crop], 7.9);
  EXPECT_FALSE(p.organic.tier1[grass]);
  EXPECT_DOUBLE_EQ(p.organic.co2_factor[grass], 1.0);
  EXPECT_DOUBLE_EQ(p.forest.final_felling_rate, set.all().at("forest.final_felling_rate").value);
  EXPECT_GT(p.forest.final_felling_rate, 0.0);
}

TEST(ModelParameters, BothTier1AndWaterTableFactorForOneCategoryIsAnError) {
  const auto set = io::ParameterSet::load({polder::testing::parameter_file()});
  std::vector<io::Parameter> params;
  for (const auto& [name, q] : set.all()) params.push_back(q);
  params.push_back({"organic_soil.co2_factor.cropland", 1.3, "1", "test", 1.0, 1.5, "", "test"});
  try {
    (void)engine::read_model_parameters(io::ParameterSet::from(params));
    FAIL() << "no error for a category with both methods";
  } catch (const ConfigError& e) {
    EXPECT_NE(std::string(e.what()).find("organic_soil.tier1_co2.cropland"), std::string::npos) << e.what();
  }
}
