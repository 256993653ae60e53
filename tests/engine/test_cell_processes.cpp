// Pass B on single cells with the real parameters: every pool change is booked (closure), peat that is
// used up turns the cell mineral, the water table drives peat CO2 with the van der Poel slope, forest
// harvest reaches the HWP column, and N2O of drained agricultural organic soils is a memo item.
#include <gtest/gtest.h>

#include <cmath>

#include "solver/engine/tile_ledger.hpp"
#include "tests/engine/engine_fixture.hpp"

using namespace polder;
using model::LandUse;
using model::Quantity;

namespace {

constexpr auto k_grass = static_cast<std::uint8_t>(LandUse::grassland_agri);
constexpr auto k_forest = static_cast<std::uint8_t>(LandUse::forest);
constexpr auto k_peat = static_cast<std::uint8_t>(model::SoilClass::peat);
constexpr auto k_peaty = static_cast<std::uint8_t>(model::SoilClass::peaty);
constexpr double k_ha = 0.0625;

struct Books {
  std::vector<std::int64_t> ledger = std::vector<std::int64_t>(model::k_ledger_size, 0);
  std::vector<std::int64_t> transitions = std::vector<std::int64_t>(model::k_transition_size, 0);
  std::int64_t residual = 0, scale = 0, nonfinite = 0;
  double sum(Quantity q) const {
    double v = 0.0;
    for (int p = 0; p < model::k_provinces; ++p)
      for (int r = 0; r < model::k_ledger_rows; ++r)
        v += static_cast<double>(ledger[model::ledger_index(p, r, model::qi(q))]) * model::k_ledger_quantum;
    return v;
  }
};

Books run_year(polder::testing::OneTile& one, std::int32_t year) {
  engine::TileLedger tl;
  engine::run_processes(one.context(year), one.s, 0, {}, tl);
  Books b;
  tl.fold_into(b.ledger, b.transitions, b.residual, b.scale, b.nonfinite);
  return b;
}

void make_peat(polder::testing::OneTile& one, std::size_t i, double thickness_cm, float glg, float ghg) {
  one.s.land_use[i] = k_grass;
  one.s.soil[i] = thickness_cm >= 40.0 ? k_peat : k_peaty;
  one.s.peat_c[i] = thickness_cm * one.p.organic.carbon_per_cm_t_c_ha;
  one.s.glg_cm[i] = glg;
  one.s.ghg_cm[i] = ghg;
  one.s.biomass_c[i] = one.p.vegetation.biomass_c_t_ha[k_grass];
}

}  // namespace

TEST(CellProcesses, UsedUpPeatBecomesMineralAndTheBooksClose) {
  polder::testing::OneTile one(1);
  make_peat(one, 0, 5.1, 90.0F, 30.0F);  // 0.15 cm oxidised and exported: below 5 cm
  const double before = one.s.peat_c[0] + one.s.mineral_soc_c[0];
  const auto b = run_year(one, 2000);
  EXPECT_EQ(one.s.peat_c[0], 0.0);
  EXPECT_EQ(one.s.soil[0], one.p.peat_substrate[7]);
  EXPECT_NEAR(b.sum(Quantity::peat_depleted_ha), k_ha, 1e-9);
  // Carbon: what left the peat went to the air (on-site, DOC) or into the mineral topsoil.
  const double onsite = -b.sum(Quantity::organic_soil_tc) - b.sum(Quantity::mineral_soil_tc);
  const double left = before - one.s.peat_c[0] - one.s.mineral_soc_c[0];
  EXPECT_NEAR(left * k_ha, onsite + b.sum(Quantity::doc_tc), 1e-9);
  EXPECT_LE(b.residual, 1);
  // Next year there is no more peat CO2.
  const auto next = run_year(one, 2001);
  EXPECT_EQ(next.sum(Quantity::organic_soil_tc), 0.0);
  EXPECT_EQ(next.sum(Quantity::peat_oxidation_tc), 0.0);
}

TEST(CellProcesses, DeeperWaterTableGivesTheVanDerPoelSlope) {
  polder::testing::OneTile one(2);
  make_peat(one, 0, 200.0, 80.0F, 20.0F);  // WTD 50 cm
  make_peat(one, 1, 200.0, 80.0F, 20.0F);
  one.p.organic.anomaly_weight = 1.0;
  one.gw[0] = 0.0F;
  const auto a = run_year(one, 2000);
  make_peat(one, 0, 200.0, 80.0F, 20.0F);
  make_peat(one, 1, 200.0, 80.0F, 20.0F);
  one.gw[0] = 10.0F;  // 10 cm deeper
  const auto b = run_year(one, 2000);
  const double area = 2 * k_ha;
  const double slope = -(b.sum(Quantity::organic_soil_tc) - a.sum(Quantity::organic_soil_tc)) * 44.0 / 12.0 / area;
  EXPECT_NEAR(slope, one.p.organic.co2_slope_t_co2_ha_per_10cm, 1e-6);
  EXPECT_NEAR(b.sum(Quantity::wtd_cm_ha) / area, 60.0, 1e-9);
}

TEST(CellProcesses, AgriculturalOrganicN2OIsAMemoItem) {
  polder::testing::OneTile one(1);
  make_peat(one, 0, 200.0, 80.0F, 20.0F);
  const auto b = run_year(one, 2000);
  EXPECT_EQ(b.sum(Quantity::n2o_organic_t), 0.0);
  EXPECT_GT(b.sum(Quantity::n2o_organic_agri_t), 0.0);
  EXPECT_GT(b.sum(Quantity::ch4_organic_t), 0.0);
}

TEST(CellProcesses, ForestGrowsAndFeedsHarvestedWoodProducts) {
  polder::testing::OneTile one(1);
  auto& s = one.s;
  s.land_use[0] = k_forest;
  s.soil[0] = 1;
  s.species[0] = static_cast<std::uint8_t>(model::ForestSpecies::oak);
  s.yield_class[0] = 3;
  s.stand_age[0] = 50.0F;
  s.biomass_c[0] = 80.0;
  s.dead_wood_c[0] = 8.0;
  s.litter_c[0] = 15.0;
  s.mineral_soc_c[0] = kernels::soc_equilibrium(one.p.mineral, 1, k_forest);
  const auto b = run_year(one, 2000);
  EXPECT_GT(b.sum(Quantity::increment_m3), 0.0);
  EXPECT_NEAR(b.sum(Quantity::fellings_m3), one.p.forest.harvest_fraction * b.sum(Quantity::increment_m3), 1e-9);
  EXPECT_GT(b.sum(Quantity::harvest_tc), 0.0);
  EXPECT_LT(b.sum(Quantity::harvest_tc), b.sum(Quantity::lb_loss_tc));
  EXPECT_EQ(s.stand_age[0], 51.0F);
  EXPECT_LE(b.residual, 1);
}

TEST(CellProcesses, NothingHappensOnAStableMineralCellWithoutClimateResponse) {
  polder::testing::OneTile one(1);
  one.s.land_use[0] = k_grass;
  one.s.soil[0] = 2;
  one.s.biomass_c[0] = one.p.vegetation.biomass_c_t_ha[k_grass];
  one.s.mineral_soc_c[0] = kernels::soc_equilibrium(one.p.mineral, 2, k_grass);
  const double soc = one.s.mineral_soc_c[0];
  const auto b = run_year(one, 2000);
  EXPECT_EQ(one.s.mineral_soc_c[0], soc);
  EXPECT_EQ(b.scale, 0);
}
