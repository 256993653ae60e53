// Serial unit tests: no MPI calls are made except by tests that create a single-rank Comm, which is
// why MPI is still initialised here (as a singleton, without mpirun).
#include <gtest/gtest.h>
#include <mpi.h>

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  int provided = 0;
  MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
  const int rc = RUN_ALL_TESTS();
  MPI_Finalize();
  return rc;
}
