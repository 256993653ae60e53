// The FLINT-style books of a cell: booked operations close, DOC leaves the peat without being an
// on-site stock change, and an edit that bypasses the books shows as a residual.
#include <gtest/gtest.h>

#include "solver/engine/cell_books.hpp"

using namespace polder;
using engine::Pool;
using model::Quantity;

TEST(CellBooks, BookedOperationsClose) {
  engine::CellBooks b;
  b.open(50.0, 5.0, 10.0, 80.0, 600.0);
  b.gain_biomass(3.0);
  b.lose_biomass(1.5);
  b.change(Pool::dead_wood, 0.7);
  b.change(Pool::organic_soil, -5.6);
  b.export_doc(0.31);
  EXPECT_NEAR(b.residual(), 0.0, 1e-12);
  EXPECT_NEAR(b[Pool::organic_soil], 600.0 - 5.6 - 0.31, 1e-12);
  EXPECT_NEAR(b.q[model::qi(Quantity::organic_soil_tc)], -5.6, 1e-15);  // on-site only
  EXPECT_NEAR(b.q[model::qi(Quantity::doc_tc)], 0.31, 1e-15);
  EXPECT_NEAR(b.turnover(), 3.0 + 1.5 + 0.7 + 5.6 + 0.31, 1e-12);
}

TEST(CellBooks, UnbookedEditShowsAsResidual) {
  engine::CellBooks b;
  b.open(50.0, 5.0, 10.0, 80.0, 600.0);
  b[Pool::mineral_soil] += 2.0;
  EXPECT_NEAR(b.residual(), 2.0, 1e-15);
}
