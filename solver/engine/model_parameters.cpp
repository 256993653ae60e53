#include "engine/model_parameters.hpp"

#include <string>

#include "core/error.hpp"
#include "model/crt_category.hpp"
#include "model/forest_species.hpp"
#include "model/land_use.hpp"
#include "model/soil_class.hpp"

namespace polder::engine {
namespace {

using io::ParameterSet;

/// Table lookup with a fallback: `prefix.key`, else `prefix.default`.
double table_value(const ParameterSet& s, const std::string& prefix, std::string_view key, const std::string& unit) {
  const std::string name = prefix + "." + std::string(key);
  if (s.has(name)) return s.get(name, unit);
  return s.get(prefix + ".default", unit);
}

template <std::size_t N, typename Keys>
std::array<double, N> table(const ParameterSet& s, const std::string& prefix, const Keys& keys, const std::string& unit,
                            std::size_t first = 0) {
  std::array<double, N> out{};
  for (std::size_t i = first; i < N; ++i) out[i] = table_value(s, prefix, keys[i], unit);
  if (s.has(prefix + ".default")) s.get(prefix + ".default", unit);  // checks its unit, marks it used
  return out;
}

}  // namespace

ModelParameters read_model_parameters(const ParameterSet& s) {
  ModelParameters p;
  const auto& lu_keys = [] {
    static std::array<std::string_view, model::k_land_use_classes> k{};
    for (std::size_t i = 0; i < k.size(); ++i) k[i] = model::k_land_use_info[i].key;
    return k;
  }();
  const auto& cat_keys = model::k_land_category_names;

  // Mineral soils
  p.mineral.soc_ref_t_c_ha = table<model::k_soil_classes>(s, "mineral_soil.soc_ref", model::k_soil_keys, "t C ha-1", 1);
  p.mineral.factor = table<model::k_land_use_classes>(s, "mineral_soil.factor", lu_keys, "1", 1);
  p.mineral.transition_years = static_cast<std::int32_t>(s.get("mineral_soil.transition_years", "yr"));
  p.mineral.cn_ratio = s.get("mineral_soil.cn_ratio", "1");
  p.mineral.n2o_ef1 = s.get("mineral_soil.n2o_ef1", "kg N2O-N kg-1 N");

  // Organic soils
  p.organic.co2_c_t_ha = table<model::k_land_categories>(s, "organic_soil.co2", cat_keys, "t CO2-C ha-1 yr-1");
  p.organic.ch4_land_kg_ha = table<model::k_land_categories>(s, "organic_soil.ch4_land", cat_keys, "kg CH4 ha-1 yr-1");
  p.organic.ch4_ditch_kg_ha = table<model::k_land_categories>(s, "organic_soil.ch4_ditch", cat_keys, "kg CH4 ha-1 yr-1");
  p.organic.n2o_n_kg_ha = table<model::k_land_categories>(s, "organic_soil.n2o", cat_keys, "kg N2O-N ha-1 yr-1");
  p.organic.doc_c_t_ha = s.get("organic_soil.doc", "t C ha-1 yr-1");
  p.organic.peaty_factor = s.get("organic_soil.peaty_factor", "1");
  p.organic.carbon_per_cm_t_c_ha = s.get("organic_soil.carbon_per_cm", "t C ha-1 cm-1");
  p.organic.rewetted_co2_c_t_ha = s.get("organic_soil.rewetted.co2", "t CO2-C ha-1 yr-1");
  p.organic.rewetted_ch4_c_kg_ha = s.get("organic_soil.rewetted.ch4", "kg CH4-C ha-1 yr-1");
  p.organic.rewetted_doc_c_t_ha = s.get("organic_soil.rewetted.doc", "t C ha-1 yr-1");
  p.organic.depleted_below_cm = s.get("organic_soil.depleted_below", "cm");
  p.organic.substrate_soil = static_cast<std::uint8_t>(s.get("organic_soil.substrate_soil_class", "1"));

  // Non-forest vegetation
  p.vegetation.biomass_c_t_ha = table<model::k_land_use_classes>(s, "vegetation.biomass", lu_keys, "t C ha-1", 1);
  p.vegetation.recovery_rate = s.get("vegetation.recovery_rate", "yr-1");

  // Forest
  for (std::size_t sp = 1; sp < model::k_forest_species; ++sp) {
    const std::string pre = "forest." + std::string(model::k_species_keys[sp]);
    auto& g = p.forest.species[sp];
    g.v_max_m3_ha = s.get(pre + ".v_max", "m3 ha-1");
    g.k_per_yr = s.get(pre + ".k", "yr-1");
    g.p_shape = s.get(pre + ".p", "1");
    g.bcef_t_dm_m3 = s.get(pre + ".bcef", "t dm m-3");
    g.root_shoot = s.get(pre + ".root_shoot", "1");
  }
  for (std::size_t yc = 1; yc <= 5; ++yc)
    p.forest.yield_class_factor[yc] = s.get("forest.yield_class_factor." + std::to_string(yc), "1");
  p.forest.yield_class_factor[0] = p.forest.yield_class_factor[3];  // unknown class: the middle one
  p.forest.carbon_fraction = s.get("forest.carbon_fraction", "t C t-1 dm");
  p.forest.harvest_fraction = s.get("forest.harvest_fraction", "1");
  p.forest.mortality_rate = s.get("forest.mortality_rate", "yr-1");
  p.forest.litterfall_rate = s.get("forest.litterfall_rate", "yr-1");
  p.forest.dead_wood_decay = s.get("forest.dead_wood_decay", "yr-1");
  p.forest.litter_decay = s.get("forest.litter_decay", "yr-1");
  p.forest.stem_share_to_hwp = s.get("forest.stem_share_to_hwp", "1");

  // Wetlands
  p.wetland.ch4_kg_ha = table<model::k_land_use_classes>(s, "wetland.ch4", lu_keys, "kg CH4 ha-1 yr-1", 1);
  p.wetland.marsh_accretion_max_cm = s.get("wetland.marsh.accretion_max", "cm yr-1");
  p.wetland.marsh_accretion_min_cm = s.get("wetland.marsh.accretion_min", "cm yr-1");
  p.wetland.marsh_reference_depth_cm = s.get("wetland.marsh.reference_depth", "cm");
  p.wetland.marsh_burial_per_cm_t_c_ha = s.get("wetland.marsh.burial_per_cm", "t C ha-1 cm-1");
  p.wetland.marsh_drowning_level_cm = s.get("wetland.marsh.drowning_level", "cm");
  p.wetland.seagrass_burial_t_c_ha = s.get("wetland.seagrass.burial", "t C ha-1 yr-1");

  // Fire
  p.fire.ignition_per_ha_yr = table<model::k_land_use_classes>(s, "fire.ignition", lu_keys, "ha-1 yr-1", 1);
  p.fire.spread_probability = table<model::k_land_use_classes>(s, "fire.spread", lu_keys, "1", 1);
  p.fire.drought_reference_mm = s.get("fire.drought_reference", "mm");
  p.fire.drought_exponent = s.get("fire.drought_exponent", "1");
  p.fire.max_spread_steps = static_cast<std::int32_t>(s.get("fire.max_spread_steps", "1"));
  p.fire.combusted_biomass = s.get("fire.combusted.biomass", "1");
  p.fire.combusted_dead_wood = s.get("fire.combusted.dead_wood", "1");
  p.fire.combusted_litter = s.get("fire.combusted.litter", "1");
  p.fire.ef_co2_g_kg = s.get("fire.ef.co2", "g kg-1 dm");
  p.fire.ef_ch4_g_kg = s.get("fire.ef.ch4", "g kg-1 dm");
  p.fire.ef_n2o_g_kg = s.get("fire.ef.n2o", "g kg-1 dm");
  p.fire.carbon_fraction_fuel = s.get("fire.carbon_fraction_fuel", "t C t-1 dm");

  // Harvested wood products
  const std::array<std::string, 3> products = {"sawnwood", "panels", "paper"};
  for (std::size_t i = 0; i < 3; ++i) {
    p.hwp.half_life_yr[i] = s.get("hwp.half_life." + products[i], "yr");
    p.hwp.product_share[i] = s.get("hwp.share." + products[i], "1");
  }
  p.hwp.domestic_share = s.get("hwp.domestic_share", "1");
  p.hwp.initial_stock_factor = s.get("hwp.initial_stock_factor", "1");

  // Climate response
  p.climate.q10 = s.get("climate.q10", "1");
  p.climate.reference_temperature_c = s.get("climate.reference_temperature", "degC");
  p.climate.growth_drought_sensitivity = s.get("climate.growth_drought_sensitivity", "per 100 mm");
  p.climate.growth_heat_sensitivity = s.get("climate.growth_heat_sensitivity", "degC-1");
  p.climate.growth_deficit_reference_mm = s.get("climate.growth_deficit_reference", "mm");
  p.climate.growth_factor_min = s.get("climate.growth_factor_min", "1");

  s.reject_unused();
  const double share = p.hwp.product_share[0] + p.hwp.product_share[1] + p.hwp.product_share[2];
  if (std::abs(share - 1.0) > 1e-9)
    throw ConfigError(cat("hwp.share.sawnwood + panels + paper = ", share, ", must be 1"));
  return p;
}

}  // namespace polder::engine
