// Spearman's rank correlation with ties, against hand-computed values, and the sensitivity matrix.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "solver/ensemble/rank_correlation.hpp"

using namespace polder::ensemble;

TEST(RankCorrelation, MidranksShareTies) {
  const std::vector<double> x = {3, 1, 3, 2, 3};
  EXPECT_EQ(midranks(x), (std::vector<double>{4, 1, 4, 2, 4}));  // the three 3s span ranks 3..5
}

TEST(RankCorrelation, SpearmanWithTiesByHand) {
  // y ranks with ties: 5 -> 1, 6 -> 2, 7 7 -> 3.5, 8 -> 5. Deviations from 3: x (-2 -1 0 1 2),
  // y (-2 -1 0.5 2 0.5): sum xy = 8, sum xx = 10, sum yy = 9.5, rho = 8 / sqrt(95).
  const std::vector<double> x = {1, 2, 3, 4, 5}, y = {5, 6, 7, 8, 7};
  EXPECT_NEAR(spearman(x, y), 8.0 / std::sqrt(95.0), 1e-15);
  // Monotone but not linear: 1; reversed: -1; constant: undefined.
  const std::vector<double> cube = {1, 8, 27, 64, 125}, down = {9, 7, 5, 3, 1}, flat = {2, 2, 2, 2, 2};
  EXPECT_DOUBLE_EQ(spearman(x, cube), 1.0);
  EXPECT_DOUBLE_EQ(spearman(x, down), -1.0);
  EXPECT_TRUE(std::isnan(spearman(x, flat)));
}

TEST(RankCorrelation, SensitivityMatrixFindsTheDrivingParameter) {
  // 6 members, 2 parameters; output 0 grows with p0 only, output 1 falls with p1 only.
  const std::vector<double> params = {1, 6, 2, 4, 3, 1, 4, 5, 5, 3, 6, 2};  // [member][p]
  std::vector<double> outputs;
  for (std::size_t m = 0; m < 6; ++m) {
    outputs.push_back(std::exp(params[m * 2]));
    outputs.push_back(-params[m * 2 + 1] * 10.0);
  }
  const auto s = sensitivity(outputs, 2, params, 2);
  EXPECT_DOUBLE_EQ(s[0], 1.0);   // output 0 vs p0
  EXPECT_DOUBLE_EQ(s[3], -1.0);  // output 1 vs p1
  EXPECT_NEAR(s[1], spearman(std::vector<double>{1, 2, 3, 4, 5, 6}, std::vector<double>{6, 4, 1, 5, 3, 2}), 1e-15);
}
