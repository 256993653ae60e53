#pragma once
// The twelve Dutch provinces, coded as in the CBS 2023 province file (PV20 … PV31 -> 1 … 12).

#include <array>
#include <string_view>

namespace polder::model {

inline constexpr int k_provinces = 12;
/// Index 0 is unused (outside the territory); 1..12 follow CBS statcode order PV20..PV31.
inline constexpr std::array<std::string_view, k_provinces + 1> k_province_names = {
    "",        "Groningen",     "Fryslân",      "Drenthe", "Overijssel",    "Flevoland", "Gelderland",
    "Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"};
/// Lower-case ASCII keys accepted on the command line (`--region utrecht`).
inline constexpr std::array<std::string_view, k_provinces + 1> k_province_keys = {
    "",        "groningen",     "friesland",    "drenthe", "overijssel",    "flevoland", "gelderland",
    "utrecht", "noord-holland", "zuid-holland", "zeeland", "noord-brabant", "limburg"};

}  // namespace polder::model
