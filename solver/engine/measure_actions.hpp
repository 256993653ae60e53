#pragma once
// Pass A's part of the policy measures (measure_plan.hpp): the cells that enter a measure this year.
// Before the year's conversions they become active (their count key moves to the measure) and a
// land-use measure names the class they become (coastal cells get it as their mapped class, so the
// coastal model converts them); after the conversions the action is applied to the cell's process
// records, which the kernels read from then on:
//   rewet            organic soil rewetted (Wetlands Supplement Ch. 3 factors)
//   water_table      organic soil: mean water table raised by raise_cm
//   soil_management  mineral soil: a 20-year transition to factor x the equilibrium stock (IPCC Tier 1
//                    stock-change method with F_MG x F_I); a later land-use change ends it
//   species          the stand's species becomes one of the mix (a counter-based draw)
//   fire_prevention  the cell's ignition probability x factor; spread = false makes it a fuel break
//   marsh_accretion  the marsh's sediment accretion x factor
//   harvest          the stand's thinning intensity x factor
//   land_use         new stands take their species from the mix; new marsh and seagrass cells join the
//                    coastal model (a restored marsh starts at the pioneer level z_edge)

#include <cstdint>
#include <utility>
#include <vector>

#include "solver/engine/area_book.hpp"
#include "solver/engine/cell_state.hpp"
#include "solver/engine/year_context.hpp"

namespace polder::engine {

/// Phase 1. Advances `cursor` over this year's activations of local tile t; appends the cells entering
/// a measure this year to `activated` (tile offsets, ascending) and a land-use measure's targets to
/// `targets` (cell, class), ascending.
void activate_measures(const YearContext& ctx, CellState& s, std::size_t t, std::size_t& cursor, AreaBook& areas,
                       std::vector<std::uint16_t>& activated,
                       std::vector<std::pair<std::uint16_t, std::uint8_t>>& targets);

/// A management measure ends on a cell whose land use changes to one it does not act on
/// (measure_plan.hpp): the factors it set on the cell's records go back to their defaults and the cell
/// leaves the measure. Called by the conversion to `new_land_use` between the cell leaving and
/// re-entering its count key. Returns the factor on the new equilibrium soil stock: a soil-management
/// measure that goes on sets its factor, otherwise 1.
double end_management(const YearContext& ctx, CellState& s, std::size_t t, std::uint16_t c, std::uint8_t new_land_use);

/// Phase 2, after the year's conversions: applies each activated cell's action to its records.
void apply_measure_actions(const YearContext& ctx, CellState& s, std::size_t t,
                           const std::vector<std::uint16_t>& activated);

}  // namespace polder::engine
