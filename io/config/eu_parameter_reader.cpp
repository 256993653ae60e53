#include "io/config/eu_parameter_reader.hpp"

#include <array>
#include <cmath>
#include <string>

#include "solver/core/error.hpp"

namespace polder::io {
namespace {

constexpr const char* k_kt_per_yr = "kt CO2-eq yr-1";

void read(const ParameterSet& s, reporting::EuParameter& p, const std::string& unit) {
  if (!s.has(p.name)) return;
  const Parameter& q = s.parameter(p.name);
  p.value = s.get(p.name, unit);
  p.given = true;
  p.source = q.source;
  p.verified = !reporting::source_is_unverified(q.source);
}

}  // namespace

reporting::EuParameters read_eu_parameters(const ParameterSet& s) {
  reporting::EuParameters e;
  read(s, e.forest_reference_level, k_kt_per_yr);
  read(s, e.base_year_emissions, k_kt_per_yr);
  read(s, e.annex_iia_average_2016_2018, k_kt_per_yr);
  read(s, e.annex_iia_target_change, k_kt_per_yr);
  read(s, e.annex_iia_value_2030, k_kt_per_yr);
  read(s, e.managed_wetland_elected, "1");
  read(s, e.nl_land_use_goal_2030, k_kt_per_yr);
  const auto where = [&](const reporting::EuParameter& p) { return cat(s.parameter(p.name).file, ": [", p.name, "]"); };
  if (e.managed_wetland_elected.given && e.managed_wetland_elected.value != 0.0 &&
      e.managed_wetland_elected.value != 1.0)
    throw ConfigError(cat(where(e.managed_wetland_elected), " value ", e.managed_wetland_elected.value,
                          ": must be 1 (managed wetland accounted in 2021-2025) or 0"));
  if (e.base_year_emissions.given && !(e.base_year_emissions.value > 0.0))
    throw ConfigError(cat(where(e.base_year_emissions), " value ", e.base_year_emissions.value,
                          ": national base-year emissions must be > 0"));
  const auto& b = e.annex_iia_average_2016_2018;
  const auto& c = e.annex_iia_target_change;
  const auto& d = e.annex_iia_value_2030;
  // Annex IIa: column D is B + C; a typo in one of the three must not pass.
  if (b.given && c.given && d.given && std::abs(b.value + c.value - d.value) > 0.5)
    throw ConfigError(
        cat(where(d), " value ", d.value, " is not column B + column C = ", b.value, " + ", c.value, " of Annex IIa"));
  const std::array<const char*, 3> products = {"sawnwood", "panels", "paper"};
  for (std::size_t k = 0; k < products.size(); ++k) {
    const std::string name = std::string("hwp.half_life.") + products[k];
    if (s.has(name)) e.hwp_half_life_yr[k] = s.get(name, "yr");
  }
  return e;
}

}  // namespace polder::io
