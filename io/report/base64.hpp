#pragma once
// Base64 (RFC 4648, with padding) for images embedded in the HTML page as data URIs.

#include <cstdint>
#include <span>
#include <string>

namespace polder::io::report {

std::string base64(std::span<const std::uint8_t> bytes);

}  // namespace polder::io::report
