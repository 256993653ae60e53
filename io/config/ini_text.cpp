#include "io/config/ini_text.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "solver/core/error.hpp"

namespace polder::io {
namespace {

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

/// Section and key names: letters, digits, '_', '.', '-' (what every Polder INI file uses).
bool plain_name(std::string_view name) {
  for (const char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return !name.empty();
}

int line_of(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", static_cast<unsigned>(c));
  return buf;
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong forms
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (s[i + k] < 0x80 || s[i + k] > 0xBF) return i;
    i += len;
  }
  return std::string_view::npos;
}

void check_ini_text(std::string_view text, const std::string& path, IniSyntax syntax) {
  const bool strict = syntax == IniSyntax::program_options;
  if (const auto bad = first_invalid_utf8(text); bad != std::string_view::npos)
    throw ConfigError(cat(path, ":", line_of(text, bad), ": byte ", hex_byte(static_cast<unsigned char>(text[bad])),
                          " is not UTF-8 (save the file as UTF-8)"));
  if (const auto nul = text.find('\0'); nul != std::string_view::npos)
    throw ConfigError(cat(path, ":", line_of(text, nul), ": the file holds a NUL byte (is it a text file?)"));
  // Keys given twice in one section; the parser reports malformed lines itself.
  std::map<std::string, int, std::less<>> first_line;
  std::string section;
  int line = 0;
  for (std::size_t at = 0; at <= text.size();) {
    const auto end = std::min(text.find('\n', at), text.size());
    auto raw = trim(text.substr(at, end - at));
    at = end + 1;
    ++line;
    // Boost.Program_options ends a line at its first '#'; the ingest reader takes '#' and ';' lines.
    if (strict) raw = trim(raw.substr(0, raw.find('#')));
    if (raw.empty() || (!strict && (raw.front() == '#' || raw.front() == ';'))) continue;
    if (raw.front() == '[') {
      const auto close = raw.find(']');
      if (!strict) {
        section = std::string(trim(raw.substr(1, close == std::string_view::npos ? raw.size() - 1 : close - 1)));
        continue;
      }
      if (close == std::string_view::npos || !trim(raw.substr(close + 1)).empty())
        throw ConfigError(cat(path, ":", line, ": malformed section header '", raw, "' (expected [name])"));
      section = std::string(trim(raw.substr(1, close - 1)));
      if (!plain_name(section))
        throw ConfigError(cat(path, ":", line, ": section name '", section, "' has characters other than letters, ",
                              "digits, '_', '.', '-'"));
      continue;
    }
    // Malformed lines are reported here: Boost.Program_options' own message for them can loop forever
    // when the line holds one of its placeholders ("%value%"), which the fuzzer found.
    const auto eq = raw.find('=');
    if (eq == std::string_view::npos && !strict) continue;
    if (eq == std::string_view::npos)
      throw ConfigError(cat(path, ":", line, ": expected 'key = value' or '[section]', found '", raw, "'"));
    const auto bare = trim(raw.substr(0, eq));
    if (strict && (bare.empty() || !plain_name(bare)))
      throw ConfigError(cat(path, ":", line, ": key '", bare, "' is empty or has characters other than letters, ",
                            "digits, '_', '.', '-'"));
    const std::string key = (section.empty() ? std::string() : section + ".") + std::string(bare);
    const auto [it, fresh] = first_line.emplace(key, line);
    if (!fresh)
      throw ConfigError(
          cat(path, ":", line, ": key '", key, "' is given twice (first on line ", it->second, "); keep one of them"));
  }
}

std::string read_ini_text(const std::string& path, const char* what, IniSyntax syntax) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw ConfigError(cat(what, " '", path, "' is a folder, not a file"));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(cat("cannot read ", what, " '", path, "' (no such file, or not readable)"));
  std::ostringstream os;
  os << in.rdbuf();
  if (in.bad()) throw ConfigError(cat("cannot read ", what, " '", path, "'"));
  std::string text = os.str();
  check_ini_text(text, path, syntax);
  return text;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

}  // namespace polder::io
