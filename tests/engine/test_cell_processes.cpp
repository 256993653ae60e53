// Pass B on single cells with the real parameters: every pool change is booked (closure), peat that is
// used up turns the cell mineral and leaves the organic list, the water table drives peat CO2 with the
// van der Poel slope, forest harvest reaches the HWP column, and N2O of drained agricultural organic
// soils is a memo item.
#include <gtest/gtest.h>

#include <cmath>

#include "tests/engine/engine_fixture.hpp"

using namespace polder;
using model::LandUse;
using model::Quantity;
using polder::testing::Books;

namespace {

constexpr auto k_grass = static_cast<std::uint8_t>(LandUse::grassland_agri);
constexpr double k_ha = 0.0625;

}  // namespace

TEST(CellProcesses, UsedUpPeatBecomesMineralAndTheBooksClose) {
  polder::testing::OneTile one(1);
  one.make_peat(0, 5.1, 90.0F, 30.0F);  // 0.15 cm oxidised and exported: below 5 cm
  const double before = one.lists().organic.peat_c[0] + one.s.soc_anchor[0];
  const Books b = one.run_processes(2000);
  EXPECT_TRUE(one.lists().organic.empty()) << "the cell leaves the organic list";
  EXPECT_EQ(one.s.soil[0], one.p.peat_substrate[7]);
  EXPECT_NEAR(b.sum(Quantity::peat_depleted_ha), k_ha, 1e-9);
  // Carbon: what left the peat went to the air (on-site, DOC) or into the mineral topsoil.
  const double onsite = -b.sum(Quantity::organic_soil_tc) - b.sum(Quantity::mineral_soil_tc);
  const double left = before - one.s.soc_anchor[0];  // no peat left; SOC = anchor (no climate offset)
  EXPECT_NEAR(left * k_ha, onsite + b.sum(Quantity::doc_tc), 1e-9);
  EXPECT_LE(b.residual, 1);
  // Next year there is no more peat CO2.
  const Books next = one.run_processes(2001);
  EXPECT_EQ(next.sum(Quantity::organic_soil_tc), 0.0);
  EXPECT_EQ(next.sum(Quantity::peat_oxidation_tc), 0.0);
}

TEST(CellProcesses, DeeperWaterTableGivesTheVanDerPoelSlope) {
  const auto fluxes = [](float gw) {
    polder::testing::OneTile one(2);
    one.make_peat(0, 200.0, 80.0F, 20.0F);  // WTD 50 cm
    one.make_peat(1, 200.0, 80.0F, 20.0F);
    one.p.organic.anomaly_weight = 1.0;
    one.climate.gw_anomaly_cm = {gw};
    return one.run_processes(2000);
  };
  const Books a = fluxes(0.0F), b = fluxes(10.0F);  // 10 cm deeper
  const double area = 2 * k_ha;
  polder::testing::OneTile probe(1);
  const double slope = -(b.sum(Quantity::organic_soil_tc) - a.sum(Quantity::organic_soil_tc)) * 44.0 / 12.0 / area;
  EXPECT_NEAR(slope, probe.p.organic.co2_slope_t_co2_ha_per_10cm, 1e-6);
  EXPECT_NEAR(b.sum(Quantity::wtd_cm_ha) / area, 60.0, 1e-9);
}

TEST(CellProcesses, AgriculturalOrganicN2OIsAMemoItem) {
  polder::testing::OneTile one(1);
  one.make_peat(0, 200.0, 80.0F, 20.0F);
  const Books b = one.run_processes(2000);
  EXPECT_EQ(b.sum(Quantity::n2o_organic_t), 0.0);
  EXPECT_GT(b.sum(Quantity::n2o_organic_agri_t), 0.0);
  EXPECT_GT(b.sum(Quantity::ch4_organic_t), 0.0);
}

TEST(CellProcesses, ForestGrowsAndFeedsHarvestedWoodProducts) {
  polder::testing::OneTile one(1, k_grass, 1);
  one.make_stand(0, static_cast<std::uint8_t>(model::ForestSpecies::oak), 3, 50.0F, 80.0, 8.0, 15.0);
  const Books b = one.run_processes(2000);
  EXPECT_GT(b.sum(Quantity::increment_m3), 0.0);
  EXPECT_NEAR(b.sum(Quantity::fellings_m3), one.p.forest.harvest_fraction * b.sum(Quantity::increment_m3), 1e-9);
  EXPECT_GT(b.sum(Quantity::harvest_tc), 0.0);
  EXPECT_LT(b.sum(Quantity::harvest_tc), b.sum(Quantity::lb_loss_tc));
  EXPECT_EQ(one.lists().woody.age[0], 51.0F);
  EXPECT_LE(b.residual, 1);
}

TEST(CellProcesses, NothingHappensOnAStableMineralCell) {
  polder::testing::OneTile one(1, k_grass, 2);
  one.s.soc_anchor[0] = kernels::soc_equilibrium(one.p.mineral, 2, k_grass);
  const double soc = one.s.soc_anchor[0];
  const Books b = one.run_processes(2000);
  EXPECT_EQ(one.s.soc_anchor[0], soc);
  EXPECT_EQ(b.scale, 0);
}
