#pragma once
// Helpers shared by the input_checks*.cpp files (not part of the public API).

#include <cstdint>
#include <string>
#include <vector>

#include "io/netcdf/nc_file.hpp"
#include "solver/grid/grid_window.hpp"

namespace polder::io::detail {

/// The NetCDF type of `var` as a word ("uint8", "float32", ...), for messages.
std::string nc_type_name(const NcFile& file, const std::string& var);
const char* type_name(NcType t);
std::string join(const std::vector<std::string>& parts, const char* sep);
/// "125012.5": metres with one decimal, for RD coordinates in messages.
std::string metres(double v);
/// A value for messages: "NaN", "Inf", or the shortest usual form.
std::string number(double v);

/// Throws InputError unless `var` exists with type `type` over exactly `dims`.
void require_var(const NcFile& file, const std::string& var, NcType type, const std::vector<std::string>& dims);
/// A global integer attribute; throws InputError if missing or not an integer.
std::int32_t require_int_attribute(const NcFile& file, const std::string& name);
/// Throws InputError unless polder_format / polder_format_version match.
void check_format(const NcFile& file, const char* format, int version);
/// Reads a float64 coordinate variable over its own dimension (collective).
std::vector<double> read_coordinate(const NcFile& file, const std::string& name);
/// The national window the cell-centre coordinates describe; throws InputError unless they lie exactly
/// on the national 25 m lattice (x increasing, y decreasing, inside the national grid). `path` names the
/// file in messages.
grid::GridWindow lattice_window(const std::string& path, const std::vector<double>& xs, const std::vector<double>& ys);

}  // namespace polder::io::detail
