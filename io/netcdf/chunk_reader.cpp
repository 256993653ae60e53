#include "io/netcdf/chunk_reader.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "solver/core/error.hpp"
#include "solver/parallel/tile_loop.hpp"

namespace polder::io {
namespace {

/// One libdeflate decompressor per thread, freed when the thread ends.
libdeflate_decompressor* thread_decompressor() {
  struct Owner {
    libdeflate_decompressor* d = libdeflate_alloc_decompressor();
    ~Owner() { libdeflate_free_decompressor(d); }
  };
  thread_local Owner owner;
  return owner.d;
}

/// HDF5's byte shuffle undone: byte j of element i was stored at j * n + i. The 2- and 4-byte cases
/// assemble whole elements (little-endian) in one pass.
void unshuffle(const unsigned char* __restrict in, std::size_t n, std::size_t element_size,
               unsigned char* __restrict out) {
  if (element_size == 2) {
    const unsigned char *b0 = in, *b1 = in + n;
    for (std::size_t i = 0; i < n; ++i) {
      const auto v = static_cast<std::uint16_t>(b0[i] | (b1[i] << 8));
      std::memcpy(out + 2 * i, &v, 2);
    }
    return;
  }
  if (element_size == 4) {
    const unsigned char *b0 = in, *b1 = in + n, *b2 = in + 2 * n, *b3 = in + 3 * n;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t v = std::uint32_t{b0[i]} | (std::uint32_t{b1[i]} << 8) | (std::uint32_t{b2[i]} << 16) |
                              (std::uint32_t{b3[i]} << 24);
      std::memcpy(out + 4 * i, &v, 4);
    }
    return;
  }
  for (std::size_t j = 0; j < element_size; ++j) {
    const unsigned char* src = in + j * n;
    for (std::size_t i = 0; i < n; ++i) out[i * element_size + j] = src[i];
  }
}

}  // namespace

ChunkReader::ChunkReader(const std::string& path) : m_path(path) {
  m_file = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (m_file < 0) throw InputError(cat("cannot open '", path, "' with HDF5 to read its chunks"));
}

ChunkReader::~ChunkReader() {
  for (auto& [name, v] : m_variables)
    if (v.dataset >= 0) H5Dclose(v.dataset);
  if (m_file >= 0) H5Fclose(m_file);
}

ChunkReader::Variable& ChunkReader::variable(const std::string& var) {
  auto it = m_variables.find(var);
  if (it != m_variables.end()) return it->second;
  Variable v;
  v.dataset = H5Dopen2(m_file, var.c_str(), H5P_DEFAULT);
  if (v.dataset >= 0) {
    const hid_t space = H5Dget_space(v.dataset);
    v.rank = H5Sget_simple_extent_ndims(space);
    if (v.rank == 2 || v.rank == 3) {
      v.dims.resize(static_cast<std::size_t>(v.rank));
      H5Sget_simple_extent_dims(space, v.dims.data(), nullptr);
    }
    H5Sclose(space);
    const hid_t type = H5Dget_type(v.dataset);
    v.element_size = H5Tget_size(type);
    const bool little = H5Tget_order(type) == H5T_ORDER_LE || v.element_size == 1;
    H5Tclose(type);
    const hid_t dcpl = H5Dget_create_plist(v.dataset);
    bool filters_ok = true;
    if ((v.rank == 2 || v.rank == 3) && H5Pget_layout(dcpl) == H5D_CHUNKED) {
      v.chunk.resize(static_cast<std::size_t>(v.rank));
      H5Pget_chunk(dcpl, v.rank, v.chunk.data());
      const int n = H5Pget_nfilters(dcpl);
      for (int k = 0; k < n; ++k) {
        unsigned flags = 0, config = 0;
        std::size_t n_values = 8;
        unsigned values[8] = {};
        char name[64] = {};
        const H5Z_filter_t f =
            H5Pget_filter2(dcpl, static_cast<unsigned>(k), &flags, &n_values, values, sizeof name, name, &config);
        if (f == H5Z_FILTER_SHUFFLE) {
          v.shuffle_at = k;
        } else if (f == H5Z_FILTER_DEFLATE) {
          v.deflate_at = k;
        } else {
          filters_ok = false;
        }
      }
      v.fill.assign(v.element_size, 0);
      const hid_t native = H5Dget_type(v.dataset);
      H5D_fill_value_t defined{};
      if (H5Pfill_value_defined(dcpl, &defined) >= 0 && defined != H5D_FILL_VALUE_UNDEFINED)
        H5Pget_fill_value(dcpl, native, v.fill.data());
      H5Tclose(native);
      // Shuffle is undone after inflating, so it must come first in the pipeline (as NetCDF writes it).
      const bool order_ok = v.shuffle_at < 0 || v.deflate_at < 0 || v.shuffle_at < v.deflate_at;
      v.supported = filters_ok && order_ok && little && (v.rank == 2 || v.chunk[0] == 1);
    }
    H5Pclose(dcpl);
  }
  return m_variables.emplace(var, std::move(v)).first->second;
}

bool ChunkReader::supported(const std::string& var, std::size_t element_size) {
  const Variable& v = variable(var);
  return v.dataset >= 0 && v.supported && v.element_size == element_size;
}

void ChunkReader::read_rows_bytes(const std::string& var, std::optional<std::size_t> map_index, std::int64_t row0,
                                  std::int64_t n_rows, std::size_t element_size, unsigned char* out) {
  Variable& v = variable(var);
  POLDER_VERIFY(v.supported && v.element_size == element_size, "chunk read of unsupported variable ", var);
  const std::size_t ry = v.rank == 3 ? 1 : 0;  // index of the y dimension
  const hsize_t height = v.dims[ry], width = v.dims[ry + 1];
  const hsize_t ch = v.chunk[ry], cw = v.chunk[ry + 1];
  POLDER_VERIFY(row0 >= 0 && static_cast<hsize_t>(row0 + n_rows) <= height, "rows outside ", var);
  const std::size_t n_cx = static_cast<std::size_t>((width + cw - 1) / cw);
  const std::size_t chunk_elems = static_cast<std::size_t>(ch * cw);
  const std::size_t chunk_bytes = chunk_elems * element_size;
  const auto cy0 = static_cast<hsize_t>(row0) / ch, cy1 = static_cast<hsize_t>(row0 + n_rows - 1) / ch;
  m_raw.resize(n_cx);
  m_decoded.resize(n_cx);
  m_filter_mask.resize(n_cx);
  for (hsize_t cy = cy0; cy <= cy1; ++cy) {
    // Fetch the stored chunks of this chunk row (HDF5 calls stay on this thread).
    for (std::size_t cx = 0; cx < n_cx; ++cx) {
      std::vector<hsize_t> offset(static_cast<std::size_t>(v.rank), 0);
      if (v.rank == 3) offset[0] = map_index.value_or(0);
      offset[ry] = cy * ch;
      offset[ry + 1] = cx * cw;
      hsize_t stored = 0;
      auto& raw = m_raw[cx];
      if (H5Dget_chunk_storage_size(v.dataset, offset.data(), &stored) < 0 || stored == 0) {
        raw.clear();  // never written: fill value
        continue;
      }
      raw.resize(static_cast<std::size_t>(stored));
      std::uint32_t mask = 0;
      if (H5Dread_chunk(v.dataset, H5P_DEFAULT, offset.data(), &mask, raw.data()) < 0)
        throw InputError(cat("input file '", m_path, "': cannot read chunk (", offset[ry], ", ", offset[ry + 1],
                             ") of variable '", var, "'"));
      m_filter_mask[cx] = mask;
      m_bytes_read += static_cast<std::int64_t>(stored);
    }
    // Decode on all threads: inflate, then undo the shuffle.
    std::vector<std::string> errors(n_cx);
    parallel::for_each_tile(n_cx, [&](std::size_t cx) {
      auto& decoded = m_decoded[cx];
      decoded.resize(chunk_bytes);
      const auto& raw = m_raw[cx];
      if (raw.empty()) {
        for (std::size_t i = 0; i < chunk_elems; ++i)
          std::memcpy(&decoded[i * element_size], v.fill.data(), element_size);
        return;
      }
      // Filter mask bit k set: filter k of the pipeline was skipped for this chunk.
      const bool inflate = v.deflate_at >= 0 && !(m_filter_mask[cx] & (1U << v.deflate_at));
      const bool shuffled = v.shuffle_at >= 0 && !(m_filter_mask[cx] & (1U << v.shuffle_at));
      thread_local std::vector<unsigned char> plain;
      const unsigned char* bytes = raw.data();
      std::size_t size = raw.size();
      if (inflate) {
        plain.resize(chunk_bytes);
        std::size_t actual = 0;
        const auto r = libdeflate_zlib_decompress(thread_decompressor(), raw.data(), raw.size(), plain.data(),
                                                  chunk_bytes, &actual);
        if (r != LIBDEFLATE_SUCCESS || actual != chunk_bytes) {
          errors[cx] = cat("input file '", m_path, "': chunk ", cy, ", ", cx, " of variable '", var,
                           "' does not decompress (corrupt or truncated file)");
          return;
        }
        bytes = plain.data();
        size = actual;
      }
      if (size != chunk_bytes) {
        errors[cx] = cat("input file '", m_path, "': chunk ", cy, ", ", cx, " of variable '", var, "' holds ", size,
                         " bytes, expected ", chunk_bytes);
        return;
      }
      if (shuffled && element_size > 1) {
        unshuffle(bytes, chunk_elems, element_size, decoded.data());
      } else {
        std::memcpy(decoded.data(), bytes, chunk_bytes);
      }
    });
    for (const auto& e : errors)
      if (!e.empty()) throw InputError(e);
    // Copy the rows this call wants.
    const std::int64_t r_begin = std::max<std::int64_t>(row0, static_cast<std::int64_t>(cy * ch));
    const std::int64_t r_end = std::min<std::int64_t>(row0 + n_rows, static_cast<std::int64_t>((cy + 1) * ch));
    for (std::int64_t r = r_begin; r < r_end; ++r) {
      const auto in_chunk = static_cast<std::size_t>(r - static_cast<std::int64_t>(cy * ch));
      unsigned char* dst = out + static_cast<std::size_t>(r - row0) * static_cast<std::size_t>(width) * element_size;
      for (std::size_t cx = 0; cx < n_cx; ++cx) {
        const std::size_t c0 = cx * static_cast<std::size_t>(cw);
        const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(cw), static_cast<std::size_t>(width) - c0);
        std::memcpy(dst + c0 * element_size,
                    m_decoded[cx].data() + in_chunk * static_cast<std::size_t>(cw) * element_size, n * element_size);
      }
    }
  }
}

template <typename T>
void ChunkReader::read_rows(const std::string& var, std::optional<std::size_t> map_index, std::int64_t row0,
                            std::int64_t n_rows, std::vector<T>& out) {
  Variable& v = variable(var);
  const std::size_t ry = v.rank == 3 ? 1 : 0;
  out.resize(static_cast<std::size_t>(n_rows) * static_cast<std::size_t>(v.dims[ry + 1]));
  if (n_rows > 0)
    read_rows_bytes(var, map_index, row0, n_rows, sizeof(T), reinterpret_cast<unsigned char*>(out.data()));
}

template void ChunkReader::read_rows<std::uint8_t>(const std::string&, std::optional<std::size_t>, std::int64_t,
                                                   std::int64_t, std::vector<std::uint8_t>&);
template void ChunkReader::read_rows<std::int16_t>(const std::string&, std::optional<std::size_t>, std::int64_t,
                                                   std::int64_t, std::vector<std::int16_t>&);
template void ChunkReader::read_rows<float>(const std::string&, std::optional<std::size_t>, std::int64_t, std::int64_t,
                                            std::vector<float>&);

}  // namespace polder::io
