#pragma once
// Records of the process lists for one cell: the static columns come from the kept input (a stand's
// species and yield class, a peat cell's water table and ditches, a marsh cell's brackish zone), the
// dynamic ones from the caller. Used when a run starts, when a cell enters a process during a year,
// and when a checkpoint is restored.

#include <cstdint>

#include "solver/engine/cell_state.hpp"
#include "solver/engine/model_parameters.hpp"

namespace polder::engine {

/// The input attributes of tile-cell `cell`, or nullptr if the input has none for it.
const ForestAttributes* forest_attributes(const TileInput& in, std::uint16_t cell);
const OrganicAttributes* organic_attributes(const TileInput& in, std::uint16_t cell);
const CoastalAttributes* coastal_attributes(const TileInput& in, std::uint16_t cell);

/// Species of a stand: the input's, or other broadleaves where the input has none (trees that grew
/// where the reference-year map has no stand).
std::uint8_t stand_species(const ForestAttributes* a);

/// Appends a record for cell `i` (rank index) of local tile `t` with its static columns filled and the
/// dynamic ones zero; returns the record index. Cells must be appended in ascending order (or the
/// list merged afterwards).
std::size_t add_woody(const CellState& s, std::size_t t, std::size_t i, ReportKey key, WoodyList& list);
std::size_t add_organic(const CellState& s, std::size_t t, std::size_t i, ReportKey key, OrganicList& list);
std::size_t add_flammable(const CellState& s, std::size_t t, std::size_t i, ReportKey key, FlammableList& list);
std::size_t add_coastal(const CellState& s, const ModelParameters& p, std::size_t t, std::size_t i, ReportKey key,
                        CoastalList& list);

}  // namespace polder::engine
