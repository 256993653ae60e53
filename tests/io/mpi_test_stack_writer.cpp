#include <gtest/gtest.h>
#include <mpi.h>

#include <filesystem>

#include "io/netcdf/nc_file.hpp"
#include "io/netcdf/stack_schema.hpp"
#include "tests/support/test_stack.hpp"

using namespace polder;

TEST(StackWriter, WritesAReadableCfStackOnAnyRankCount) {
  const auto comm = parallel::Comm::borrow(MPI_COMM_WORLD);
  const std::string path = "mpi_test_stack_" + std::to_string(comm.size()) + ".nc";
  polder::testing::write_test_stack(comm, path);
  io::NcFile f(comm, path, io::NcFile::Mode::read);
  EXPECT_EQ(f.get_att_text("", "polder_format").value_or(""), io::k_stack_format);
  EXPECT_EQ(f.dim_length("y"), 160U);
  EXPECT_EQ(f.dim_length("x"), 200U);
  EXPECT_EQ(f.dim_length("map_year"), io::default_map_years().size());
  std::vector<double> x(200), y(160);
  f.read<double>("x", {0}, {200}, x);
  f.read<double>("y", {0}, {160}, y);
  EXPECT_DOUBLE_EQ(x[0], 5000 * 25.0 + 12.5);
  EXPECT_DOUBLE_EQ(y[0], 640000.0 - 5000 * 25.0 - 12.5);
  EXPECT_LT(y[1], y[0]);  // north-up
  std::vector<std::uint8_t> territory(200);
  f.read<std::uint8_t>("territory", {80, 0}, {1, 200}, territory);
  EXPECT_EQ(territory[0], 0);
  EXPECT_EQ(territory[199], 1);
  f.close();
  comm.barrier();
  if (comm.is_root()) std::filesystem::remove(path);
}
