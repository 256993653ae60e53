// Motorways and main trunk roads (A- and N-roads) by the towns they pass, in order; the towns are
// names in city_table(). Routes simplified to straight legs between towns.
#include "io/synth/feature_tables.hpp"

namespace polder::io::synth {

const std::vector<RoadRecord>& motorway_table() {
  static const std::vector<RoadRecord> table = {
      {"A1",
       "Amsterdam,Weesp,Bussum,Amersfoort,Barneveld,Apeldoorn,Deventer,Rijssen,Hengelo,"
       "Oldenzaal"},
      {"A2",
       "Amsterdam,Uithoorn,Maarssen,Utrecht,Vianen,Culemborg,Geldermalsen,Zaltbommel,"
       "'s-Hertogenbosch,Boxtel,Best,Eindhoven,Weert,Roermond,Echt,Sittard-Geleen,"
       "Maastricht"},
      {"A4",
       "Amsterdam,Hoofddorp,Leiden,Leidschendam-Voorburg,Rijswijk,Delft,Schiedam,"
       "Spijkenisse"},
      {"A4 zuid", "Roosendaal,Bergen op Zoom,Steenbergen,Oud-Beijerland"},
      {"A6", "Almere,Lelystad,Emmeloord,Joure"},
      {"A7",
       "Zaandam,Purmerend,Hoorn,Medemblik,Bolsward,Sneek,Joure,Heerenveen,Drachten,Leek,"
       "Groningen,Hoogezand,Winschoten"},
      {"A9", "Alkmaar,Heiloo,Castricum,Beverwijk,Haarlem,Hoofddorp,Amstelveen,Amsterdam"},
      {"A12",
       "Den Haag,Zoetermeer,Gouda,Bodegraven,Woerden,Utrecht,Zeist,Doorn,Veenendaal,Ede,"
       "Arnhem,Duiven,Zevenaar"},
      {"A13", "Den Haag,Rijswijk,Delft,Rotterdam"},
      {"A15",
       "Rotterdam,Barendrecht,Ridderkerk,Papendrecht,Gorinchem,Leerdam,Geldermalsen,Tiel,"
       "Druten,Nijmegen"},
      {"A16", "Rotterdam,Zwijndrecht,Dordrecht,Breda"},
      {"A17", "Dordrecht,Oudenbosch,Roosendaal"},
      {"A20", "Maassluis,Vlaardingen,Schiedam,Rotterdam,Capelle aan den IJssel,Gouda"},
      {"A27", "Breda,Oosterhout,Gorinchem,Vianen,Utrecht,Hilversum,Almere"},
      {"A28",
       "Utrecht,Soest,Amersfoort,Harderwijk,Nunspeet,Epe,Zwolle,Meppel,Hoogeveen,Beilen,"
       "Assen,Groningen"},
      {"A30", "Barneveld,Ede"},
      {"A32", "Meppel,Steenwijk,Wolvega,Heerenveen,Leeuwarden"},
      {"A35", "Almelo,Borne,Hengelo,Enschede"},
      {"A37", "Hoogeveen,Coevorden,Emmen"},
      {"A44", "Den Haag,Wassenaar,Katwijk,Lisse,Hoofddorp-Nieuw-Vennep"},
      {"A50", "Zwolle,Epe,Apeldoorn,Arnhem,Nijmegen,Wijchen,Oss,Veghel,Eindhoven"},
      {"A58",
       "Vlissingen,Middelburg,Goes,Bergen op Zoom,Roosendaal,Etten-Leur,Breda,Tilburg,"
       "Boxtel,Best,Eindhoven,Helmond"},
      {"A59", "Oss,Rosmalen,'s-Hertogenbosch,Drunen,Waalwijk,Oosterhout"},
      {"A65", "'s-Hertogenbosch,Vught,Tilburg"},
      {"A67", "Eindhoven,Geldrop,Venlo"},
      {"A73", "Nijmegen,Cuijk,Boxmeer,Venray,Venlo,Tegelen,Roermond"},
      {"A76", "Geleen,Brunssum,Heerlen,Kerkrade"},
      {"A79", "Maastricht,Valkenburg,Heerlen"},
      {"A18", "Zevenaar,Doetinchem,Winterswijk"},
      {"A31", "Harlingen,Franeker,Leeuwarden,Drachten"},
      {"A10", "Amsterdam,IJburg,Amstelveen,Amsterdam"},
      {"N33", "Assen,Veendam,Appingedam,Delfzijl"},
      {"A348", "Arnhem,Zutphen,Deventer"},
      {"N34", "Emmen,Coevorden,Hardenberg,Ommen,Raalte,Deventer"},
      {"A29", "Rotterdam,Oud-Beijerland,Middelharnis"},
  };
  return table;
}

}  // namespace polder::io::synth
