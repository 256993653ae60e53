#pragma once
// Reads an HDF5 inventory back into memory, checked against the output schema
// (solver/reporting/output_schema.hpp): every dataset the schema requires must be there with its type
// and shape, or the file is refused with an InputError that names the file and the dataset. So
// `polder report` never draws a table from a truncated or foreign file.

#include <string>

#include "solver/reporting/inventory_data.hpp"

namespace polder::io {

/// Throws InputError if `path` is not an HDF5 file, not a Polder inventory, or lacks or mis-shapes a
/// required dataset. An inventory written before /eu_accounting existed is read without that group
/// (InventoryData::has tells).
reporting::InventoryData read_inventory(const std::string& path);

}  // namespace polder::io
