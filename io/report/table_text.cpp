#include "io/report/table_text.hpp"

#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "io/report/atomic_output.hpp"
#include "solver/core/error.hpp"

namespace polder::io::report {
namespace {

using reporting::ReportCell;
using reporting::ReportTable;

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string format_number(double v, const char* fmt) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

std::string cell_text(const ReportCell& c, const char* fmt) {
  if (!c.is_number()) return c.text;
  if (c.is_missing()) return "missing";
  return format_number(c.value, fmt);
}

std::string block_title(const ReportTable& t, const reporting::ReportBlock& b) {
  if (!b.title.empty()) return b.title;
  if (b.year != 0) return t.title + ", " + std::to_string(b.year);
  return t.title;
}

}  // namespace

void print_table(std::ostream& out, const ReportTable& t, bool csv) {
  for (const auto& b : t.blocks) {
    const std::string title = block_title(t, b);
    if (csv) {
      out << "# " << title << " (" << t.units << ")\n";
      out << "label";
      for (const auto& c : t.columns) out << ',' << csv_field(c);
      out << '\n';
      for (const auto& r : b.rows) {
        out << csv_field(r.label.empty() ? r.code : r.code.empty() ? r.label : r.code + " " + r.label);
        for (const auto& c : r.cells) out << ',' << csv_field(cell_text(c, "%.6g"));
        out << '\n';
      }
      continue;
    }
    out << '\n' << title << " [" << t.units << "]\n";
    std::vector<std::string> labels;
    std::size_t width = 6;
    for (const auto& r : b.rows) {
      labels.push_back(std::string(static_cast<std::size_t>(2 * r.level), ' ') + (r.label.empty() ? r.code
                                                                                  : r.code.empty()
                                                                                      ? r.label
                                                                                      : r.code + " " + r.label));
      width = std::max(width, labels.back().size());
    }
    // Numbers take 10 characters; a column of words (EU status, legal source) is as wide as its
    // longest entry, up to 60.
    std::vector<int> widths(t.columns.size(), 10);
    for (const auto& r : b.rows)
      for (std::size_t c = 0; c < r.cells.size() && c < widths.size(); ++c)
        if (!r.cells[c].is_number())
          widths[c] = std::max(widths[c], static_cast<int>(std::min<std::size_t>(60, r.cells[c].text.size())));
    char buf[512];
    std::snprintf(buf, sizeof buf, "%-*s", static_cast<int>(width), "");
    out << buf;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      std::snprintf(buf, sizeof buf, " %*.*s", widths[c], widths[c], t.columns[c].c_str());
      out << buf;
    }
    out << '\n';
    for (std::size_t i = 0; i < b.rows.size(); ++i) {
      std::snprintf(buf, sizeof buf, "%-*s", static_cast<int>(width), labels[i].c_str());
      out << buf;
      const auto& cells = b.rows[i].cells;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const int w = c < widths.size() ? widths[c] : 10;
        if (cells[c].is_number() && !cells[c].is_missing()) {
          std::snprintf(buf, sizeof buf, " %*.2f", w, cells[c].value);
        } else {
          std::snprintf(buf, sizeof buf, " %*.*s", w, w, cell_text(cells[c], "%g").c_str());
        }
        out << buf;
      }
      out << '\n';
    }
  }
  if (!csv && !t.note.empty()) out << "  note: " << t.note << '\n';
}

std::string tidy_csv(const ReportTable& t) {
  std::ostringstream out;
  bool per_year = false, sections = false;
  for (const auto& b : t.blocks) {
    per_year = per_year || b.year != 0;
    sections = sections || (!b.title.empty() && b.year == 0);
  }
  std::vector<std::string> header;
  if (per_year) header.push_back("year");
  if (sections) header.push_back("section");
  header.push_back(t.code_header);
  if (!t.label_header.empty()) header.push_back(t.label_header);
  header.insert(header.end(), t.csv_columns.begin(), t.csv_columns.end());
  for (std::size_t i = 0; i < header.size(); ++i) out << (i ? "," : "") << csv_field(header[i]);
  out << '\n';
  for (const auto& b : t.blocks)
    for (const auto& r : b.rows) {
      std::vector<std::string> f;
      if (per_year) f.push_back(std::to_string(b.year));
      if (sections) f.push_back(b.title);
      f.push_back(r.code);
      if (!t.label_header.empty()) f.push_back(r.label);
      for (const auto& c : r.cells) f.push_back(cell_text(c, "%.10g"));
      for (std::size_t i = 0; i < f.size(); ++i) out << (i ? "," : "") << csv_field(f[i]);
      out << '\n';
    }
  return out.str();
}

void write_csv_folder(const std::vector<ReportTable>& tables, const std::string& dir) {
  AtomicFolder folder(dir);
  std::set<std::string> names;
  for (const auto& t : tables) {
    const std::string name = t.file.empty() ? t.key : t.file;
    POLDER_VERIFY(names.insert(name).second, "two report tables write ", name, ".csv");
    const std::string path = folder.temp_path() + "/" + name + ".csv";
    std::ofstream f(path, std::ios::binary);
    f << tidy_csv(t);
    f.close();
    if (!f) throw InputError(cat("cannot write '", path, "'"));
  }
  folder.commit();
}

}  // namespace polder::io::report
