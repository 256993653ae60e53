// Pass B through the span kernels against the per-cell kernels, over lists longer than a chunk: each
// stand's and peat cell's new pools equal the per-cell kernel's, the ledger holds the sum of the
// per-cell books, stands at rotation age in a projection year are felled by their own draw, peat used
// up within the year leaves the list, transitions that run out leave theirs, and the books close.
#include <gtest/gtest.h>

#include <random>

#include "solver/kernels/counter_hash.hpp"
#include "solver/kernels/forest_span.hpp"
#include "tests/engine/engine_fixture.hpp"

using namespace polder;
using model::Quantity;
using polder::testing::Books;

namespace {

constexpr double k_ha = 0.0625;

}  // namespace

TEST(ProcessPass, StandsOverSeveralChunksEqualTheStandKernel) {
  constexpr std::size_t n = 2 * engine::k_chunk + 777;
  for (const std::int32_t year : {2010, 2040}) {  // before and after the forest reference year
    polder::testing::OneTile one(n, static_cast<std::uint8_t>(model::LandUse::grassland_agri), 1);
    std::mt19937 rng(9);
    const auto pick = [&rng](unsigned range) { return static_cast<int>(rng() % range); };
    for (std::size_t i = 0; i < n; ++i)
      one.make_stand(i, static_cast<std::uint8_t>(1 + pick(9)), static_cast<std::uint8_t>(1 + pick(5)),
                     static_cast<float>(pick(200) - 20), 5.0 + pick(150), 1.0 * pick(20), 1.0 * pick(15), i % 6 != 0);
    const auto before = one.lists().woody;
    const Books b = one.run_processes(year);
    const auto& fp = one.p.forest;
    double gain = 0.0, loss = 0.0, harvest = 0.0, felled = 0.0;
    std::size_t renewed_by_draw = 0;
    const auto& w = one.lists().woody;
    ASSERT_EQ(w.size(), n);
    for (std::size_t r = 0; r < n; ++r) {
      const std::size_t i = w.cell[r];
      kernels::StandState st{before.species[r],   before.yield_class[r], before.age[r],
                             before.biomass_c[r], before.dead_wood_c[r], before.litter_c[r]};
      kernels::StandYearInput in;
      const bool forest = one.s.land_use[i] == static_cast<std::uint8_t>(model::LandUse::forest);
      in.growth_scale = forest ? 1.0 : fp.trees_outside_forest_factor;
      in.harvested = forest;
      in.renew_at_rotation = year > one.s.forest_reference_year;
      if (in.renew_at_rotation && in.harvested && st.age + 1.0 >= fp.species[st.species].rotation_age_yr)
        in.felling_draw = kernels::uniform01(1, kernels::RandomStream::final_felling, year, one.s.cell_id(0, i));
      const auto f = kernels::forest_year(fp, st, in);
      const auto books = kernels::stand_books(f);
      ASSERT_EQ(w.biomass_c[r], (st.biomass_c + books.lb_gain) - books.lb_loss) << r;
      ASSERT_EQ(w.dead_wood_c[r], st.dead_wood_c + books.dead_wood_change) << r;
      ASSERT_EQ(w.litter_c[r], st.litter_c + books.litter_change) << r;
      ASSERT_EQ(w.age[r], static_cast<float>(f.new_age)) << r;
      renewed_by_draw += (f.renewed && st.age >= 0.0) ? 1 : 0;
      gain += books.lb_gain;
      loss += books.lb_loss;
      harvest += f.roundwood_c;
      felled += f.fellings_m3;
    }
    EXPECT_NEAR(b.sum(Quantity::lb_gain_tc), gain * k_ha, 1e-6);
    EXPECT_NEAR(b.sum(Quantity::lb_loss_tc), loss * k_ha, 1e-6);
    EXPECT_NEAR(b.sum(Quantity::harvest_tc), harvest * k_ha, 1e-6);
    EXPECT_NEAR(b.sum(Quantity::fellings_m3), felled * k_ha, 1e-6);
    EXPECT_LE(static_cast<double>(b.residual), 1e-9 * static_cast<double>(b.scale) + 1);
    if (year > 2021) {
      EXPECT_GT(renewed_by_draw, 0U) << "some stands past rotation should be felled";
    }
  }
}

TEST(ProcessPass, PeatOverSeveralChunksUsedUpCellsLeaveTheList) {
  constexpr std::size_t n = engine::k_chunk + 500;
  polder::testing::OneTile one(n);
  for (std::size_t i = 0; i < n; ++i)
    one.make_peat(i, i % 10 == 0 ? 5.05 : 20.0 + static_cast<double>(i % 300), 95.0F, 25.0F);
  const auto before = one.lists().organic;
  const Books b = one.run_processes(2000);
  std::size_t gone = 0;
  double onsite = 0.0, doc = 0.0;
  for (std::size_t r = 0; r < n; ++r) {
    const std::size_t i = before.cell[r];
    const double wtd = before.wtd_base_cm[r] + one.p.organic.anomaly_weight * 0.0 + one.p.organic.wtd_offset_cm;
    const auto f =
        kernels::organic_soil_flux(one.p.organic, model::index(model::LandCategory::grassland), false,
                                   static_cast<double>(before.ditch_fraction[r]), wtd, 1.0, before.peat_c[r]);
    onsite += f.onsite_c_t_ha;
    doc += f.doc_c_t_ha;
    const double left = (before.peat_c[r] - f.onsite_c_t_ha) - f.doc_c_t_ha;
    const std::ptrdiff_t now = one.lists().organic.find(static_cast<std::uint16_t>(i));
    if (left / one.p.organic.carbon_per_cm_t_c_ha < one.p.organic.depleted_below_cm) {
      ASSERT_EQ(now, -1) << "used-up peat must leave the list";
      ASSERT_EQ(one.s.soil[i], one.p.peat_substrate[7]);
      ASSERT_EQ(one.s.soc_anchor[i], left);
      ++gone;
    } else {
      ASSERT_GE(now, 0);
      ASSERT_EQ(one.lists().organic.peat_c[static_cast<std::size_t>(now)], left);
    }
  }
  EXPECT_EQ(gone, (n + 9) / 10);
  EXPECT_NEAR(b.sum(Quantity::doc_tc), doc * k_ha, 1e-6);
  EXPECT_NEAR(b.sum(Quantity::peat_depleted_ha), static_cast<double>(gone) * k_ha, 1e-9);
  EXPECT_NEAR(b.sum(Quantity::organic_area_ha), static_cast<double>(n) * k_ha, 1e-9);
  EXPECT_NEAR(-b.sum(Quantity::organic_soil_tc) - b.sum(Quantity::mineral_soil_tc), onsite * k_ha, 1e-6);
  EXPECT_LE(static_cast<double>(b.residual), 1e-9 * static_cast<double>(b.scale) + 1);
}

TEST(ProcessPass, TransitionsMoveTheAnchorAndLeaveWhenTheyEnd) {
  polder::testing::OneTile one(3000, static_cast<std::uint8_t>(model::LandUse::arable), 1);
  auto& tl = one.lists().transition;
  for (std::size_t i = 0; i < 3000; i += 2) {
    const std::size_t r = tl.push_back(static_cast<std::uint16_t>(i), one.key(i));
    tl.rate[r] = i % 4 == 0 ? -0.75F : 0.5F;
    tl.years_left[r] = static_cast<std::uint8_t>(1 + i % 3);
    one.s.soc_anchor[i] = 60.0;
  }
  const Books b = one.run_processes(2000);
  EXPECT_EQ(tl.size(), 1000U) << "the third with one year left has ended";
  for (std::size_t i = 0; i < 3000; i += 2) EXPECT_EQ(one.s.soc_anchor[i], i % 4 == 0 ? 59.25 : 60.5);
  EXPECT_NEAR(b.sum(Quantity::mineral_soil_tc), (750 * -0.75 + 750 * 0.5) * k_ha, 1e-9);
  EXPECT_GT(b.sum(Quantity::n2o_mineralisation_t), 0.0);
}
