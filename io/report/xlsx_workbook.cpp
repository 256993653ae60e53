#include "io/report/xlsx_workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <set>

#include "io/report/atomic_output.hpp"
#include "solver/core/error.hpp"

namespace polder::io::report {
namespace {

using reporting::ReportTable;

/// Owns the libxlsxwriter workbook: closes (and so writes) it once, or frees it unwritten on error.
class Workbook {
 public:
  explicit Workbook(const std::string& path) : m_path(path), m_book(workbook_new(path.c_str())) {
    if (m_book == nullptr) throw InputError(cat("cannot create workbook '", path, "'"));
    m_title = format([](lxw_format* f) {
      format_set_bold(f);
      format_set_font_size(f, 13);
    });
    m_group = format([](lxw_format* f) {
      format_set_bold(f);
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_bg_color(f, 0xDDEBF7);
      format_set_border(f, LXW_BORDER_THIN);
    });
    m_header = format([](lxw_format* f) {
      format_set_bold(f);
      format_set_text_wrap(f);
      format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
      format_set_bg_color(f, 0xF2F2F2);
      format_set_border(f, LXW_BORDER_THIN);
    });
    m_year = format([](lxw_format* f) {
      format_set_bold(f);
      format_set_bg_color(f, 0xFFF2CC);
    });
    m_number = format([](lxw_format* f) { format_set_num_format(f, "#,##0.00"); });
    m_number_bold = format([](lxw_format* f) {
      format_set_num_format(f, "#,##0.00");
      format_set_bold(f);
    });
    m_key = format([](lxw_format* f) { format_set_align(f, LXW_ALIGN_RIGHT); });
    m_note = format([](lxw_format* f) {
      format_set_italic(f);
      format_set_font_color(f, 0x595959);
    });
    for (std::uint8_t level = 0; level < 3; ++level)
      m_label[level] = format([level](lxw_format* f) {
        if (level > 0) format_set_indent(f, level);
        if (level == 0) format_set_bold(f);
      });
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;
  ~Workbook() {
    // Not closed: the file is incomplete; libxlsxwriter writes nothing until workbook_close, which
    // also frees it, so close into the temporary name that the caller then removes.
    if (m_book != nullptr) workbook_close(m_book);
  }

  lxw_worksheet* sheet(const std::string& name) {
    if (workbook_validate_sheet_name(m_book, name.c_str()) != LXW_NO_ERROR)
      throw InternalError(cat("worksheet name '", name, "' is not valid in Excel"));
    return workbook_add_worksheet(m_book, name.c_str());
  }

  void close() {
    const lxw_error e = workbook_close(m_book);
    m_book = nullptr;
    if (e != LXW_NO_ERROR) throw InputError(cat("cannot write workbook '", m_path, "': ", lxw_strerror(e)));
  }

  lxw_format *m_title, *m_group, *m_header, *m_year, *m_number, *m_number_bold, *m_key, *m_note;
  lxw_format* m_label[3];

 private:
  template <typename Setup>
  lxw_format* format(Setup&& setup) {
    lxw_format* f = workbook_add_format(m_book);
    setup(f);
    return f;
  }
  std::string m_path;
  lxw_workbook* m_book;
};

void write_sheet(Workbook& wb, lxw_worksheet* ws, const ReportTable& t) {
  lxw_row_t row = 0;
  worksheet_write_string(ws, row++, 0, t.title.c_str(), wb.m_title);
  if (!t.units.empty()) worksheet_write_string(ws, row++, 0, ("Units: " + t.units).c_str(), wb.m_note);
  ++row;
  const auto ncols = static_cast<lxw_col_t>(t.columns.size());
  const bool label_column = !t.label_header.empty();
  const lxw_col_t first = label_column ? 2 : 1;  // code, label, then the values
  if (!t.groups.empty()) {
    lxw_col_t col = first;
    for (const auto& g : t.groups) {
      const auto last = static_cast<lxw_col_t>(col + g.span - 1);
      if (g.span > 1) {
        worksheet_merge_range(ws, row, col, row, last, g.title.c_str(), wb.m_group);
      } else {
        worksheet_write_string(ws, row, col, g.title.c_str(), wb.m_group);
      }
      col = static_cast<lxw_col_t>(last + 1);
    }
    ++row;
  }
  const lxw_row_t header_row = row;
  worksheet_write_string(ws, row, 0, t.code_header.c_str(), wb.m_header);
  if (label_column) worksheet_write_string(ws, row, 1, t.label_header.c_str(), wb.m_header);
  for (lxw_col_t c = 0; c < ncols; ++c)
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(first + c), t.columns[c].c_str(), wb.m_header);
  worksheet_set_row(ws, row, 45, nullptr);
  ++row;
  for (const auto& b : t.blocks) {
    if (b.year != 0 || !b.title.empty()) {
      const std::string head = b.title.empty() ? std::to_string(b.year) : b.title;
      if (b.year != 0 && b.title.empty()) {
        worksheet_write_number(ws, row, 0, b.year, wb.m_year);
      } else {
        worksheet_write_string(ws, row, 0, head.c_str(), wb.m_year);
      }
      ++row;
    }
    for (const auto& r : b.rows) {
      const int level = std::clamp(r.level, 0, 2);
      if (t.year_rows) {
        worksheet_write_number(ws, row, 0, std::stod(r.code), nullptr);
      } else {
        worksheet_write_string(ws, row, 0, r.code.c_str(), wb.m_label[level]);
      }
      if (label_column) worksheet_write_string(ws, row, 1, r.label.c_str(), wb.m_label[level]);
      for (std::size_t c = 0; c < r.cells.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(first + c);
        const auto& cell = r.cells[c];
        if (cell.is_missing()) {
          worksheet_write_string(ws, row, col, "missing", wb.m_key);
        } else if (cell.is_number()) {
          worksheet_write_number(ws, row, col, cell.value, level == 0 ? wb.m_number_bold : wb.m_number);
        } else {
          worksheet_write_string(ws, row, col, cell.text.c_str(), wb.m_key);
        }
      }
      ++row;
    }
  }
  if (!t.note.empty()) worksheet_write_string(ws, row + 1, 0, t.note.c_str(), wb.m_note);
  worksheet_set_column(ws, 0, 0, t.year_rows ? 8 : 14, nullptr);
  if (label_column) worksheet_set_column(ws, 1, 1, 44, nullptr);
  if (ncols > 0) worksheet_set_column(ws, first, static_cast<lxw_col_t>(first + ncols - 1), 14, nullptr);
  worksheet_freeze_panes(ws, static_cast<lxw_row_t>(header_row + 1), first);
}

}  // namespace

void write_workbook(const std::vector<ReportTable>& tables, const WorkbookCover& cover, const std::string& path) {
  AtomicFile out(path);
  {
    Workbook wb(out.temp_path());
    lxw_worksheet* about = wb.sheet("About");
    worksheet_write_string(about, 0, 0, cover.title.c_str(), wb.m_title);
    lxw_row_t row = 2;
    for (const auto& [k, v] : cover.facts) {
      worksheet_write_string(about, row, 0, k.c_str(), wb.m_header);
      worksheet_write_string(about, row++, 1, v.c_str(), nullptr);
    }
    ++row;
    worksheet_write_string(about, row++, 0, "Sheets", wb.m_header);
    for (const auto& t : tables) {
      worksheet_write_string(about, row, 0, t.sheet.c_str(), nullptr);
      worksheet_write_string(about, row++, 1, t.title.c_str(), nullptr);
    }
    worksheet_set_column(about, 0, 0, 22, nullptr);
    worksheet_set_column(about, 1, 1, 100, nullptr);
    std::set<std::string> names;
    for (const auto& t : tables) {
      POLDER_VERIFY(!t.sheet.empty() && names.insert(t.sheet).second, "report table ", t.key,
                    " has no sheet name or shares one");
      write_sheet(wb, wb.sheet(t.sheet), t);
    }
    wb.close();
  }
  out.commit();
}

}  // namespace polder::io::report
