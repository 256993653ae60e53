#pragma once
// Science parameters with their units, uncertainty ranges and sources, read from INI files in
// configs/parameters. One section per parameter:
//
//   [organic_soil.co2_slope_per_10cm]
//   value  = 4.6
//   unit   = t CO2 ha-1 yr-1
//   range  = 4.0 5.4          # optional: low high (Monte Carlo will sample it)
//   source = van der Poel et al. 2025, Biogeosciences 22:3867
//   distribution = normal     # optional: uniform | triangular (default) | normal | lognormal
//   correlate = peat_co2      # optional: parameters of one group share one Monte Carlo draw
//   fixed = true              # optional: never sampled, although it has a range
//
// How each distribution reads the range is in solver/ensemble/distribution.hpp and docs/uncertainty.md;
// an entry whose range cannot carry its distribution (lognormal with low <= 0, ...) is an error.
//
// The engine asks for each parameter by name and expected unit; a parameter in a file that nobody
// asks for is an error (a typo), reported with the nearest known name.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace polder::io {

struct Parameter {
  std::string name;
  double value = 0.0;
  std::string unit;
  std::string source;
  double low = 0.0;            ///< lower end of the uncertainty range (= value if none given)
  double high = 0.0;           ///< upper end
  std::string note;            ///< optional: what was tuned and why
  std::string file;            ///< the file that defined it (later files override earlier ones)
  std::string distribution{};  ///< optional: uniform, triangular, normal, lognormal ("": the default, triangular)
  std::string correlate{};     ///< optional: correlation group; its parameters take one shared draw
  bool fixed = false;          ///< optional: kept at its value in every Monte Carlo draw

  /// True if a Monte Carlo ensemble samples this parameter: it has a range (low < high), not fixed.
  bool sampled() const { return !fixed && low < high; }
};

class ParameterSet {
 public:
  /// Reads the files in order; a parameter defined again in a later file replaces the earlier one.
  static ParameterSet load(const std::vector<std::string>& files);
  /// Builds a set from parameters in memory (tests).
  static ParameterSet from(std::vector<Parameter> parameters);

  /// The value of `name`, checking that its unit is `unit`. Marks the parameter as used.
  double get(const std::string& name, const std::string& unit) const;
  const Parameter& parameter(const std::string& name) const;
  bool has(const std::string& name) const { return m_parameters.count(name) != 0; }

  /// Throws ConfigError for every parameter nobody asked for (typos), with a suggestion.
  void reject_unused() const;

  const std::map<std::string, Parameter>& all() const { return m_parameters; }
  /// One "name=value unit" line per parameter in name order, values to 17 digits: the text whose
  /// SHA-256 is a run's parameters digest (checkpoints check it; `polder compare` shows it).
  std::string values_text() const;

 private:
  std::map<std::string, Parameter> m_parameters;
  mutable std::set<std::string> m_used;
};

}  // namespace polder::io
