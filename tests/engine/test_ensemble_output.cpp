// The /ensemble and /uncertainty datasets of an ensemble's member table: shapes, member bookkeeping,
// statistics over draws 1..N only (draw 0, the central estimate, is not a sample), and no statistics
// for a table that lacks members (a --member run).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "solver/engine/ensemble_output.hpp"
#include "solver/model/crt_category.hpp"

using namespace polder;

namespace {

constexpr std::size_t k_cat = model::k_crt_categories;

/// Two entries x (3 draws + central), 2 years; value = 100 * member + 10 * year + category, except
/// draw 0 which is far off so that a statistic that took it in would show.
engine::EnsembleTables make_tables(const io::EnsembleConfig& config) {
  engine::EnsembleTables t;
  t.years = 2;
  t.parameters = 1;
  for (std::int64_t k = 0; k < config.member_count(); ++k) {
    const auto m = config.member(k);
    t.members.push_back(k);
    t.parameter_values.push_back(static_cast<double>(m.draw));
    for (std::size_t y = 0; y < 2; ++y) {
      double total = 0.0;
      for (std::size_t c = 0; c < k_cat; ++c) {
        const double v =
            m.draw == 0 ? 1e6
                        : 100.0 * static_cast<double>(m.draw) + 10.0 * static_cast<double>(y) + static_cast<double>(c);
        t.net_kt_co2e.push_back(v);
        total += v;
      }
      t.total_kt_co2e.push_back(total);
    }
    // 2030 target met in draws 1 and 2 of each entry, not in 3; the 2021-2025 test undetermined.
    t.eu_compliance.push_back(std::nan(""));
    t.eu_compliance.push_back(1.0);
    t.eu_compliance.push_back(m.draw == 3 ? 0.0 : 1.0);
  }
  return t;
}

io::EnsembleConfig make_config() {
  io::EnsembleConfig c;
  c.scenarios = {{"Hd", "Hd", {}}, {"wet", "Ld", {"peat.ini"}}};
  c.draws = 3;
  c.convergence_window = 1;
  return c;
}

}  // namespace

TEST(EnsembleOutput, MembersAndStatisticsOverTheDraws) {
  const auto config = make_config();
  const auto t = make_tables(config);
  const std::vector<std::int32_t> years = {1990, 1991};
  const auto d = engine::ensemble_datasets(config, {"a.b"}, t, years);
  EXPECT_EQ(d.get("/ensemble/net_kt_co2e").shape, (std::vector<std::size_t>{8, 2, k_cat}));
  EXPECT_EQ(d.text("/ensemble/members/scenario")[5], "wet");
  EXPECT_EQ(d.text("/ensemble/members/climate")[5], "Ld");
  EXPECT_EQ(d.text("/ensemble/members/measures")[5], "peat.ini");
  EXPECT_EQ(d.ints("/ensemble/members/draw")[5], 1);
  // Draws 1..3 of category 4.B (c = 1) in 1991: 111, 211, 311.
  const auto mean = d.f64("/uncertainty/net_kt_co2e_mean");
  EXPECT_DOUBLE_EQ(mean[(0 * 2 + 1) * k_cat + 1], 211.0);
  EXPECT_DOUBLE_EQ(mean[(1 * 2 + 1) * k_cat + 1], 211.0);
  EXPECT_DOUBLE_EQ(d.f64("/uncertainty/net_kt_co2e_median")[1 * k_cat + 1], 211.0);
  // Type 7: p97.5 = 211 + 0.95 * 100.
  EXPECT_NEAR(d.f64("/uncertainty/net_kt_co2e_p97_5")[1 * k_cat + 1], 306.0, 1e-9);
  // Trend since 1990: +10 per category in every member.
  EXPECT_DOUBLE_EQ(d.f64("/uncertainty/trend_net_kt_co2e_mean")[1 * k_cat + 3], 10.0);
  EXPECT_EQ(d.ints("/uncertainty/trend_base_year")[0], 1990);
  EXPECT_EQ(d.get("/uncertainty/convergence/total_kt_co2e_mean").shape, (std::vector<std::size_t>{2, 3, 2}));
  // The total rises with the one sampled quantity (the draw number): rank correlation 1.
  EXPECT_DOUBLE_EQ(d.f64("/uncertainty/sensitivity_total_kt_co2e")[0], 1.0);
  // EU tests over draws 1..3 (draw 0 is not counted): undetermined, 3 of 3, 2 of 3.
  const auto share = d.f64("/uncertainty/eu_compliance_share");
  EXPECT_TRUE(std::isnan(share[0]));
  EXPECT_DOUBLE_EQ(share[1], 1.0);
  EXPECT_DOUBLE_EQ(share[2], 2.0 / 3.0);
  EXPECT_EQ(d.ints("/uncertainty/eu_compliance_determined")[0], 0);
  EXPECT_EQ(d.ints("/uncertainty/eu_compliance_determined")[5], 3);
  EXPECT_EQ(d.get("/ensemble/eu_compliance").shape, (std::vector<std::size_t>{8, 3}));
}

TEST(EnsembleOutput, NoStatisticsWithoutEveryMember) {
  const auto config = make_config();
  auto t = make_tables(config);
  // Keep member 6 only, as a --member 6 run does.
  engine::EnsembleTables one;
  one.years = 2;
  one.parameters = 1;
  one.members = {6};
  one.parameter_values = {t.parameter_values[6]};
  one.net_kt_co2e.assign(t.net_kt_co2e.begin() + 6 * 2 * k_cat, t.net_kt_co2e.begin() + 7 * 2 * k_cat);
  one.total_kt_co2e.assign(t.total_kt_co2e.begin() + 12, t.total_kt_co2e.begin() + 14);
  one.eu_compliance.assign(t.eu_compliance.begin() + 18, t.eu_compliance.begin() + 21);
  const std::vector<std::int32_t> years = {1990, 1991};
  const auto d = engine::ensemble_datasets(config, {"a.b"}, one, years);
  EXPECT_EQ(d.ints("/ensemble/members/index")[0], 6);
  EXPECT_EQ(d.ints("/ensemble/member_count")[0], 8);
  EXPECT_FALSE(d.has("/uncertainty/net_kt_co2e_mean"));
}
