#include "solver/engine/model_parameters.hpp"

#include <cmath>
#include <string>

#include "solver/core/error.hpp"
#include "solver/engine/parameter_tables.hpp"
#include "solver/model/crt_category.hpp"
#include "solver/model/forest_species.hpp"
#include "solver/model/land_use.hpp"
#include "solver/model/province.hpp"
#include "solver/model/soil_class.hpp"

namespace polder::engine {
namespace {

using io::ParameterSet;

void read_mineral(const ParameterSet& s, kernels::MineralSoilParams& m) {
  const auto& lu = land_use_keys();
  for (std::uint8_t soil = 1; soil < model::k_soil_classes; ++soil) {
    if (model::is_organic(static_cast<model::SoilClass>(soil))) continue;  // organic soils: organic_soil.*
    m.soc_ref_t_c_ha[soil] = s.get("mineral_soil.soc_ref." + std::string(model::k_soil_keys[soil]), "t C ha-1");
  }
  m.f_lu = table<model::k_land_use_classes>(s, "mineral_soil.f_lu", lu, "1", 1);
  m.f_mg = table<model::k_land_use_classes>(s, "mineral_soil.f_mg", lu, "1", 1);
  m.f_i = table<model::k_land_use_classes>(s, "mineral_soil.f_i", lu, "1", 1);
  // National (Tier 2) stocks per soil class and land use replace the IPCC product where given.
  std::array<double, static_cast<std::size_t>(model::k_soil_classes) * model::k_land_use_classes> national{};
  national.fill(-1.0);
  for (std::uint8_t soil = 1; soil < model::k_soil_classes; ++soil)
    for (std::uint8_t c = 1; c < model::k_land_use_classes; ++c) {
      const std::string name = "mineral_soil.stock." + std::string(model::k_soil_keys[soil]) + "." + std::string(lu[c]);
      if (s.has(name)) national[kernels::soc_index(soil, c)] = s.get(name, "t C ha-1");
    }
  kernels::build_soc_table(m, national);
  m.transition_years = static_cast<std::int32_t>(s.get("mineral_soil.transition_years", "yr"));
  m.cn_ratio = s.get("mineral_soil.cn_ratio", "1");
  m.n2o_ef1 = s.get("mineral_soil.n2o_ef1", "kg N2O-N kg-1 N");
  if (m.transition_years < 1 || m.transition_years > 255)
    throw ConfigError(cat("mineral_soil.transition_years = ", m.transition_years, ": must be 1 .. 255"));
}

void read_organic(const ParameterSet& s, kernels::OrganicSoilParams& o,
                  std::array<std::uint8_t, model::k_provinces + 1>& substrate) {
  const auto& cats = model::k_land_category_names;
  o.co2_slope_t_co2_ha_per_10cm = s.get("organic_soil.co2_slope", "t CO2 ha-1 yr-1 per 10 cm");
  o.wtd_zero_emission_cm = s.get("organic_soil.wtd_zero_emission", "cm");
  o.wtd_max_response_cm = s.get("organic_soil.wtd_max_response", "cm");
  o.anomaly_weight = s.get("organic_soil.anomaly_weight", "1");
  o.wtd_offset_cm = s.get("organic_soil.wtd_offset", "cm");
  o.wtd_shallow_cm = s.get("organic_soil.wtd_shallow", "cm");
  o.wtd_deep_cm = s.get("organic_soil.wtd_deep", "cm");
  if (!(o.wtd_deep_cm > o.wtd_shallow_cm))
    throw ConfigError("organic_soil.wtd_deep must be deeper than organic_soil.wtd_shallow");
  // A category with organic_soil.tier1_co2.<category> uses that EF; the others the water-table response.
  for (std::size_t c = 0; c < cats.size(); ++c) {
    const std::string tier1 = "organic_soil.tier1_co2." + std::string(cats[c]);
    o.tier1[c] = s.has(tier1);
    if (o.tier1[c]) {
      o.tier1_co2_c_t_ha[c] = s.get(tier1, "t CO2-C ha-1 yr-1");
      if (s.has("organic_soil.co2_factor." + std::string(cats[c])))
        throw ConfigError(cat("organic_soil.co2_factor.", cats[c], " and ", tier1,
                              " both given: a category uses either the water-table response or a Tier 1 factor"));
    } else {
      o.co2_factor[c] = table_value(s, "organic_soil.co2_factor", cats[c], "1");
    }
  }
  if (s.has("organic_soil.co2_factor.default")) s.get("organic_soil.co2_factor.default", "1");
  o.ch4_land_deep = table<model::k_land_categories>(s, "organic_soil.ch4_land.deep", cats, "kg CH4 ha-1 yr-1");
  o.ch4_land_shallow = table<model::k_land_categories>(s, "organic_soil.ch4_land.shallow", cats, "kg CH4 ha-1 yr-1");
  o.ch4_ditch_deep = table<model::k_land_categories>(s, "organic_soil.ch4_ditch.deep", cats, "kg CH4 ha-1 yr-1");
  o.ch4_ditch_shallow = table<model::k_land_categories>(s, "organic_soil.ch4_ditch.shallow", cats, "kg CH4 ha-1 yr-1");
  o.n2o_deep = table<model::k_land_categories>(s, "organic_soil.n2o.deep", cats, "kg N2O-N ha-1 yr-1");
  o.n2o_shallow = table<model::k_land_categories>(s, "organic_soil.n2o.shallow", cats, "kg N2O-N ha-1 yr-1");
  o.doc_c_t_ha = table<model::k_land_categories>(s, "organic_soil.doc", cats, "t C ha-1 yr-1");
  o.carbon_per_cm_t_c_ha = s.get("organic_soil.carbon_per_cm", "t C ha-1 cm-1");
  o.rewetted_co2_c_t_ha = s.get("organic_soil.rewetted.co2", "t CO2-C ha-1 yr-1");
  o.rewetted_ch4_c_kg_ha = s.get("organic_soil.rewetted.ch4", "kg CH4-C ha-1 yr-1");
  o.rewetted_doc_c_t_ha = s.get("organic_soil.rewetted.doc", "t C ha-1 yr-1");
  o.peaty_below_cm = s.get("organic_soil.peaty_below", "cm");
  o.depleted_below_cm = s.get("organic_soil.depleted_below", "cm");
  for (int p = 1; p <= model::k_provinces; ++p) {
    const std::string name =
        "organic_soil.substrate." + std::string(model::k_province_keys[static_cast<std::size_t>(p)]);
    const double code = s.get(name, "1");
    if (code < 1 || code > 4 || code != static_cast<int>(code))
      throw ConfigError(cat(name, " = ", code, ": must be a mineral soil class code 1 .. 4"));
    substrate[static_cast<std::size_t>(p)] = static_cast<std::uint8_t>(code);
  }
}

void read_forest(const ParameterSet& s, kernels::ForestParams& f) {
  for (std::size_t sp = 1; sp < model::k_forest_species; ++sp) {
    const std::string pre = "forest." + std::string(model::k_species_keys[sp]);
    auto& g = f.species[sp];
    g.production_max_m3_ha = s.get(pre + ".production_max", "m3 ha-1");
    g.k_per_yr = s.get(pre + ".k", "yr-1");
    g.p_shape = s.get(pre + ".p", "1");
    g.bcef_t_dm_m3 = s.get(pre + ".bcef", "t dm m-3");
    g.wood_density_t_dm_m3 = s.get(pre + ".wood_density", "t dm m-3");
    g.root_shoot = s.get(pre + ".root_shoot", "1");
    g.rotation_age_yr = s.get(pre + ".rotation_age", "yr");
    if (g.bcef_t_dm_m3 < g.wood_density_t_dm_m3)
      throw ConfigError(cat(pre, ".bcef < ", pre, ".wood_density: stem wood cannot weigh more than the whole tree"));
  }
  for (std::size_t yc = 1; yc < kernels::k_yield_classes; ++yc)
    f.yield_class_factor[yc] = s.get("forest.yield_class_factor." + std::to_string(yc), "1");
  f.yield_class_factor[0] = f.yield_class_factor[3];  // unknown class: the middle one
  f.carbon_fraction = s.get("forest.carbon_fraction", "t C t-1 dm");
  f.harvest_fraction = s.get("forest.harvest_fraction", "1");
  f.yield_table_harvest_fraction = s.get("forest.yield_table_harvest_fraction", "1");
  f.removal_share = s.get("forest.removal_share", "1");
  f.mortality_rate = s.get("forest.mortality_rate", "yr-1");
  f.drought_mortality = s.get("forest.drought_mortality", "yr-1 per 100 mm");
  f.drought_mortality_reference_mm = s.get("forest.drought_mortality_reference", "mm");
  f.litterfall_rate = s.get("forest.litterfall_rate", "yr-1");
  f.dead_wood_decay = s.get("forest.dead_wood_decay", "yr-1");
  f.litter_decay = s.get("forest.litter_decay", "yr-1");
  f.trees_outside_forest_factor = s.get("forest.trees_outside_forest_factor", "1");
  f.stocking_min = s.get("forest.stocking_min", "1");
  f.stocking_max = s.get("forest.stocking_max", "1");
  f.stocking_reference_m3_ha = s.get("forest.stocking_reference_volume", "m3 ha-1");
  f.final_felling_rate = s.get("forest.final_felling_rate", "yr-1");
  if (f.final_felling_rate < 0.0 || f.final_felling_rate > 1.0)
    throw ConfigError(
        cat("forest.final_felling_rate = ", f.final_felling_rate, " must lie in 0..1 (a yearly probability)"));
  kernels::build_growth_table(f);
}

void read_wetland(const ParameterSet& s, kernels::WetlandParams& w) {
  w.ch4_kg_ha = table<model::k_land_use_classes>(s, "wetland.ch4", land_use_keys(), "kg CH4 ha-1 yr-1", 1);
  w.marsh_accretion_max_cm = s.get("wetland.marsh.accretion_max", "cm yr-1");
  w.marsh_accretion_min_cm = s.get("wetland.marsh.accretion_min", "cm yr-1");
  w.marsh_reference_depth_cm = s.get("wetland.marsh.reference_depth", "cm");
  w.marsh_burial_per_cm_t_c_ha = s.get("wetland.marsh.burial_per_cm", "t C ha-1 cm-1");
  w.marsh_drowning_level_cm = s.get("wetland.marsh.drowning_level", "cm");
  w.marsh_edge_level_cm = s.get("wetland.marsh.edge_level", "cm");
  w.marsh_edge_erosion_per_yr = s.get("wetland.marsh.edge_erosion", "yr-1");
  w.seagrass_burial_t_c_ha = s.get("wetland.seagrass.burial", "t C ha-1 yr-1");
  w.brackish_marsh_ch4_kg_ha = s.get("wetland.brackish_marsh.ch4", "kg CH4 ha-1 yr-1");
  w.brackish_zones.clear();
  for (const auto& name : section_names(s, "wetland.brackish_zone.", ".x_min")) {
    const std::string pre = "wetland.brackish_zone." + name;
    kernels::Zone z{s.get(pre + ".x_min", "m"), s.get(pre + ".x_max", "m"), s.get(pre + ".y_min", "m"),
                    s.get(pre + ".y_max", "m")};
    if (!(z.x_max_m > z.x_min_m && z.y_max_m > z.y_min_m)) throw ConfigError(cat(pre, ": empty rectangle"));
    w.brackish_zones.push_back(z);
  }
}

void read_fire(const ParameterSet& s, kernels::FireParams& f) {
  const auto& lu = land_use_keys();
  f.ignition_per_ha_yr = table<model::k_land_use_classes>(s, "fire.ignition", lu, "ha-1 yr-1", 1);
  f.spread_probability = table<model::k_land_use_classes>(s, "fire.spread", lu, "1", 1);
  f.combusted_biomass = table<model::k_land_use_classes>(s, "fire.combusted.biomass", lu, "1", 1);
  f.mortality = table<model::k_land_use_classes>(s, "fire.mortality", lu, "1", 1);
  f.ef_co2_g_kg = table<model::k_land_use_classes>(s, "fire.ef.co2", lu, "g kg-1 dm", 1);
  f.ef_ch4_g_kg = table<model::k_land_use_classes>(s, "fire.ef.ch4", lu, "g kg-1 dm", 1);
  f.ef_n2o_g_kg = table<model::k_land_use_classes>(s, "fire.ef.n2o", lu, "g kg-1 dm", 1);
  f.drought_reference_mm = s.get("fire.drought_reference", "mm");
  f.drought_exponent = s.get("fire.drought_exponent", "1");
  f.spread_drought_exponent = s.get("fire.spread_drought_exponent", "1");
  f.max_spread_steps = static_cast<std::int32_t>(s.get("fire.max_spread_steps", "1"));
  f.combusted_dead_wood = s.get("fire.combusted.dead_wood", "1");
  f.combusted_litter = s.get("fire.combusted.litter", "1");
  f.carbon_fraction_fuel = s.get("fire.carbon_fraction_fuel", "t C t-1 dm");
}

void read_hwp(const ParameterSet& s, kernels::HwpParams& h) {
  const std::array<std::string, 3> products = {"sawnwood", "panels", "paper"};
  for (std::size_t i = 0; i < 3; ++i) {
    h.half_life_yr[i] = s.get("hwp.half_life." + products[i], "yr");
    h.product_share[i] = s.get("hwp.share." + products[i], "1");
  }
  h.domestic_share = s.get("hwp.domestic_share", "1");
  h.initial_stock_factor = s.get("hwp.initial_stock_factor", "1");
  const double share = h.product_share[0] + h.product_share[1] + h.product_share[2];
  if (std::abs(share - 1.0) > 1e-9)
    throw ConfigError(cat("hwp.share.sawnwood + panels + paper = ", share, ", must be 1"));
}

void read_climate(const ParameterSet& s, kernels::ClimateResponseParams& c) {
  c.q10 = s.get("climate.q10", "1");
  c.reference_temperature_c = s.get("climate.reference_temperature", "degC");
  c.growth_drought_sensitivity = s.get("climate.growth_drought_sensitivity", "per 100 mm");
  c.growth_heat_sensitivity = s.get("climate.growth_heat_sensitivity", "degC-1");
  c.growth_deficit_reference_mm = s.get("climate.growth_deficit_reference", "mm");
  c.growth_factor_min = s.get("climate.growth_factor_min", "1");
  c.decomposition_drought_sensitivity = s.get("climate.decomposition_drought_sensitivity", "per 100 mm");
  c.decomposition_deficit_reference_mm = s.get("climate.decomposition_deficit_reference", "mm");
  c.decomposition_moisture_min = s.get("climate.decomposition_moisture_min", "1");
  c.soil_turnover_yr = s.get("climate.soil_turnover", "yr");
  c.mineral_soil_response = s.get("climate.mineral_soil_response", "1") != 0.0;
  if (c.q10 <= 0.0 || c.soil_turnover_yr < 1.0)
    throw ConfigError("climate.q10 must be > 0 and climate.soil_turnover >= 1 yr");
}

}  // namespace

ModelParameters read_model_parameters(const ParameterSet& s) {
  ModelParameters p;
  read_mineral(s, p.mineral);
  read_organic(s, p.organic, p.peat_substrate);
  p.vegetation.biomass_c_t_ha =
      table<model::k_land_use_classes>(s, "vegetation.biomass", land_use_keys(), "t C ha-1", 1);
  p.vegetation.recovery_rate = s.get("vegetation.recovery_rate", "yr-1");
  read_forest(s, p.forest);
  read_wetland(s, p.wetland);
  read_fire(s, p.fire);
  read_hwp(s, p.hwp);
  read_climate(s, p.climate);
  s.reject_unused();
  return p;
}

}  // namespace polder::engine
