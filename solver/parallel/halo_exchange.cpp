#include "solver/parallel/halo_exchange.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "solver/core/error.hpp"

namespace polder::parallel {

using grid::k_dir_dcol;
using grid::k_dir_drow;
using grid::opposite_direction;

HaloExchange::HaloExchange(const Comm& comm, const grid::TileLayout& layout, const Decomposition& decomposition,
                           std::vector<std::int32_t> local_tiles)
    : m_comm(comm), m_local_tiles(std::move(local_tiles)) {
  std::unordered_map<std::int32_t, std::int32_t> local_of;
  for (std::size_t i = 0; i < m_local_tiles.size(); ++i) {
    const auto g = layout.geometry(m_local_tiles[i]);
    local_of[m_local_tiles[i]] = static_cast<std::int32_t>(i);
    m_local_height.push_back(g.window.n_rows);
    m_local_width.push_back(g.window.n_cols);
  }
  const auto seg_len = [&](std::int32_t local, int dir) {
    if (dir == 0 || dir == 4) return m_local_width[static_cast<std::size_t>(local)];
    if (dir == 2 || dir == 6) return m_local_height[static_cast<std::size_t>(local)];
    return std::int32_t{1};
  };

  // Keyed by (receiving national tile, direction at receiver): both sides sort by the same key.
  std::map<int, std::vector<std::tuple<std::int32_t, std::int32_t, std::int32_t>>> send_keys, recv_keys;
  for (std::size_t i = 0; i < m_local_tiles.size(); ++i) {
    const auto me = static_cast<std::int32_t>(i);
    const auto nb = layout.neighbours(m_local_tiles[i]);
    for (int d = 0; d < 8; ++d) {
      const std::int32_t n = nb[static_cast<std::size_t>(d)];
      const int owner = n < 0 ? -1 : decomposition.owner(n);
      if (owner < 0) {
        m_missing.emplace_back(me, d);
      } else if (owner == comm.rank()) {
        m_local_copies.push_back({local_of.at(n), me, d});
      } else {
        // I receive my ring `d` from n; n's owner receives its ring opposite(d) from me.
        recv_keys[owner].emplace_back(m_local_tiles[i], d, me);
        send_keys[owner].emplace_back(n, opposite_direction(d), me);
      }
    }
  }
  for (auto& [rank, keys] : recv_keys) {
    std::sort(keys.begin(), keys.end());
    Peer p;
    p.rank = rank;
    for (const auto& [tile, dir, local] : keys) {
      const std::int32_t len = seg_len(local, dir);
      p.recvs.push_back({local, dir, len});
      p.recv_cells += static_cast<std::size_t>(len);
    }
    auto& sk = send_keys[rank];
    std::sort(sk.begin(), sk.end());
    for (const auto& [tile, dir, local] : sk) {
      // The receiver's segment length equals my matching edge length (same row/column span).
      const std::int32_t len = (dir == 0 || dir == 4)   ? m_local_width[static_cast<std::size_t>(local)]
                               : (dir == 2 || dir == 6) ? m_local_height[static_cast<std::size_t>(local)]
                                                        : 1;
      p.sends.push_back({local, dir, len});
      p.send_cells += static_cast<std::size_t>(len);
    }
    p.send_buffer.resize(p.send_cells);
    p.recv_buffer.resize(p.recv_cells);
    m_peers.push_back(std::move(p));
  }
}

template <typename Visit>
void HaloExchange::visit_segment(std::int32_t local, std::int32_t dir, bool sender, Visit&& visit) const {
  // Receiver: ring of `local` in direction dir. Sender: `local` is the neighbour at dir of the
  // receiver, and provides its edge facing the receiver (the opposite side of itself).
  const std::int32_t h = m_local_height[static_cast<std::size_t>(local)];
  const std::int32_t w = m_local_width[static_cast<std::size_t>(local)];
  const int dr = k_dir_drow[static_cast<std::size_t>(dir)], dc = k_dir_dcol[static_cast<std::size_t>(dir)];
  // Row/column picked on this tile: receiver ring (-1 or h), sender edge (h-1 or 0): the sender is
  // on the dr side of the receiver, so it gives its row at the opposite edge.
  const std::int32_t row = sender ? (dr < 0 ? h - 1 : 0) : (dr < 0 ? -1 : h);
  const std::int32_t col = sender ? (dc < 0 ? w - 1 : 0) : (dc < 0 ? -1 : w);
  if (dr == 0) {
    for (std::int32_t r = 0; r < h; ++r) visit(r, col);
  } else if (dc == 0) {
    for (std::int32_t c = 0; c < w; ++c) visit(row, c);
  } else {
    visit(row, col);
  }
}

void HaloExchange::begin(HaloField<std::uint8_t>& field, std::span<const std::uint8_t> changed,
                         std::vector<std::uint8_t>* ring_set) {
  m_ring_set = ring_set;
  POLDER_VERIFY(field.n_tiles() == m_local_tiles.size(), "halo field has ", field.n_tiles(), " tiles, exchange plan ",
                m_local_tiles.size());
  m_requests.clear();
  for (auto& p : m_peers) {
    MPI_Request req = MPI_REQUEST_NULL;
    check_mpi(
        MPI_Irecv(p.recv_buffer.data(), static_cast<int>(p.recv_cells), MPI_BYTE, p.rank, 7301, m_comm.raw(), &req),
        "MPI_Irecv(halo)");
    m_requests.push_back(req);
  }
  for (auto& p : m_peers) {
    std::size_t k = 0;
    for (const auto& s : p.sends) {
      // s.dir is the direction at the receiver; I am its neighbour in that direction.
      visit_segment(s.local_tile, s.dir, true, [&](std::int32_t r, std::int32_t c) {
        p.send_buffer[k++] = field.at(static_cast<std::size_t>(s.local_tile), r, c);
      });
    }
    POLDER_VERIFY(k == p.send_cells, "halo pack size");
    MPI_Request req = MPI_REQUEST_NULL;
    check_mpi(
        MPI_Isend(p.send_buffer.data(), static_cast<int>(p.send_cells), MPI_BYTE, p.rank, 7301, m_comm.raw(), &req),
        "MPI_Isend(halo)");
    m_requests.push_back(req);
  }
  for (const auto& lc : m_local_copies) {
    if (!changed.empty() && !changed[static_cast<std::size_t>(lc.src_local)]) continue;
    m_segment.clear();
    visit_segment(lc.src_local, lc.dir, true, [&](std::int32_t r, std::int32_t c) {
      m_segment.push_back(field.at(static_cast<std::size_t>(lc.src_local), r, c));
    });
    std::size_t k = 0;
    bool set = false;
    visit_segment(lc.dst_local, lc.dir, false, [&](std::int32_t r, std::int32_t c) {
      set = set || m_segment[k] != 0;
      field.at(static_cast<std::size_t>(lc.dst_local), r, c) = m_segment[k++];
    });
    if (set && m_ring_set) (*m_ring_set)[static_cast<std::size_t>(lc.dst_local)] = 1;
  }
  for (const auto& missing : m_missing) {
    const auto local = static_cast<std::size_t>(missing.first);
    visit_segment(missing.first, missing.second, false,
                  [&](std::int32_t r, std::int32_t c) { field.at(local, r, c) = 0; });
  }
}

void HaloExchange::finish(HaloField<std::uint8_t>& field) {
  std::vector<std::uint8_t>* ring_set = m_ring_set;
  if (!m_requests.empty())
    check_mpi(MPI_Waitall(static_cast<int>(m_requests.size()), m_requests.data(), MPI_STATUSES_IGNORE),
              "MPI_Waitall(halo)");
  m_requests.clear();
  for (auto& p : m_peers) {
    std::size_t k = 0;
    for (const auto& s : p.recvs) {
      bool set = false;
      visit_segment(s.local_tile, s.dir, false, [&](std::int32_t r, std::int32_t c) {
        set = set || p.recv_buffer[k] != 0;
        field.at(static_cast<std::size_t>(s.local_tile), r, c) = p.recv_buffer[k++];
      });
      if (set && ring_set) (*ring_set)[static_cast<std::size_t>(s.local_tile)] = 1;
    }
    POLDER_VERIFY(k == p.recv_cells, "halo unpack size");
  }
}

}  // namespace polder::parallel
