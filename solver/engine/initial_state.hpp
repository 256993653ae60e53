#pragma once
// The starting state of a member: the state at the end of the year before `start_year`, built from the
// kept input (tile_input.hpp) and the member's parameters. Land use and the history of conversions
// come from the map sequence (the 1970 baseline map makes the 20-year transitions of the 1970s and
// 1980s already run in 1990); pools start at their equilibrium or, for forests, from the standing
// volume of the reference year moved back along the yield curve; dead wood and litter start at the
// steady state of their inputs and decay. Tiles are set up in parallel; nothing is read from disk,
// so every member of an ensemble starts from the same kept input.

#include <cstdint>
#include <map>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "solver/engine/cell_state.hpp"
#include "solver/engine/climate_tables.hpp"
#include "solver/engine/input_loader.hpp"
#include "solver/engine/model_parameters.hpp"

namespace polder::engine {

/// Allocates `s` for the tiles of `input` and fills it.
void initialise_state(const KeptInput& input, const ModelParameters& p, const ClimateFactors& climate,
                      std::int32_t start_year, CellState& s);

/// Allocates `s` for the tiles of `input` and sets the static per-run fields (tile corners, climate
/// cells) without filling the dynamic state (a checkpoint fills it; see rebuild_processes).
void prepare_state(const KeptInput& input, const ClimateForcing& climate, CellState& s);

/// The checkpointed per-process columns as dense arrays over the rank's cells, by checkpoint name
/// (process_lists.hpp), 0 where a cell is not in the process.
using FieldArray = std::variant<std::vector<std::uint8_t>, std::vector<std::int16_t>, std::vector<std::uint16_t>,
                                std::vector<float>, std::vector<double>>;
using FieldArrays = std::map<std::string, FieldArray>;
/// Whether a column of type T can be checkpointed (its array type is one of FieldArray's).
template <typename T>
inline constexpr bool k_checkpoint_type =
    std::is_same_v<T, std::uint8_t> || std::is_same_v<T, std::int16_t> || std::is_same_v<T, std::uint16_t> ||
    std::is_same_v<T, float> || std::is_same_v<T, double>;

/// Every checkpointed per-process column of `s` as a dense array.
FieldArrays dense_process_fields(CellState& s);

/// Rebuilds every tile's process lists from the dense state and `fields` (a restored checkpoint), with
/// reporting keys as of `year` (the last year done). The inverse of dense_process_fields.
void rebuild_processes(const ModelParameters& p, const FieldArrays& fields, std::int32_t year, CellState& s);

}  // namespace polder::engine
