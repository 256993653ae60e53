// Comm::gatherv_to_root: every rank's bytes, in rank order, on rank 0 only (ranks may send nothing).
#include <gtest/gtest.h>
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "solver/parallel/comm.hpp"

using namespace polder;

TEST(CommGather, RanksInOrderOnRootOnly) {
  const auto world = parallel::Comm::borrow(MPI_COMM_WORLD);
  // Rank r sends r bytes of value r (rank 0 sends nothing).
  const std::vector<std::byte> mine(static_cast<std::size_t>(world.rank()), static_cast<std::byte>(world.rank()));
  const auto all = world.gatherv_to_root(mine);
  if (!world.is_root()) {
    EXPECT_TRUE(all.empty());
    return;
  }
  std::vector<std::byte> want;
  for (int r = 0; r < world.size(); ++r)
    for (int k = 0; k < r; ++k) want.push_back(static_cast<std::byte>(r));
  EXPECT_EQ(all, want);
}
