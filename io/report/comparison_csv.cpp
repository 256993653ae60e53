#include "io/report/comparison_csv.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "io/report/atomic_output.hpp"
#include "solver/core/error.hpp"

namespace polder::io::report {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

}  // namespace

std::string comparison_csv(const reporting::Comparison& c) {
  std::ostringstream out;
  out << "run,file,year,code,category,net_kt_co2e,difference_kt_co2e\n";
  for (std::size_t r = 0; r < c.runs.size(); ++r)
    for (std::size_t y = 0; y < c.years.size(); ++y)
      for (std::size_t k = 0; k < c.rows.size(); ++k)
        out << csv_field(c.runs[r].label) << ',' << csv_field(c.runs[r].source) << ',' << c.years[y] << ','
            << csv_field(c.rows[k].code) << ',' << csv_field(c.rows[k].label) << ',' << number(c.value(r, y, k)) << ','
            << number(c.difference(r, y, k)) << '\n';
  return out.str();
}

void write_comparison_csv(const reporting::Comparison& c, const std::string& path) {
  AtomicFile file(path);
  {
    std::ofstream f(file.temp_path(), std::ios::binary);
    f << comparison_csv(c);
    f.close();
    if (!f) throw InputError(cat("cannot write '", path, "'"));
  }
  file.commit();
}

}  // namespace polder::io::report
