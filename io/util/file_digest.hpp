#pragma once
// Checksums of input files for provenance. Large files are hashed in parallel: the file is cut into
// 64 MiB pieces, each hashed with SHA-256 by one rank, and the digest is the SHA-256 of the
// concatenated piece digests ("sha256-tree-64MiB"; docs/output-format.md shows how to recompute it).

#include <string>
#include <string_view>

#include "solver/parallel/comm.hpp"

namespace polder::io {

inline constexpr const char* k_digest_method = "sha256-tree-64MiB";

/// SHA-256 of a string, as hex.
std::string sha256_hex(std::string_view text);

/// Collective over `comm`: the hex digest of `path`, the same on every rank.
std::string file_digest(const parallel::Comm& comm, const std::string& path);

}  // namespace polder::io
