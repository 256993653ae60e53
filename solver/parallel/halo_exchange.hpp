#pragma once
// The one halo exchange: fills the halo ring of every owned tile with the edge cells of its eight
// neighbour tiles, copying locally where the neighbour is on this rank and through MPI otherwise.
// Split into begin/finish so work can overlap the communication.

#include <cstdint>
#include <span>
#include <vector>

#include <mpi.h>

#include "solver/grid/tile_layout.hpp"
#include "solver/parallel/comm.hpp"
#include "solver/parallel/decomposition.hpp"
#include "solver/parallel/halo_field.hpp"

namespace polder::parallel {

/// One ring segment: the receiving tile's ring cells in one direction, and where they come from.
struct HaloSegment {
  std::int32_t local_tile = 0;  ///< index into this rank's tile list (receiver side) or source tile
  std::int32_t dir = 0;         ///< direction (grid::k_dir_*) as seen from the receiving tile
  std::int32_t length = 0;      ///< cells in the segment
};

class HaloExchange {
 public:
  /// `local_tiles`: this rank's tiles in the order its HaloFields store them.
  HaloExchange(const Comm& comm, const grid::TileLayout& layout, const Decomposition& decomposition,
               std::vector<std::int32_t> local_tiles);
  HaloExchange(const HaloExchange&) = delete;
  HaloExchange& operator=(const HaloExchange&) = delete;

  /// Starts the exchange. `changed` (one flag per local tile, or empty = all): tiles whose edge cells
  /// may have changed since the last exchange; rings fed by unchanged local tiles keep their values
  /// (tiles on other ranks always send, so remote rings are always refreshed). If `ring_set` is given
  /// (one flag per local tile), a tile's flag is set when a value written into its ring is non-zero.
  void begin(HaloField<std::uint8_t>& field, std::span<const std::uint8_t> changed = {},
             std::vector<std::uint8_t>* ring_set = nullptr);
  void finish(HaloField<std::uint8_t>& field);
  void exchange(HaloField<std::uint8_t>& field, std::span<const std::uint8_t> changed = {},
                std::vector<std::uint8_t>* ring_set = nullptr) {
    begin(field, changed, ring_set);
    finish(field);
  }

  /// Number of neighbouring ranks this rank exchanges with (for tests and diagnostics).
  std::size_t n_peer_ranks() const { return m_peers.size(); }

 private:
  struct Peer {
    int rank = -1;
    std::vector<HaloSegment> sends;  // local source tile + direction *at the receiver*
    std::vector<HaloSegment> recvs;  // local receiving tile + direction
    std::size_t send_cells = 0;
    std::size_t recv_cells = 0;
    std::vector<std::uint8_t> send_buffer;
    std::vector<std::uint8_t> recv_buffer;
  };
  struct LocalCopy {
    std::int32_t src_local = 0;
    std::int32_t dst_local = 0;
    std::int32_t dir = 0;  // direction at the receiver
  };

  /// Visits the (row, col) pairs of tile `local`'s ring in direction `dir` (receiver side) or the
  /// matching edge cells of the neighbour (sender side, `sender = true`), in a fixed order.
  template <typename Visit>
  void visit_segment(std::int32_t local, std::int32_t dir, bool sender, Visit&& visit) const;

  const Comm& m_comm;
  std::vector<std::int32_t> m_local_tiles;
  std::vector<std::int32_t> m_local_height;
  std::vector<std::int32_t> m_local_width;
  std::vector<Peer> m_peers;
  std::vector<LocalCopy> m_local_copies;
  std::vector<std::pair<std::int32_t, std::int32_t>> m_missing;  // (local tile, dir) without neighbour
  std::vector<MPI_Request> m_requests;
  std::vector<std::uint8_t> m_segment;  ///< one ring segment being copied locally
  std::vector<std::uint8_t>* m_ring_set = nullptr;
};

}  // namespace polder::parallel
