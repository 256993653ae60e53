#pragma once
// `polder info` for HDF5 inventories and checkpoints: prints the provenance and the layout of every
// dataset (shape, type, units) so a person can see what a file holds without h5dump.

#include <ostream>
#include <string>

namespace polder::io {

/// True if `path` is an HDF5 file written by `polder run` (inventory or checkpoint).
bool is_polder_hdf5(const std::string& path);

/// Describes an inventory or checkpoint file. Throws InputError if it cannot be read.
void describe_inventory(const std::string& path, std::ostream& out);

}  // namespace polder::io
