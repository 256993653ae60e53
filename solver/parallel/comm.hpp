#pragma once
// A small RAII communicator. Objects that communicate carry a Comm; MPI_COMM_WORLD appears only in
// the program's entry point. A Comm made by split() owns its MPI communicator and frees it.

#include <mpi.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace polder::parallel {

class Comm {
 public:
  /// Wraps an existing communicator without taking ownership (e.g. MPI_COMM_WORLD in main).
  static Comm borrow(MPI_Comm comm);

  Comm(const Comm&) = delete;
  Comm& operator=(const Comm&) = delete;
  Comm(Comm&& other) noexcept;
  Comm& operator=(Comm&& other) noexcept;
  ~Comm();

  int rank() const { return m_rank; }
  int size() const { return m_size; }
  bool is_root() const { return m_rank == 0; }
  MPI_Comm raw() const { return m_comm; }

  /// Splits into groups by colour (ensembles); ranks keep their relative order.
  Comm split(int colour) const;

  void barrier() const;

  /// Element-wise exact integer sum over all ranks (in place, result on every rank).
  void allreduce_sum(std::span<std::int64_t> values) const;
  std::int64_t allreduce_sum(std::int64_t value) const;
  /// Element-wise exact integer sum onto rank 0 (other ranks' buffers are left unchanged).
  void reduce_sum_to_root(std::span<std::int64_t> values) const;
  double allreduce_max(double value) const;
  double allreduce_min(double value) const;
  std::int64_t allreduce_max(std::int64_t value) const;
  /// True on every rank if `flag` is true on any rank.
  bool any(bool flag) const;
  /// True on every rank if `flag` is true on all ranks.
  bool all(bool flag) const;

  void broadcast(std::span<std::byte> bytes, int root = 0) const;
  void broadcast(std::string& text, int root = 0) const;
  void broadcast(std::vector<std::int64_t>& values, int root = 0) const;

  /// Gathers one value from every rank to all ranks.
  std::vector<std::int64_t> allgather(std::int64_t value) const;
  /// Sends `to[r]` to rank r; returns what every rank sent to this one, concatenated in rank order.
  std::vector<std::byte> alltoallv(const std::vector<std::vector<std::byte>>& to) const;
  /// Concatenates every rank's bytes in rank order, on every rank.
  std::vector<std::byte> allgatherv(std::span<const std::byte> bytes) const;
  /// The same on rank 0 only (empty elsewhere): for results only the writer needs.
  std::vector<std::byte> gatherv_to_root(std::span<const std::byte> bytes) const;

 private:
  Comm(MPI_Comm comm, bool owned);
  MPI_Comm m_comm = MPI_COMM_NULL;
  bool m_owned = false;
  int m_rank = 0;
  int m_size = 1;
};

/// Throws InternalError with the MPI error string if `code` is not MPI_SUCCESS.
void check_mpi(int code, const char* what);

}  // namespace polder::parallel
