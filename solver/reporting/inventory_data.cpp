#include "solver/reporting/inventory_data.hpp"

#include "solver/core/error.hpp"

namespace polder::reporting {

std::size_t Dataset::size() const {
  std::size_t n = 1;
  for (const auto d : shape) n *= d;
  return n;
}

std::optional<std::string> Dataset::attribute(const std::string& name) const {
  for (const auto& [key, value] : attributes)
    if (key == name) return value;
  return std::nullopt;
}

Dataset f64_dataset(std::vector<std::size_t> shape, std::vector<double> values) {
  Dataset d;
  d.type = ValueType::f64;
  d.shape = std::move(shape);
  d.f64 = std::move(values);
  POLDER_VERIFY(d.f64.size() == d.size(), "dataset has ", d.f64.size(), " values for its shape of ", d.size());
  return d;
}

Dataset int_dataset(ValueType type, std::vector<std::size_t> shape, std::vector<std::int64_t> values) {
  Dataset d;
  d.type = type;
  d.shape = std::move(shape);
  d.ints = std::move(values);
  POLDER_VERIFY(d.ints.size() == d.size(), "dataset has ", d.ints.size(), " values for its shape of ", d.size());
  return d;
}

Dataset text_dataset(std::vector<std::string> values) {
  Dataset d;
  d.type = ValueType::text;
  d.shape = {values.size()};
  d.text = std::move(values);
  return d;
}

const Dataset& InventoryData::get(const std::string& path) const {
  const auto it = m_sets.find(path);
  if (it == m_sets.end()) throw InputError(cat("'", m_source, "' has no dataset ", path));
  return it->second;
}

std::span<const double> InventoryData::f64(const std::string& path) const {
  const Dataset& d = get(path);
  if (d.type != ValueType::f64) throw InputError(cat("'", m_source, "': dataset ", path, " is not float64"));
  return d.f64;
}

std::span<const std::int64_t> InventoryData::ints(const std::string& path) const {
  const Dataset& d = get(path);
  if (d.type != ValueType::i32 && d.type != ValueType::i64)
    throw InputError(cat("'", m_source, "': dataset ", path, " is not an integer dataset"));
  return d.ints;
}

const std::vector<std::string>& InventoryData::text(const std::string& path) const {
  const Dataset& d = get(path);
  if (d.type != ValueType::text) throw InputError(cat("'", m_source, "': dataset ", path, " is not a string list"));
  return d.text;
}

std::vector<std::int32_t> InventoryData::years() const {
  std::vector<std::int32_t> out;
  for (const auto y : ints("/inventory/years")) out.push_back(static_cast<std::int32_t>(y));
  return out;
}

void InventoryData::set_attribute(const std::string& object, const std::string& name, std::string value) {
  m_attributes[object][name] = std::move(value);
}

std::optional<std::string> InventoryData::attribute(const std::string& object, const std::string& name) const {
  const auto it = m_attributes.find(object);
  if (it == m_attributes.end()) return std::nullopt;
  const auto jt = it->second.find(name);
  if (jt == it->second.end()) return std::nullopt;
  return jt->second;
}

}  // namespace polder::reporting
