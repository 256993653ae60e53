#include "io/synth/geojson_provinces.hpp"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <map>
#include <memory>

#include "io/synth/embedded_provinces.hpp"
#include "solver/core/error.hpp"

namespace polder::io::synth {
namespace {

/// A parsed JSON value: what the outlines need (objects, arrays, strings, numbers; literals kept as
/// strings).
struct Json {
  enum class Kind { null, number, string, array, object } kind = Kind::null;
  double number = 0;
  std::string text;
  std::vector<Json> items;
  std::map<std::string, Json> members;

  const Json* find(const std::string& key) const {
    const auto it = members.find(key);
    return it == members.end() ? nullptr : &it->second;
  }
};

class JsonReader {
 public:
  JsonReader(std::string_view text, const std::string& source) : m_text(text), m_source(source) {}

  Json document() {
    Json v = value();
    skip_space();
    if (m_pos != m_text.size()) fail("trailing characters after the JSON document");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw InputError(cat("GeoJSON '", m_source, "': ", what, " at character ", m_pos));
  }
  void skip_space() {
    while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])) != 0) ++m_pos;
  }
  char peek() {
    skip_space();
    if (m_pos >= m_text.size()) fail("unexpected end of input");
    return m_text[m_pos];
  }
  void expect(char c) {
    if (peek() != c) fail(cat("expected '", c, "'"));
    ++m_pos;
  }
  Json value() {
    const char c = peek();
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') {
      Json v;
      v.kind = Json::Kind::string;
      v.text = string();
      return v;
    }
    if (c == '-' || std::isdigit(static_cast<unsigned char>(c)) != 0) return number();
    for (const char* literal : {"true", "false", "null"}) {
      const std::string_view lit(literal);
      if (m_text.substr(m_pos, lit.size()) == lit) {
        m_pos += lit.size();
        Json v;
        v.kind = lit == "null" ? Json::Kind::null : Json::Kind::string;
        v.text = std::string(lit);
        return v;
      }
    }
    fail(cat("unexpected character '", c, "'"));
  }
  Json object() {
    Json v;
    v.kind = Json::Kind::object;
    expect('{');
    if (peek() == '}') {
      ++m_pos;
      return v;
    }
    while (true) {
      if (peek() != '"') fail("expected a member name");
      std::string key = string();
      expect(':');
      v.members.emplace(std::move(key), value());
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      expect('}');
      return v;
    }
  }
  Json array() {
    Json v;
    v.kind = Json::Kind::array;
    expect('[');
    if (peek() == ']') {
      ++m_pos;
      return v;
    }
    while (true) {
      v.items.push_back(value());
      if (peek() == ',') {
        ++m_pos;
        continue;
      }
      expect(']');
      return v;
    }
  }
  std::string string() {
    expect('"');
    std::string out;
    while (m_pos < m_text.size() && m_text[m_pos] != '"') {
      char c = m_text[m_pos++];
      if (c == '\\') {
        if (m_pos >= m_text.size()) fail("unterminated escape");
        c = m_text[m_pos++];
        switch (c) {
          case '"':
          case '\\':
          case '/':
            out += c;
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u':
            append_utf8(out, code_point());
            break;
          default:
            fail(cat("invalid escape '\\", c, "'"));
        }
        continue;
      }
      out += c;
    }
    if (m_pos >= m_text.size()) fail("unterminated string");
    ++m_pos;
    return out;
  }
  /// The code point of a \\u escape (four hex digits after the 'u'), joining a UTF-16 surrogate pair.
  std::uint32_t code_point() {
    const auto hex4 = [this] {
      if (m_pos + 4 > m_text.size()) fail("truncated \\u escape");
      std::uint32_t v = 0;
      const auto [ptr, ec] = std::from_chars(m_text.data() + m_pos, m_text.data() + m_pos + 4, v, 16);
      if (ec != std::errc() || ptr != m_text.data() + m_pos + 4) fail("malformed \\u escape");
      m_pos += 4;
      return v;
    };
    const std::uint32_t u = hex4();
    if (u < 0xD800 || u > 0xDFFF) return u;
    if (u > 0xDBFF || m_text.substr(m_pos, 2) != "\\u") fail("unpaired UTF-16 surrogate in a \\u escape");
    m_pos += 2;
    const std::uint32_t low = hex4();
    if (low < 0xDC00 || low > 0xDFFF) fail("unpaired UTF-16 surrogate in a \\u escape");
    return 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
  }
  static void append_utf8(std::string& out, std::uint32_t cp) {
    const auto byte = [&out](std::uint32_t b) { out += static_cast<char>(static_cast<unsigned char>(b)); };
    if (cp < 0x80) {
      byte(cp);
    } else if (cp < 0x800) {
      byte(0xC0 | (cp >> 6));
      byte(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      byte(0xE0 | (cp >> 12));
      byte(0x80 | ((cp >> 6) & 0x3F));
      byte(0x80 | (cp & 0x3F));
    } else {
      byte(0xF0 | (cp >> 18));
      byte(0x80 | ((cp >> 12) & 0x3F));
      byte(0x80 | ((cp >> 6) & 0x3F));
      byte(0x80 | (cp & 0x3F));
    }
  }
  Json number() {
    skip_space();
    const char* begin = m_text.data() + m_pos;
    const char* end = m_text.data() + m_text.size();
    Json v;
    v.kind = Json::Kind::number;
    const auto [ptr, ec] = std::from_chars(begin, end, v.number);
    if (ec != std::errc()) fail("malformed number");
    m_pos += static_cast<std::size_t>(ptr - begin);
    return v;
  }

  std::string_view m_text;
  const std::string& m_source;
  std::size_t m_pos = 0;
};

Ring read_ring(const Json& coords, const std::string& source) {
  if (coords.kind != Json::Kind::array || coords.items.size() < 4)
    throw InputError(cat("GeoJSON '", source, "': a polygon ring needs at least 4 positions"));
  Ring ring;
  for (const auto& p : coords.items) {
    if (p.kind != Json::Kind::array || p.items.size() < 2 || p.items[0].kind != Json::Kind::number ||
        p.items[1].kind != Json::Kind::number)
      throw InputError(cat("GeoJSON '", source, "': a position is not [x, y]"));
    ring.push_back({p.items[0].number, p.items[1].number});
  }
  ring.pop_back();  // GeoJSON repeats the first position at the end
  return ring;
}

void add_polygon(const Json& polygon, Polygon& out, const std::string& source) {
  if (polygon.kind != Json::Kind::array) throw InputError(cat("GeoJSON '", source, "': a polygon is not an array"));
  for (const auto& ring : polygon.items) out.rings.push_back(read_ring(ring, source));
}

}  // namespace

std::vector<ProvinceOutline> read_province_outlines(std::string_view geojson, const std::string& source) {
  const Json doc = JsonReader(geojson, source).document();
  const Json* features = doc.find("features");
  if (features == nullptr || features->kind != Json::Kind::array)
    throw InputError(cat("GeoJSON '", source, "' is not a FeatureCollection"));
  std::vector<ProvinceOutline> out(12);
  for (const auto& f : features->items) {
    const Json* props = f.find("properties");
    const Json* geom = f.find("geometry");
    const Json* code = props != nullptr ? props->find("statcode") : nullptr;
    if (code == nullptr || geom == nullptr)
      throw InputError(cat("GeoJSON '", source, "': feature without statcode/geometry"));
    // CBS province codes PV20 (Groningen) .. PV31 (Limburg) map to 1..12.
    const int number = code->text.size() == 4 && code->text.rfind("PV", 0) == 0 ? std::atoi(code->text.c_str() + 2) : 0;
    if (number < 20 || number > 31)
      throw InputError(cat("GeoJSON '", source, "': unknown province code '", code->text, "'"));
    auto& p = out[static_cast<std::size_t>(number - 20)];
    p.code = number - 19;
    p.statcode = code->text;
    const Json* name = props->find("statnaam");
    p.name = name != nullptr ? name->text : code->text;
    const Json* type = geom->find("type");
    const Json* coords = geom->find("coordinates");
    if (type == nullptr || coords == nullptr) throw InputError(cat("GeoJSON '", source, "': geometry without type"));
    if (type->text == "Polygon") {
      add_polygon(*coords, p.shape, source);
    } else if (type->text == "MultiPolygon") {
      for (const auto& poly : coords->items) add_polygon(poly, p.shape, source);
    } else {
      throw InputError(cat("GeoJSON '", source, "': geometry type '", type->text, "' is not a polygon"));
    }
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    if (out[i].code == 0) throw InputError(cat("GeoJSON '", source, "' lacks province PV", 20 + i));
  return out;
}

const std::vector<ProvinceOutline>& embedded_province_outlines() {
  static const std::vector<ProvinceOutline> outlines =
      read_province_outlines(embedded_province_geojson(), "io/synth/data/nl_provinces_rd.geojson (embedded)");
  return outlines;
}

}  // namespace polder::io::synth
