#pragma once
// Policy measures as data (docs/scenarios.md, "Measures"): one INI section `[measure.<id>]` per
// instrument, in measure files layered after the base config (`--config base.ini --config
// configs/measures/veenweide.ini`). A measure says where (provinces, land-use and soil classes, a
// neighbourhood rule, a mask layer of the input stack), when (start and target year, a linear ramp),
// how much (hectares, or a share of the qualifying area, per province or for the nation) and what it
// does (an action with its values), and the source of its figures. The engine turns measures into
// per-cell data (engine/measure_plan.hpp); no code path exists per measure.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace polder::io {

/// What a measure does to the cells it takes.
enum class MeasureAction : std::uint8_t {
  land_use,         ///< converts the cells to `to_land_use` (afforestation, nature, marsh, seagrass)
  rewet,            ///< rewets the organic soil (optionally also converting the land use)
  water_table,      ///< raises the mean water table of organic soils by `raise_cm`
  soil_management,  ///< multiplies the mineral-soil carbon equilibrium by `factor` (IPCC F_MG x F_I)
  species,          ///< converts stands to the species `species` (a mix)
  fire_prevention,  ///< multiplies ignition by `factor`; `spread = false` makes the cells fuel breaks
  marsh_accretion,  ///< multiplies the salt-marsh sediment accretion by `factor`
  harvest,          ///< multiplies the thinning intensity of stands by `factor`
};

struct MeasureSpec {
  std::string id;      ///< the section name after "measure."
  std::string name;    ///< a label
  std::string source;  ///< where the target figure comes from (required)
  std::string file;    ///< the file that defined it
  MeasureAction action = MeasureAction::land_use;
  // Where: empty lists mean "any".
  std::vector<std::uint8_t> provinces;     ///< codes 1..12
  std::vector<std::uint8_t> land_uses;     ///< land-use codes a cell must have (in the last map)
  std::vector<std::uint8_t> soils;         ///< soil classes a cell must have
  std::vector<std::uint8_t> species_from;  ///< stand species (of the input) a cell must have
  std::string mask;                        ///< an input-stack variable: cells where it is > 0 qualify
  std::uint8_t near_land_use = 0;          ///< with near_m: a cell of this class within near_m metres
  double near_m = 0.0;
  bool prefer_near = false;  ///< priority "near": cells nearest that class first, then by draw
  // When.
  std::int32_t start_year = 0;   ///< first year cells enter the measure
  std::int32_t target_year = 0;  ///< the area is reached in this year (linear ramp from start_year)
  // How much: one of area (ha, national or per province) or fraction of the qualifying area.
  std::optional<double> area_ha;
  std::map<std::uint8_t, double> area_ha_by_province;
  std::optional<double> fraction;
  double rate_after_ha_yr = 0.0;  ///< hectares more per year after the target year (national)
  bool shortfall_warn = false;    ///< `shortfall = warn`: a target the qualifying area cannot meet is
                                  ///< reported, not an error
  // What.
  std::uint8_t to_land_use = 0;                              ///< land_use, rewet (0: keep)
  std::vector<std::pair<std::uint8_t, double>> species_mix;  ///< land_use to forest, species
  double raise_cm = 0.0;                                     ///< water_table: mean water-table raise
  double factor = 1.0;                                       ///< soil_management, fire, marsh, harvest
  bool spread = true;                                        ///< fire_prevention: false = fuel break
  double survival = 1.0;                                     ///< land_use: share of cells that take
  // Reporting: the programme's target to set the result against.
  std::optional<double> target_area_ha;
  std::optional<double> target_kt_co2e;  ///< effect on net emissions (negative = less)
  std::int32_t target_effect_year = 0;
  std::string target_source;
};

/// Every measure key, "measure.*.key" with `*` for the id ("area_ha.*" for the per-province areas).
const std::vector<std::string>& measure_config_keys();

/// The measures of the config files (in file order, then section order) and the `--set
/// measure.<id>.<key>=value` overrides. Throws ConfigError naming the file and key (with a
/// suggestion for a misspelt key or class) and InputError for a missing file. `run_years` bounds the
/// start and target years.
std::vector<MeasureSpec> load_measures(const std::vector<std::string>& files, const std::vector<std::string>& overrides,
                                       std::int32_t first_year, std::int32_t last_year);

/// The files among `files` that define at least one measure (for provenance).
std::vector<std::string> measure_files(const std::vector<MeasureSpec>& measures);

std::string_view action_name(MeasureAction a);

}  // namespace polder::io
