#pragma once
// The datasets of an inventory in memory: path -> values and shape, as the writer writes them and the
// reader reads them back (the layout of each path is in output_schema.hpp). The reporting functions
// (EU accounting, CRT tables, charts) read from it, so a table is computed the same way from a run in
// memory and from a file.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace polder::reporting {

enum class ValueType : std::uint8_t { f64, i32, i64, text };

struct Dataset {
  ValueType type = ValueType::f64;
  std::vector<std::size_t> shape;  ///< empty: a scalar
  std::vector<double> f64;
  std::vector<std::int64_t> ints;  ///< i32 and i64 values
  std::vector<std::string> text;
  /// String attributes besides `units` and `description` (which come from the schema).
  std::vector<std::pair<std::string, std::string>> attributes;

  std::size_t size() const;
  std::optional<std::string> attribute(const std::string& name) const;
};

Dataset f64_dataset(std::vector<std::size_t> shape, std::vector<double> values);
Dataset int_dataset(ValueType type, std::vector<std::size_t> shape, std::vector<std::int64_t> values);
Dataset text_dataset(std::vector<std::string> values);

class InventoryData {
 public:
  /// Where the data came from ("run in memory" or the file path), for messages.
  explicit InventoryData(std::string source = "run in memory") : m_source(std::move(source)) {}

  void put(const std::string& path, Dataset d) { m_sets[path] = std::move(d); }
  bool has(const std::string& path) const { return m_sets.count(path) != 0; }
  /// Throws InputError naming the source and the path if it is missing.
  const Dataset& get(const std::string& path) const;
  std::span<const double> f64(const std::string& path) const;
  std::span<const std::int64_t> ints(const std::string& path) const;
  const std::vector<std::string>& text(const std::string& path) const;
  const std::map<std::string, Dataset>& all() const { return m_sets; }

  /// Inventory years (/inventory/years).
  std::vector<std::int32_t> years() const;
  /// Attributes of the root group ("/") and of groups, as strings.
  void set_attribute(const std::string& object, const std::string& name, std::string value);
  std::optional<std::string> attribute(const std::string& object, const std::string& name) const;
  const std::string& source() const { return m_source; }

 private:
  std::string m_source;
  std::map<std::string, Dataset> m_sets;
  std::map<std::string, std::map<std::string, std::string>> m_attributes;
};

}  // namespace polder::reporting
