// A violation in one rank's part of the file is raised identically on every rank.

#include <gtest/gtest.h>
#include <mpi.h>

#include <filesystem>

#include "io/netcdf/input_checks.hpp"
#include "solver/core/error.hpp"
#include "solver/grid/national_grid.hpp"
#include "tests/support/test_stack.hpp"

using namespace polder;

namespace {

/// The message each rank caught ("" if none), checked to be the same on every rank.
bool same_on_every_rank(const parallel::Comm& comm, const std::string& mine) {
  std::string root = mine;
  comm.broadcast(root, 0);
  return comm.all(root == mine);
}

std::string check_file(const parallel::Comm& comm, const std::string& path) {
  try {
    io::NcFile f(comm, path, io::NcFile::Mode::read);
    const auto info = io::check_stack_metadata(f);
    io::check_stack_values(f, info, comm);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(InputChecksMpi, ViolationInTheLastRanksRowsIsRaisedOnEveryRank) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_WORLD);
  const std::string path =
      (std::filesystem::temp_directory_path() / ("polder_mpi_checks_" + std::to_string(comm.size()) + ".nc")).string();
  polder::testing::TestStackOptions opt;
  opt.window = {5000, 5000, 700, 120};  // 3 row blocks of 256 rows: one per rank at 3 ranks
  polder::testing::write_test_stack(comm, path, opt);
  EXPECT_EQ(check_file(comm, path), "");
  comm.barrier();
  if (comm.is_root()) {
    polder::testing::overwrite_cell_f32(path, "glg", 690, 100, -3.0F);
    polder::testing::overwrite_cell_f32(path, "glg", 650, 110, -4.0F);
  }
  comm.barrier();
  const std::string msg = check_file(comm, path);
  EXPECT_NE(msg.find("variable 'glg'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("national row 5650, col 5110"), std::string::npos) << msg;
  EXPECT_NE(msg.find("value -4"), std::string::npos) << msg;
  EXPECT_TRUE(same_on_every_rank(comm, msg));
  comm.barrier();
  if (comm.is_root()) std::filesystem::remove(path);
}

TEST(InputChecksMpi, LowestCellIdWinsWhicheverRankFoundIt) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_WORLD);
  // Every rank but rank 0 has a violation; the highest rank's has the lowest cell id.
  std::optional<io::Violation> mine;
  if (comm.rank() > 0) {
    const std::int32_t row = 1000 - comm.rank();
    mine = io::Violation{grid::NationalGrid::cell_id(row, 7), row, 7, "soil", 0, 9, "a valid soil code"};
  }
  std::string msg;
  try {
    io::raise_first_violation(comm, "stack.nc", mine);
  } catch (const InputError& e) {
    msg = e.what();
  }
  if (comm.size() == 1) {
    EXPECT_EQ(msg, "");
  } else {
    EXPECT_NE(msg.find("national row " + std::to_string(1000 - (comm.size() - 1)) + ", col 7"), std::string::npos)
        << msg;
  }
  EXPECT_TRUE(same_on_every_rank(comm, msg));
}
