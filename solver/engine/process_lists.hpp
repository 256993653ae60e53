#pragma once
// The per-process cell lists of a tile and their columns: the per-process part of the cell-field
// table (cell_fields.hpp has the dense part). One line per column: type, name, checkpoint dataset
// ("" = rebuilt from the input, not checkpointed), unit and meaning. Adding a field to a process is one
// line here; allocation, list merges, lookups and checkpoints follow from it.
//
// A cell is in the woody list while its land use is woody, in the organic list while its soil is
// organic and holds carbon, in the transition list while a 20-year mineral-soil transition runs, in the
// coastal list if it is salt marsh or seagrass in any map, in the burnt list if it is not woody and
// has burnt (its vegetation then differs from its land-use class's steady state), and in the flammable
// list while its land-use class can ignite.

#include <cstdint>
#include <vector>

#include "solver/engine/record_list.hpp"

namespace polder::engine {

// clang-format off
// X(type, name, checkpoint dataset, valid low, valid high, unit, meaning)
#define POLDER_WOODY_COLUMNS(X)                                                                                 \
  X(std::uint8_t,  species,      "stand_species", 0, 9, "1",      "forest species group (0 in the input: other broadleaves)") \
  X(std::uint8_t,  yield_class,  "",            0, 0, "1",        "yield class 1 best .. 5 poorest (0 unknown)")            \
  X(std::uint16_t, climate_cell, "",            0, 0, "1",        "climate cell holding the cell centre")                   \
  X(float,         age,          "stand_age",   -1000, 1000, "yr", "stand age; -n: an old stand renewed in n years")       \
  X(double,        biomass_c,    "biomass_c",   -1e6, 1e6, "t C ha-1", "living biomass, above and below ground")           \
  X(double,        dead_wood_c,  "dead_wood_c", -1e6, 1e6, "t C ha-1", "dead wood")                                        \
  X(double,        litter_c,     "litter_c",    -1e6, 1e6, "t C ha-1", "litter")                                          \
  X(float,         harvest_factor, "harvest_factor", 0, 10, "1",     "multiplies the thinning intensity (measures; 1 default)")

#define POLDER_ORGANIC_COLUMNS(X)                                                                               \
  X(std::uint16_t, climate_cell,   "",         0, 0, "1",        "climate cell holding the cell centre")                  \
  X(std::uint8_t,  rewetted,       "rewetted", 0, 1, "1",        "1 where the organic soil is rewetted")                  \
  X(float,         ditch_fraction, "",         0, 0, "1",        "share of the cell that is ditch water")                 \
  X(double,        wtd_base_cm,    "",         0, 0, "cm",       "(GLG + GHG) / 2 of the input, below surface")           \
  X(double,        peat_c,         "peat_c",   0, 1e6, "t C ha-1", "organic-soil carbon above the mineral substrate") \
  X(float,         raise_cm,       "wtd_raise_cm", -100, 200, "cm", "raise of the mean water table by measures (0 default)")

#define POLDER_TRANSITION_COLUMNS(X)                                                                            \
  X(float,        rate,       "soc_rate",       -1e6, 1e6, "t C ha-1 yr-1", "annual change of the running transition") \
  X(std::uint8_t, years_left, "soc_years_left", 0, 255, "yr",            "years the transition still runs")

#define POLDER_COASTAL_COLUMNS(X)                                                                               \
  X(std::uint8_t, mapped_land_use, "",                   0, 0, "1",  "land use of the map sequence this year")          \
  X(std::uint8_t, brackish,        "",                   0, 0, "1",  "1 inside a brackish-marsh zone")                  \
  X(float,        elevation_cm,    "marsh_elevation_cm", -1e4, 1e4, "cm", "marsh surface relative to mean high water") \
  X(float,        accretion_factor, "accretion_factor", 0, 10, "1", "multiplies sediment accretion (measures; 1 default)")

#define POLDER_FLAMMABLE_COLUMNS(X)                                                                             \
  X(std::uint32_t, cell_id, "", 0, 0, "1", "national cell id (row x 11400 + col): keys the ignition draw")       \
  X(float,         ignition_factor, "ignition_factor", 0, 10, "1", "multiplies the ignition probability (measures; 1 default)") \
  X(std::uint8_t,  spreads, "fire_spreads", 0, 1, "1", "0: a fuel break fire cannot enter (measures; 1 default)")

#define POLDER_BURNT_COLUMNS(X)                                                                                 \
  X(std::int16_t, burnt_year,  "burnt_year",  0, 9999, "yr",       "year of the last fire")                                 \
  X(double,       biomass_c,   "biomass_c",   -1e6, 1e6, "t C ha-1", "living biomass (regrowing towards the class's)")      \
  X(double,       dead_wood_c, "dead_wood_c", -1e6, 1e6, "t C ha-1", "dead wood left by fires")                             \
  X(double,       litter_c,    "litter_c",    -1e6, 1e6, "t C ha-1", "litter")
// clang-format on

#define POLDER_DECLARE_COLUMN(type, name, checkpoint, low, high, unit, doc) std::vector<type> name;
#define POLDER_VISIT_COLUMN(type, name, checkpoint, low, high, unit, doc) \
  v(ColumnInfo{#name, checkpoint, static_cast<double>(low), static_cast<double>(high), unit}, c.name);

// Name is a type name in declarations: it cannot be parenthesised.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define POLDER_COLUMN_SET(Name, COLUMNS) \
  struct Name {                          \
    COLUMNS(POLDER_DECLARE_COLUMN)       \
    template <typename V>                \
    static void visit(Name& c, V&& v) {  \
      COLUMNS(POLDER_VISIT_COLUMN)       \
    }                                    \
  };
// NOLINTEND(bugprone-macro-parentheses)

POLDER_COLUMN_SET(WoodyColumns, POLDER_WOODY_COLUMNS)
POLDER_COLUMN_SET(OrganicColumns, POLDER_ORGANIC_COLUMNS)
POLDER_COLUMN_SET(TransitionColumns, POLDER_TRANSITION_COLUMNS)
POLDER_COLUMN_SET(CoastalColumns, POLDER_COASTAL_COLUMNS)
POLDER_COLUMN_SET(BurntColumns, POLDER_BURNT_COLUMNS)
POLDER_COLUMN_SET(FlammableColumns, POLDER_FLAMMABLE_COLUMNS)

#undef POLDER_COLUMN_SET
#undef POLDER_VISIT_COLUMN
#undef POLDER_DECLARE_COLUMN

using WoodyList = RecordList<WoodyColumns>;
using OrganicList = RecordList<OrganicColumns>;
using TransitionList = RecordList<TransitionColumns>;
using CoastalList = RecordList<CoastalColumns>;
using BurntList = RecordList<BurntColumns>;
using FlammableList = RecordList<FlammableColumns>;

/// The process lists of one tile.
struct TileProcesses {
  WoodyList woody;
  OrganicList organic;
  TransitionList transition;
  CoastalList coastal;
  BurntList burnt;
  FlammableList flammable;  ///< cells whose land-use class can ignite (fire_process.hpp)

  template <typename V>
  void visit_lists(V&& v) {
    v("woody", woody);
    v("organic", organic);
    v("transition", transition);
    v("coastal", coastal);
    v("burnt", burnt);
    v("flammable", flammable);
  }
};

}  // namespace polder::engine
