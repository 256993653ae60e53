#pragma once
// The text of an INI file, read for any of the config readers (run configs, parameter files, ensemble
// files, ingest configs) with the checks the INI parser itself does not make: a folder or unreadable
// file, bytes that are not UTF-8 (a config copied from a spreadsheet in Latin-1), a NUL byte, and a
// key given twice in one section (Boost.Program_options would keep one of them silently). Each
// ConfigError names the file and the line.

#include <string>
#include <string_view>

namespace polder::io {

/// How strictly lines are checked. `program_options`: for the readers that hand the text to
/// Boost.Program_options: every line is a comment, `[section]` or `key = value`, and section and key
/// names hold only letters, digits, '_', '.', '-' (Boost's own message for a malformed line can loop
/// forever on a "%value%" in it). `own_parser`: the ingest reader, which parses and reports lines itself
/// and allows names such as `[layer glg]` or `V* = peat`.
enum class IniSyntax { program_options, own_parser };

/// Reads `path` (`what` names it in messages: "config file", "parameter file") and checks it.
std::string read_ini_text(const std::string& path, const char* what, IniSyntax syntax = IniSyntax::program_options);

/// The checks of read_ini_text on text already in memory; `path` is only for messages.
void check_ini_text(std::string_view text, const std::string& path, IniSyntax syntax = IniSyntax::program_options);

/// The byte offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong
/// forms, surrogates and code points above U+10FFFF included), or npos.
std::size_t first_invalid_utf8(std::string_view text);

/// `s` without leading and trailing blanks (space, tab, CR, LF): what the config readers compare.
std::string trim(const std::string& s);

}  // namespace polder::io
