#pragma once
// A class-mapping table (configs/classmaps/*.ini): source class codes of a real map (LGN, BKN, the
// soil map) to Polder codes of one stack variable. Source codes are integers (rasters) or text
// (vector attributes); a key ending in `*` matches every text code with that prefix (longest prefix
// wins). Targets are Polder keys of the variable (`forest`, `peat`, `utrecht`), its integer codes, or
// `nodata` (the cell gets no value from this layer). An optional `default = target` catches codes
// the table does not list; without it such a code is an error.

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/netcdf/stack_schema.hpp"

namespace polder::io::ingest {

class ClassMap {
 public:
  /// Loads `path` and resolves every target against `target` (the stack variable it maps to).
  /// Throws ConfigError naming file:line for an unknown target key or a table for another variable.
  static ClassMap load(const std::string& path, const VariableSpec& target);

  enum class Kind { code, nodata, unknown };
  struct Result {
    Kind kind;
    double value;  ///< the Polder code when kind == code
  };

  Result lookup(double source_code) const;
  Result lookup(const std::string& source_code) const;

  const std::string& path() const { return m_path; }
  const std::string& variable() const { return m_variable; }

 private:
  struct Target {
    bool nodata = false;
    double code = 0;
  };
  static Result to_result(const Target& t) { return {t.nodata ? Kind::nodata : Kind::code, t.code}; }

  std::string m_path;
  std::string m_variable;
  std::unordered_map<std::string, Target> m_exact;
  std::vector<std::pair<std::string, Target>> m_prefixes;  ///< longest first
  std::optional<Target> m_default;
  /// Fast path for integer source codes 0..65535: index into m_table_targets, -1 if absent.
  std::vector<std::int32_t> m_table;
  std::vector<Target> m_table_targets;
};

/// Polder keys of a class variable (from the schema's flag_meanings), with their codes.
std::vector<std::pair<std::string, int>> class_keys(const VariableSpec& spec);

}  // namespace polder::io::ingest
