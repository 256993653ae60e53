// Writes a small test input stack and climate file for the integration tests:
//   polder_make_test_inputs STACK.nc CLIMATE.nc [rows cols]
#include <mpi.h>

#include <cstdio>
#include <string>

#include "tests/support/test_stack.hpp"

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  if (argc < 3) {
    std::fprintf(stderr, "usage: polder_make_test_inputs STACK.nc CLIMATE.nc [rows cols]\n");
    MPI_Finalize();
    return 2;
  }
  {
    const auto comm = polder::parallel::Comm::borrow(MPI_COMM_WORLD);
    polder::testing::TestStackOptions opt;
    if (argc >= 5) {
      opt.window.n_rows = std::stoi(argv[3]);
      opt.window.n_cols = std::stoi(argv[4]);
    }
    polder::testing::write_test_stack(comm, argv[1], opt);
    polder::testing::write_test_climate(comm, argv[2]);
  }
  MPI_Finalize();
  return 0;
}
