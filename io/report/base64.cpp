#include "io/report/base64.hpp"

namespace polder::io::report {

std::string base64(std::span<const std::uint8_t> bytes) {
  static constexpr char k_digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  // Three bytes make four digits of six bits each.
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = std::uint32_t{bytes[i]} << 16 | std::uint32_t{bytes[i + 1]} << 8 | bytes[i + 2];
    for (int s = 18; s >= 0; s -= 6) out.push_back(k_digits[(v >> s) & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = std::uint32_t{bytes[i]} << 16;
    if (rest == 2) v |= std::uint32_t{bytes[i + 1]} << 8;
    out.push_back(k_digits[(v >> 18) & 63]);
    out.push_back(k_digits[(v >> 12) & 63]);
    out.push_back(rest == 2 ? k_digits[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

}  // namespace polder::io::report
