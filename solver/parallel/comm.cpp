#include "solver/parallel/comm.hpp"

#include <limits>
#include <utility>

#include "solver/core/error.hpp"

namespace polder::parallel {

namespace {
// The MPI type of std::int64_t. Through a function because clang-tidy's mpi-type-mismatch compares the
// spelled C type (long on LP64) with MPI_INT64_T and reports a mismatch where there is none.
MPI_Datatype int64_type() { return MPI_INT64_T; }
}  // namespace

void check_mpi(int code, const char* what) {
  if (code == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING];
  int len = 0;
  MPI_Error_string(code, text, &len);
  throw InternalError(cat("MPI call ", what, " failed: ", std::string(text, static_cast<std::size_t>(len))));
}

Comm::Comm(MPI_Comm comm, bool owned) : m_comm(comm), m_owned(owned) {
  check_mpi(MPI_Comm_rank(m_comm, &m_rank), "MPI_Comm_rank");
  check_mpi(MPI_Comm_size(m_comm, &m_size), "MPI_Comm_size");
}

Comm Comm::borrow(MPI_Comm comm) { return Comm(comm, false); }

Comm::Comm(Comm&& other) noexcept
    : m_comm(std::exchange(other.m_comm, MPI_COMM_NULL)),
      m_owned(std::exchange(other.m_owned, false)),
      m_rank(other.m_rank),
      m_size(other.m_size) {}

Comm& Comm::operator=(Comm&& other) noexcept {
  if (this != &other) {
    if (m_owned && m_comm != MPI_COMM_NULL) MPI_Comm_free(&m_comm);
    m_comm = std::exchange(other.m_comm, MPI_COMM_NULL);
    m_owned = std::exchange(other.m_owned, false);
    m_rank = other.m_rank;
    m_size = other.m_size;
  }
  return *this;
}

Comm::~Comm() {
  int finalized = 0;
  MPI_Finalized(&finalized);
  if (m_owned && m_comm != MPI_COMM_NULL && !finalized) MPI_Comm_free(&m_comm);
}

Comm Comm::split(int colour) const {
  MPI_Comm out = MPI_COMM_NULL;
  check_mpi(MPI_Comm_split(m_comm, colour, m_rank, &out), "MPI_Comm_split");
  return Comm(out, true);
}

void Comm::barrier() const { check_mpi(MPI_Barrier(m_comm), "MPI_Barrier"); }

namespace {
int count_of(std::size_t n) {
  POLDER_VERIFY(n <= static_cast<std::size_t>(std::numeric_limits<int>::max()), "message too large: ", n);
  return static_cast<int>(n);
}
}  // namespace

void Comm::allreduce_sum(std::span<std::int64_t> values) const {
  if (values.empty()) return;
  check_mpi(MPI_Allreduce(MPI_IN_PLACE, values.data(), count_of(values.size()), int64_type(), MPI_SUM, m_comm),
            "MPI_Allreduce(sum)");
}

std::int64_t Comm::allreduce_sum(std::int64_t value) const {
  allreduce_sum(std::span<std::int64_t>(&value, 1));
  return value;
}

void Comm::reduce_sum_to_root(std::span<std::int64_t> values) const {
  if (values.empty()) return;
  if (is_root()) {
    check_mpi(MPI_Reduce(MPI_IN_PLACE, values.data(), count_of(values.size()), int64_type(), MPI_SUM, 0, m_comm),
              "MPI_Reduce(sum)");
  } else {
    check_mpi(MPI_Reduce(values.data(), nullptr, count_of(values.size()), int64_type(), MPI_SUM, 0, m_comm),
              "MPI_Reduce(sum)");
  }
}

double Comm::allreduce_max(double value) const {
  check_mpi(MPI_Allreduce(MPI_IN_PLACE, &value, 1, MPI_DOUBLE, MPI_MAX, m_comm), "MPI_Allreduce(max)");
  return value;
}
double Comm::allreduce_min(double value) const {
  check_mpi(MPI_Allreduce(MPI_IN_PLACE, &value, 1, MPI_DOUBLE, MPI_MIN, m_comm), "MPI_Allreduce(min)");
  return value;
}
std::int64_t Comm::allreduce_max(std::int64_t value) const {
  check_mpi(MPI_Allreduce(MPI_IN_PLACE, &value, 1, int64_type(), MPI_MAX, m_comm), "MPI_Allreduce(max)");
  return value;
}

bool Comm::any(bool flag) const {
  int v = flag ? 1 : 0;
  check_mpi(MPI_Allreduce(MPI_IN_PLACE, &v, 1, MPI_INT, MPI_LOR, m_comm), "MPI_Allreduce(lor)");
  return v != 0;
}
bool Comm::all(bool flag) const {
  int v = flag ? 1 : 0;
  check_mpi(MPI_Allreduce(MPI_IN_PLACE, &v, 1, MPI_INT, MPI_LAND, m_comm), "MPI_Allreduce(land)");
  return v != 0;
}

void Comm::broadcast(std::span<std::byte> bytes, int root) const {
  if (bytes.empty()) return;
  check_mpi(MPI_Bcast(bytes.data(), count_of(bytes.size()), MPI_BYTE, root, m_comm), "MPI_Bcast");
}

void Comm::broadcast(std::string& text, int root) const {
  std::int64_t n = static_cast<std::int64_t>(text.size());
  check_mpi(MPI_Bcast(&n, 1, int64_type(), root, m_comm), "MPI_Bcast(size)");
  text.resize(static_cast<std::size_t>(n));
  broadcast(std::as_writable_bytes(std::span<char>(text.data(), text.size())), root);
}

void Comm::broadcast(std::vector<std::int64_t>& values, int root) const {
  std::int64_t n = static_cast<std::int64_t>(values.size());
  check_mpi(MPI_Bcast(&n, 1, int64_type(), root, m_comm), "MPI_Bcast(size)");
  values.resize(static_cast<std::size_t>(n));
  if (n > 0) check_mpi(MPI_Bcast(values.data(), count_of(values.size()), int64_type(), root, m_comm), "MPI_Bcast");
}

std::vector<std::int64_t> Comm::allgather(std::int64_t value) const {
  std::vector<std::int64_t> out(static_cast<std::size_t>(m_size));
  check_mpi(MPI_Allgather(&value, 1, int64_type(), out.data(), 1, int64_type(), m_comm), "MPI_Allgather");
  return out;
}

std::vector<std::byte> Comm::alltoallv(const std::vector<std::vector<std::byte>>& to) const {
  POLDER_VERIFY(to.size() == static_cast<std::size_t>(m_size), "alltoallv needs one buffer per rank");
  std::vector<std::int64_t> send_n(to.size()), recv_n(to.size());
  for (std::size_t r = 0; r < to.size(); ++r) send_n[r] = static_cast<std::int64_t>(to[r].size());
  check_mpi(MPI_Alltoall(send_n.data(), 1, int64_type(), recv_n.data(), 1, int64_type(), m_comm), "MPI_Alltoall");
  std::vector<int> sc(to.size()), sd(to.size()), rc(to.size()), rd(to.size());
  std::vector<std::byte> send;
  std::size_t s_total = 0, r_total = 0;
  for (std::size_t r = 0; r < to.size(); ++r) {
    sc[r] = count_of(static_cast<std::size_t>(send_n[r]));
    sd[r] = count_of(s_total);
    s_total += static_cast<std::size_t>(send_n[r]);
    rc[r] = count_of(static_cast<std::size_t>(recv_n[r]));
    rd[r] = count_of(r_total);
    r_total += static_cast<std::size_t>(recv_n[r]);
  }
  send.reserve(s_total);
  for (const auto& b : to) send.insert(send.end(), b.begin(), b.end());
  std::vector<std::byte> out(r_total);
  check_mpi(
      MPI_Alltoallv(send.data(), sc.data(), sd.data(), MPI_BYTE, out.data(), rc.data(), rd.data(), MPI_BYTE, m_comm),
      "MPI_Alltoallv");
  return out;
}

namespace {
/// MPI counts and displacements of byte blocks of the given sizes, one after another, and their total.
struct ByteLayout {
  std::vector<int> counts, displs;
  std::size_t total = 0;
};
ByteLayout byte_layout(const std::vector<std::int64_t>& sizes) {
  ByteLayout l{std::vector<int>(sizes.size()), std::vector<int>(sizes.size()), 0};
  for (std::size_t r = 0; r < sizes.size(); ++r) {
    l.counts[r] = count_of(static_cast<std::size_t>(sizes[r]));
    l.displs[r] = count_of(l.total);
    l.total += static_cast<std::size_t>(sizes[r]);
  }
  return l;
}
}  // namespace

std::vector<std::byte> Comm::allgatherv(std::span<const std::byte> bytes) const {
  const auto sizes = allgather(static_cast<std::int64_t>(bytes.size()));
  const auto [counts, displs, total] = byte_layout(sizes);
  std::vector<std::byte> out(total);
  check_mpi(MPI_Allgatherv(bytes.data(), count_of(bytes.size()), MPI_BYTE, out.data(), counts.data(), displs.data(),
                           MPI_BYTE, m_comm),
            "MPI_Allgatherv");
  return out;
}

std::vector<std::byte> Comm::gatherv_to_root(std::span<const std::byte> bytes) const {
  const auto n = static_cast<std::int64_t>(bytes.size());
  std::vector<std::int64_t> sizes(is_root() ? static_cast<std::size_t>(m_size) : 0);
  check_mpi(MPI_Gather(&n, 1, int64_type(), sizes.data(), 1, int64_type(), 0, m_comm), "MPI_Gather");
  const auto [counts, displs, total] = byte_layout(sizes);
  std::vector<std::byte> out(total);
  check_mpi(MPI_Gatherv(bytes.data(), count_of(bytes.size()), MPI_BYTE, out.data(), counts.data(), displs.data(),
                        MPI_BYTE, 0, m_comm),
            "MPI_Gatherv");
  return out;
}

}  // namespace polder::parallel
