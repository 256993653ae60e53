#pragma once
// Fast reads of whole rows of chunks from a NetCDF-4 input stack: the stored (compressed) chunks are
// fetched from the file by HDF5's direct chunk read, one after the other, and decoded (HDF5 shuffle
// and zlib deflate, with libdeflate) on all OpenMP threads at once, where a NetCDF read decodes one
// chunk at a time on one thread. Each rank opens the file on its own, read-only, and reads only its
// own rows, so no collective call is needed. Variables stored otherwise (contiguous, other filters
// or types) report `supported() == false` and are read through NcFile instead.

#include <hdf5.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace polder::io {

class ChunkReader {
 public:
  /// Opens `path` read-only with HDF5's serial driver. Throws InputError if that fails.
  explicit ChunkReader(const std::string& path);
  ChunkReader(const ChunkReader&) = delete;
  ChunkReader& operator=(const ChunkReader&) = delete;
  ~ChunkReader();

  /// Whether `var` (a (y, x) or (map_year, y, x) variable) can be read here: chunked with chunks of
  /// one map year, stored little-endian with `element_size` bytes, filters only shuffle and deflate.
  bool supported(const std::string& var, std::size_t element_size);

  /// Reads rows [row0, row0 + n_rows) of every column of `var` (map year `map_index` of a 3-D
  /// variable), in the file's own row/column indices, row-major into `out` (n_rows x width).
  template <typename T>
  void read_rows(const std::string& var, std::optional<std::size_t> map_index, std::int64_t row0, std::int64_t n_rows,
                 std::vector<T>& out);

  /// Bytes fetched from the file so far (compressed).
  std::int64_t bytes_read() const { return m_bytes_read; }

 private:
  struct Variable {
    hid_t dataset = H5I_INVALID_HID;
    int rank = 0;
    std::vector<hsize_t> dims;
    std::vector<hsize_t> chunk;
    std::size_t element_size = 0;
    int shuffle_at = -1;  ///< position of the shuffle filter in the pipeline (-1: none)
    int deflate_at = -1;  ///< position of the deflate filter
    bool supported = false;
    std::vector<unsigned char> fill;  ///< fill value bytes (for chunks that were never written)
  };
  Variable& variable(const std::string& var);
  void read_rows_bytes(const std::string& var, std::optional<std::size_t> map_index, std::int64_t row0,
                       std::int64_t n_rows, std::size_t element_size, unsigned char* out);

  std::string m_path;
  hid_t m_file = H5I_INVALID_HID;
  std::map<std::string, Variable> m_variables;
  std::vector<std::vector<unsigned char>> m_raw;      ///< stored bytes of the chunks of one row
  std::vector<std::vector<unsigned char>> m_decoded;  ///< decoded chunks of one row
  std::vector<std::uint32_t> m_filter_mask;
  std::int64_t m_bytes_read = 0;
};

}  // namespace polder::io
