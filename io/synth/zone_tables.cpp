// Landscape zones as ellipses: centre (RD m), semi-axes a (along `angle`, degrees anticlockwise from
// east) and b (m), up to three values and a year from which the zone applies (0: already in 1970).
// RD New coordinates converted from approximate WGS84 positions (general geographic knowledge, about
// +-1 km) with PROJ (EPSG:4326 -> EPSG:28992). Documented in docs/synthetic-netherlands.md.
#include "io/synth/feature_tables.hpp"

namespace polder::io::synth {

// Lakes inside the province outlines; values unused; since = year the lake exists (dug, flooded).
const std::vector<ZoneRecord>& lake_zones() {
  static const std::vector<ZoneRecord> table = {
      {"Tjeukemeer", 183449, 545960, 2500, 1600, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Sneekermeer", 180010, 560407, 2000, 900, 30, {0.0F, 0.0F, 0.0F}, 0},
      {"Fluessen-Heegermeer", 165270, 551451, 3000, 900, 40, {0.0F, 0.0F, 0.0F}, 0},
      {"Slotermeer", 172008, 546462, 2300, 1200, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Bergumermeer", 197306, 577222, 1500, 700, 30, {0.0F, 0.0F, 0.0F}, 0},
      {"De Leijen", 190670, 570490, 1200, 700, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Pikmeer", 185998, 568232, 1000, 600, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Langweerder Wielen", 178024, 554833, 1500, 500, -30, {0.0F, 0.0F, 0.0F}, 0},
      {"Loosdrechtse Plassen", 133998, 468032, 3000, 1500, 20, {0.0F, 0.0F, 0.0F}, 0},
      {"Vinkeveense Plassen", 125125, 470525, 2500, 700, 45, {0.0F, 0.0F, 0.0F}, 0},
      {"Nieuwkoopse Plassen", 114820, 463700, 1800, 1000, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Reeuwijkse Plassen", 110605, 451496, 1800, 1000, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Kagerplassen", 98455, 468866, 1500, 900, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Westeinderplassen", 111487, 473742, 1800, 1200, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Alkmaardermeer", 113476, 507106, 1500, 800, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Zuidlaardermeer", 242877, 571715, 1800, 1100, 60, {0.0F, 0.0F, 0.0F}, 0},
      {"Paterswoldsemeer", 234085, 577128, 1000, 600, 60, {0.0F, 0.0F, 0.0F}, 0},
      {"Schildmeer", 250666, 584108, 1000, 500, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Oldambtmeer", 262226, 574890, 1600, 900, 0, {0.0F, 0.0F, 0.0F}, 2009},
      {"Beulakerwijde-Belterwijde", 201175, 521614, 3200, 1200, 20, {0.0F, 0.0F, 0.0F}, 0},
      {"Giethoornse Meer", 201809, 526071, 1000, 600, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Maasplassen Roermond", 192963, 353537, 4000, 1200, 50, {0.0F, 0.0F, 0.0F}, 0},
      {"Maasplassen Roermond (new)", 189504, 347950, 2500, 800, 50, {0.0F, 0.0F, 0.0F}, 1995},
      {"Markiezaatsmeer", 76682, 387376, 1800, 1100, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Brielse Meer", 73302, 435833, 3000, 400, -10, {0.0F, 0.0F, 0.0F}, 0},
      {"Oostvoornse Meer", 65075, 437644, 2000, 700, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Biesbosch kreken", 114460, 419198, 4500, 2000, 20, {0.0F, 0.0F, 0.0F}, 0},
      {"Noordwaard (Ruimte voor de Rivier)", 117230, 420289, 2500, 1200, 10, {0.0F, 0.0F, 0.0F}, 2015},
      {"Tiengemeten (natuur)", 81957, 415671, 2000, 600, 0, {0.0F, 0.0F, 0.0F}, 2007},
      {"Haringvlietbrug plassen", 90211, 412776, 1000, 400, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Wolderwijd-oever", 170867, 483034, 700, 400, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Lauwersmeer-oost", 211118, 596840, 2500, 1000, 60, {0.0F, 0.0F, 0.0F}, 0},
      {"Gaatkensplas", 88360, 429490, 700, 400, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Zevenhuizerplas", 101646, 447690, 1000, 500, 0, {0.0F, 0.0F, 0.0F}, 1990},
      {"Hoornse Plas", 233398, 578230, 600, 400, 0, {0.0F, 0.0F, 0.0F}, 1975},
      {"Kraaijenbergse Plassen", 186278, 416350, 2000, 600, 0, {0.0F, 0.0F, 0.0F}, 1975},
      {"Gelderse Poort plassen", 198591, 430350, 2000, 800, 0, {0.0F, 0.0F, 0.0F}, 1995},
      {"Veluwemeer-oever", 179691, 490302, 600, 300, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"IJsselmonde Zuidplas", 97342, 431604, 500, 300, 0, {0.0F, 0.0F, 0.0F}, 0},
  };
  return table;
}

// Reed marsh and wet nature; value 0 = intensity; since = year the wetland develops.
const std::vector<ZoneRecord>& wet_zones() {
  static const std::vector<ZoneRecord> table = {
      {"Oostvaardersplassen", 152471, 495804, 6000, 2500, 40, {1.0F, 0.0F, 0.0F}, 0},
      {"Weerribben", 193648, 532676, 4000, 3000, 0, {0.9F, 0.0F, 0.0F}, 0},
      {"Wieden", 199137, 522708, 5000, 3000, 20, {0.8F, 0.0F, 0.0F}, 0},
      {"Alde Feanen", 191331, 571608, 2000, 1500, 0, {0.8F, 0.0F, 0.0F}, 0},
      {"Nieuwkoopse Plassen", 114131, 463149, 3000, 2000, 0, {0.7F, 0.0F, 0.0F}, 0},
      {"Ilperveld-Waterland", 123919, 495902, 3000, 2000, 0, {0.5F, 0.0F, 0.0F}, 0},
      {"Biesbosch", 114460, 419198, 6500, 4000, 20, {0.8F, 0.0F, 0.0F}, 0},
      {"Zuidlaardermeer", 242218, 571147, 2500, 2000, 60, {0.6F, 0.0F, 0.0F}, 0},
      {"Lauwersmeer", 209114, 597374, 4000, 3000, 60, {0.6F, 0.0F, 0.0F}, 0},
      {"Bargerveen", 266105, 522102, 3000, 2500, 0, {0.6F, 0.0F, 0.0F}, 0},
      {"Naardermeer", 136089, 478594, 1500, 1000, 0, {0.8F, 0.0F, 0.0F}, 0},
      {"Loosdrecht-Vinkeveen", 128535, 469171, 5000, 2000, 20, {0.4F, 0.0F, 0.0F}, 0},
      {"Reeuwijk", 110605, 451496, 2500, 1500, 0, {0.4F, 0.0F, 0.0F}, 0},
      {"Haringvliet-oevers", 76525, 421873, 6000, 1200, -10, {0.5F, 0.0F, 0.0F}, 0},
      {"Hollands Diep-oevers", 97124, 412692, 6000, 1000, 10, {0.5F, 0.0F, 0.0F}, 0},
      {"Veluwemeer-oevers", 178330, 490295, 6000, 800, 40, {0.4F, 0.0F, 0.0F}, 0},
      {"IJsselmonding-Ketelmeer", 186362, 511481, 3000, 1500, 0, {0.5F, 0.0F, 0.0F}, 0},
      {"Gelderse Poort", 197902, 430344, 4000, 2000, 0, {0.6F, 0.0F, 0.0F}, 1993},
      {"Grensmaas", 181854, 337891, 8000, 1200, 70, {0.6F, 0.0F, 0.0F}, 2008},
      {"De Onlanden", 231437, 575416, 2200, 1500, 0, {0.7F, 0.0F, 0.0F}, 2012},
      {"Tiengemeten", 81957, 415671, 2500, 1000, 0, {0.9F, 0.0F, 0.0F}, 2007},
      {"Noordwaard", 117230, 420289, 3000, 1500, 10, {0.7F, 0.0F, 0.0F}, 2015},
      {"Oldambt", 262226, 574890, 2500, 1800, 0, {0.5F, 0.0F, 0.0F}, 2005},
      {"Lepelaarplassen", 144982, 490250, 2000, 1200, 40, {0.9F, 0.0F, 0.0F}, 1975},
      {"Blauwe Kamer-Ooijpolder", 192399, 429187, 3000, 1000, 0, {0.5F, 0.0F, 0.0F}, 1995},
      {"Millingerwaard", 198586, 430906, 2000, 800, 0, {0.6F, 0.0F, 0.0F}, 1991},
      {"Zwarte Meer-oevers", 191750, 515970, 3000, 1500, 20, {0.6F, 0.0F, 0.0F}, 0},
      {"Marker Wadden-oever Lelystad", 157226, 503593, 2000, 800, 30, {0.5F, 0.0F, 0.0F}, 2016},
      {"Rottemeren", 98183, 444947, 2000, 800, 30, {0.5F, 0.0F, 0.0F}, 0},
      {"Botshol-Waverhoek", 123785, 474762, 1500, 800, 0, {0.5F, 0.0F, 0.0F}, 0},
      {"Kampina-vennen", 146873, 396790, 1500, 1000, 0, {0.3F, 0.0F, 0.0F}, 0},
      {"Fochteloerveen", 223000, 556925, 2500, 2000, 0, {0.5F, 0.0F, 0.0F}, 0},
      {"Deurnsche Peel", 188590, 380207, 4000, 3000, 45, {0.35F, 0.0F, 0.0F}, 0},
      {"Groote Peel", 183770, 371277, 2000, 2000, 0, {0.35F, 0.0F, 0.0F}, 0},
      {"Hoogeveense Vaart/Dwingelderveld vennen", 225312, 536369, 3000, 2000, 0, {0.2F, 0.0F, 0.0F}, 0},
      {"Zwanenwater", 107989, 536088, 1500, 1000, 0, {0.5F, 0.0F, 0.0F}, 0},
      {"Brabantse Biesbosch-oost", 121334, 414697, 4000, 1500, 10, {0.5F, 0.0F, 0.0F}, 0},
      {"Ruimte voor de Rivier IJssel", 202076, 498254, 4000, 1000, 70, {0.4F, 0.0F, 0.0F}, 2012},
      {"Ruimte voor de Rivier Waal", 166903, 430174, 8000, 1000, 0, {0.35F, 0.0F, 0.0F}, 2011},
      {"Ruimte voor de Rivier Nederrijn", 169626, 441307, 8000, 900, 0, {0.3F, 0.0F, 0.0F}, 2012},
  };
  return table;
}

// Forest and nature areas; values = forest, heath and drift-sand intensity (0-1).
const std::vector<ZoneRecord>& nature_zones() {
  static const std::vector<ZoneRecord> table = {
      {"Veluwe", 185279, 466967, 17000, 23000, 0, {0.85F, 0.22F, 0.04F}, 0},
      {"Veluwezoom", 198426, 449263, 5000, 4000, 0, {0.85F, 0.25F, 0.0F}, 0},
      {"Hoge Veluwe", 185353, 454729, 6000, 6000, 0, {0.5F, 0.45F, 0.08F}, 0},
      {"Kootwijkerzand", 181188, 464719, 2000, 1500, 0, {0.1F, 0.2F, 0.9F}, 0},
      {"Hulshorsterzand", 178018, 484174, 2000, 1500, 0, {0.1F, 0.2F, 0.8F}, 0},
      {"Wekeromse Zand", 176442, 454683, 1500, 1000, 0, {0.2F, 0.3F, 0.7F}, 0},
      {"Ginkelse Heide", 178873, 448018, 2000, 1500, 0, {0.1F, 0.9F, 0.0F}, 0},
      {"Ermelosche Heide", 173612, 478036, 2000, 2000, 0, {0.2F, 0.8F, 0.05F}, 0},
      {"Utrechtse Heuvelrug", 155877, 455749, 23000, 4200, -38, {0.8F, 0.12F, 0.0F}, 0},
      {"Gooi", 142216, 473567, 5000, 4000, 0, {0.6F, 0.3F, 0.0F}, 0},
      {"Sallandse Heuvelrug", 227412, 485208, 4000, 5000, 0, {0.7F, 0.45F, 0.0F}, 0},
      {"Holterberg", 226828, 478523, 2000, 2000, 0, {0.9F, 0.05F, 0.0F}, 0},
      {"Lemelerberg", 223139, 498501, 2000, 2000, 0, {0.8F, 0.3F, 0.0F}, 0},
      {"Drents-Friese Wold", 213029, 548449, 7000, 5000, 0, {0.8F, 0.2F, 0.05F}, 0},
      {"Dwingelderveld", 225312, 536369, 4000, 3000, 0, {0.5F, 0.6F, 0.0F}, 0},
      {"Drentsche Aa", 240347, 563322, 8000, 5000, 60, {0.3F, 0.1F, 0.0F}, 0},
      {"Hondsrug", 249952, 552370, 12000, 3000, 110, {0.4F, 0.15F, 0.0F}, 0},
      {"Gieten-Borger", 251318, 551284, 3000, 3000, 0, {0.8F, 0.1F, 0.0F}, 0},
      {"Emmerdennen", 258395, 534733, 3000, 2000, 0, {0.7F, 0.1F, 0.0F}, 0},
      {"Mantingerzand", 238046, 541021, 2000, 2000, 0, {0.3F, 0.6F, 0.05F}, 0},
      {"Fochteloerveen", 223000, 556925, 2500, 2000, 0, {0.2F, 0.6F, 0.0F}, 0},
      {"Twentse landgoederen", 248060, 474425, 14000, 12000, 0, {0.33F, 0.04F, 0.0F}, 0},
      {"Achterhoekse landgoederen", 234814, 448600, 16000, 12000, 0, {0.28F, 0.02F, 0.0F}, 0},
      {"Montferland", 209564, 434908, 3000, 2500, 0, {0.9F, 0.0F, 0.0F}, 0},
      {"Nijmeegse stuwwal", 192441, 423624, 4000, 3000, 0, {0.75F, 0.05F, 0.0F}, 0},
      {"Loonse en Drunense Duinen", 137200, 406828, 4000, 3000, 0, {0.55F, 0.1F, 0.35F}, 0},
      {"Kampina", 146873, 396790, 3000, 2000, 0, {0.4F, 0.6F, 0.0F}, 0},
      {"Oisterwijkse bossen", 143411, 399022, 2000, 2000, 0, {0.8F, 0.1F, 0.0F}, 0},
      {"Strabrechtse Heide", 171204, 377897, 3000, 3000, 0, {0.3F, 0.7F, 0.02F}, 0},
      {"Kempen", 152407, 371197, 12000, 7000, 0, {0.45F, 0.1F, 0.0F}, 0},
      {"Chaamse bossen-Mastbos", 114263, 394723, 6000, 4000, 0, {0.6F, 0.05F, 0.0F}, 0},
      {"Brabantse Wal", 84277, 383927, 4000, 3000, 90, {0.5F, 0.3F, 0.0F}, 0},
      {"Deurnsche Peel-Mariapeel", 188590, 380207, 4000, 3000, 45, {0.2F, 0.5F, 0.0F}, 0},
      {"Maasduinen", 203692, 401469, 10000, 2500, 90, {0.7F, 0.25F, 0.05F}, 0},
      {"Vught-Den Bosch", 147579, 405689, 2000, 2000, 0, {0.5F, 0.2F, 0.0F}, 0},
      {"Herperduin", 173167, 412392, 3000, 2000, 0, {0.6F, 0.1F, 0.0F}, 0},
      {"Leenderbos", 166341, 373434, 4000, 3000, 0, {0.8F, 0.2F, 0.0F}, 0},
      {"Meinweg", 207650, 353667, 3000, 3000, 0, {0.8F, 0.2F, 0.0F}, 0},
      {"Brunssummerheide", 197380, 326871, 2000, 2000, 0, {0.5F, 0.5F, 0.0F}, 0},
      {"Zuid-Limburgse bossen", 194696, 310161, 3000, 2000, 0, {0.8F, 0.0F, 0.0F}, 0},
      {"Weerterbergen", 182412, 364595, 4000, 3000, 0, {0.7F, 0.2F, 0.0F}, 0},
      {"Groote Peel", 183770, 371277, 2000, 2000, 0, {0.2F, 0.4F, 0.0F}, 0},
      {"Kuinderbos", 184870, 533727, 3000, 2500, 0, {0.9F, 0.0F, 0.0F}, 0},
      {"Voorsterbos-Waterloopbos", 180864, 525915, 2500, 2000, 0, {0.85F, 0.0F, 0.0F}, 0},
      {"Revebos-Spijkbos", 177649, 490292, 3000, 2000, 40, {0.8F, 0.0F, 0.0F}, 0},
      {"Gelderse Vallei", 162732, 454642, 5000, 4000, 0, {0.3F, 0.02F, 0.0F}, 0},
      {"Amsterdamse Bos", 118373, 481475, 2000, 1000, 0, {0.9F, 0.0F, 0.0F}, 0},
      {"Haagse Bos-Clingendael", 81862, 456286, 1500, 1000, 0, {0.7F, 0.0F, 0.0F}, 0},
      {"Sint-Jansberg", 193889, 414735, 2000, 1500, 0, {0.9F, 0.0F, 0.0F}, 0},
      {"Wolfheze-Renkum", 183354, 444704, 3000, 2000, 0, {0.85F, 0.1F, 0.0F}, 0},
      {"Planken Wambuis", 180578, 450252, 3000, 2000, 0, {0.8F, 0.2F, 0.0F}, 0},
      {"Ede-Lunteren", 170962, 453549, 4000, 3000, 0, {0.7F, 0.1F, 0.0F}, 0},
      {"Speulderbos", 176360, 473597, 3000, 3000, 0, {0.95F, 0.0F, 0.0F}, 0},
      {"Noordoost-Twente", 261404, 489163, 6000, 4000, 0, {0.35F, 0.1F, 0.0F}, 0},
      {"Haaksbergerveen", 250386, 460002, 2000, 2000, 0, {0.3F, 0.4F, 0.0F}, 0},
      {"Boswachterij Dorst", 118466, 400253, 3000, 2000, 0, {0.85F, 0.05F, 0.0F}, 0},
      {"Boswachterij Ulvenhout", 113569, 394728, 2000, 2000, 0, {0.8F, 0.0F, 0.0F}, 0},
  };
  return table;
}

// Forests planted after 1970; value 0 = intensity; since = start of planting.
const std::vector<ZoneRecord>& afforestation_zones() {
  static const std::vector<ZoneRecord> table = {
      {"Horsterwold", 164736, 481349, 5000, 3000, 30, {0.95F, 0.0F, 0.0F}, 1973},
      {"Almeerderhout", 147696, 484682, 2500, 1800, 0, {0.9F, 0.0F, 0.0F}, 1985},
      {"Roggebotzand", 183005, 505898, 2000, 2000, 0, {0.85F, 0.0F, 0.0F}, 1970},
      {"Hollandse Hout", 159943, 501369, 2000, 1200, 30, {0.85F, 0.0F, 0.0F}, 1975},
      {"Kotterbos", 149066, 491356, 1500, 1000, 0, {0.85F, 0.0F, 0.0F}, 1980},
      {"Schollevaar-Lelystad bossen", 162663, 499148, 2000, 1500, 0, {0.7F, 0.0F, 0.0F}, 1975},
      {"Zeewolde bossen", 161330, 479118, 3000, 1500, 30, {0.6F, 0.0F, 0.0F}, 1985},
      {"Gelderse Vallei nieuwe bossen", 166832, 460213, 3000, 2000, 0, {0.3F, 0.0F, 0.0F}, 1990},
      {"Midden-Delfland recreatiebos", 82369, 444039, 2000, 1000, 0, {0.4F, 0.0F, 0.0F}, 1980},
      {"Spaarnwoude", 108252, 492687, 2000, 1500, 0, {0.6F, 0.0F, 0.0F}, 1975},
      {"Twiske", 121192, 494807, 1500, 1000, 0, {0.5F, 0.0F, 0.0F}, 1975},
      {"Haarlemmermeerse Bos", 106761, 479349, 1200, 800, 0, {0.7F, 0.0F, 0.0F}, 1975},
      {"Bentwoud", 99643, 452719, 2000, 1000, 0, {0.7F, 0.0F, 0.0F}, 2007},
      {"Dordtse Hout", 106898, 422602, 1000, 600, 0, {0.7F, 0.0F, 0.0F}, 1995},
      {"Berkenwoude", 109819, 440377, 1000, 600, 0, {0.6F, 0.0F, 0.0F}, 2010},
  };
  return table;
}

// Salt-marsh zones; value 0 = max. distance to land (m), value 1 = 1 if the zone also covers land.
const std::vector<ZoneRecord>& marsh_zones() {
  static const std::vector<ZoneRecord> table = {
      {"Saeftinghe", 70206, 374128, 3800, 3000, 0, {4000.0F, 1.0F, 0.0F}, 0},
      {"Noord-Friese kwelders", 191138, 597205, 18000, 5000, 20, {800.0F, 0.0F, 0.0F}, 0},
      {"Groninger kwelders", 228949, 606544, 18000, 4000, 5, {600.0F, 0.0F, 0.0F}, 0},
      {"Dollard", 268573, 589508, 5000, 3000, 10, {1200.0F, 0.0F, 0.0F}, 0},
      {"Schiermonnikoog-oost", 212282, 610768, 4000, 2200, 0, {1500.0F, 0.0F, 0.0F}, 0},
      {"Ameland-oost", 186412, 607188, 5000, 2000, 0, {1000.0F, 0.0F, 0.0F}, 0},
      {"Boschplaat Terschelling", 166486, 604873, 5000, 2000, 15, {1400.0F, 0.0F, 0.0F}, 0},
      {"Texel De Schorren", 121027, 568252, 2500, 1200, 40, {600.0F, 0.0F, 0.0F}, 0},
      {"Vlieland-oost", 134509, 588208, 3000, 1200, 20, {600.0F, 0.0F, 0.0F}, 0},
      {"Griend", 146176, 585057, 1000, 600, 0, {400.0F, 0.0F, 0.0F}, 0},
      {"Rottum", 232754, 617737, 3000, 2000, 0, {1500.0F, 0.0F, 0.0F}, 0},
      {"Oosterschelde schorren", 65742, 397572, 14000, 7000, 0, {600.0F, 0.0F, 0.0F}, 0},
      {"Westerschelde schorren", 44554, 380185, 14000, 5000, 0, {600.0F, 0.0F, 0.0F}, 0},
      {"Zwin-Verdronken Zwarte Polder", 18026, 377493, 1500, 1000, 0, {500.0F, 1.0F, 0.0F}, 0},
  };
  return table;
}

// Clay polders reclaimed from lakes (droogmakerijen) inside the peat district; no values.
const std::vector<ZoneRecord>& polder_zones() {
  static const std::vector<ZoneRecord> table = {
      {"Haarlemmermeer", 106761, 479349, 7500, 5000, 45, {0.0F, 0.0F, 0.0F}, 0},
      {"Zuidplaspolder", 101629, 446021, 3000, 1800, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Beemster", 123307, 506476, 4000, 3000, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Purmer", 126670, 501448, 2800, 2000, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Schermer", 118604, 512629, 4000, 2800, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Wormer", 117159, 500956, 2000, 1500, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Horstermeer", 134017, 472482, 1600, 1000, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Wijdewormer", 119192, 500385, 1500, 1000, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Legmeerpolder", 115575, 472595, 2000, 1500, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Mijdrecht droogmakerij", 121016, 469217, 2500, 1500, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Prins Alexanderpolder", 98138, 441053, 2500, 1500, 0, {0.0F, 0.0F, 0.0F}, 0},
      {"Bleiswijk-Berkel", 95455, 446647, 2000, 1200, 0, {0.0F, 0.0F, 0.0F}, 0},
  };
  return table;
}

// Fruit and tree-nursery regions; value 0 = intensity.
const std::vector<ZoneRecord>& orchard_zones() {
  static const std::vector<ZoneRecord> table = {
      {"Betuwe fruit", 155881, 434610, 25000, 6000, 0, {0.9F, 0.0F, 0.0F}, 0},
      {"Zuid-Beveland fruit", 55166, 388868, 12000, 6000, 0, {0.8F, 0.0F, 0.0F}, 0},
      {"Zuid-Limburg fruit", 187593, 317899, 10000, 8000, 0, {0.6F, 0.0F, 0.0F}, 0},
      {"Boskoop nurseries", 104803, 454333, 3000, 2000, 0, {1.0F, 0.0F, 0.0F}, 0},
      {"Zundert nurseries", 104473, 387023, 6000, 5000, 0, {0.8F, 0.0F, 0.0F}, 0},
      {"Opheusden nurseries", 172387, 437978, 4000, 2000, 0, {0.9F, 0.0F, 0.0F}, 0},
      {"West-Friesland fruit", 135586, 523660, 8000, 5000, 0, {0.4F, 0.0F, 0.0F}, 0},
      {"Hoeksche Waard fruit", 90297, 419451, 6000, 4000, 0, {0.35F, 0.0F, 0.0F}, 0},
      {"Haaren-Oisterwijk nurseries", 144108, 401246, 4000, 3000, 0, {0.6F, 0.0F, 0.0F}, 0},
      {"Horst-Venlo nurseries", 201073, 384756, 7000, 5000, 0, {0.6F, 0.0F, 0.0F}, 0},
      {"Noordoostpolder fruit", 179524, 523683, 8000, 6000, 0, {0.25F, 0.0F, 0.0F}, 0},
      {"Kromme Rijn fruit", 145584, 449082, 5000, 3000, 0, {0.7F, 0.0F, 0.0F}, 0},
  };
  return table;
}

// Ice-pushed ridges and plateaus with deep groundwater; value 0 = relative height (0-1).
const std::vector<ZoneRecord>& ridge_zones() {
  static const std::vector<ZoneRecord> table = {
      {"Veluwe", 186653, 465863, 15000, 20000, 0, {1.0F, 0.0F, 0.0F}, 0},
      {"Utrechtse Heuvelrug", 155877, 455749, 21000, 3500, -38, {0.85F, 0.0F, 0.0F}, 0},
      {"Gooi", 143582, 473564, 4000, 3000, 0, {0.6F, 0.0F, 0.0F}, 0},
      {"Sallandse Heuvelrug", 227412, 485208, 3000, 5000, 0, {0.9F, 0.0F, 0.0F}, 0},
      {"Holterberg-Lemelerberg", 225321, 488516, 3000, 8000, 80, {0.7F, 0.0F, 0.0F}, 0},
      {"Nijmeegse stuwwal", 191751, 423619, 3500, 3000, 0, {0.85F, 0.0F, 0.0F}, 0},
      {"Montferland", 209564, 434908, 2500, 2000, 0, {0.8F, 0.0F, 0.0F}, 0},
      {"Hondsrug", 249952, 552370, 25000, 3000, 110, {0.55F, 0.0F, 0.0F}, 0},
      {"Drents plateau", 229877, 546453, 20000, 15000, 0, {0.15F, 0.0F, 0.0F}, 0},
      {"Zuid-Limburgs plateau", 187607, 315674, 12000, 8000, 20, {0.95F, 0.0F, 0.0F}, 0},
      {"Kempen plateau", 155892, 373421, 15000, 10000, 0, {0.15F, 0.0F, 0.0F}, 0},
      {"Twentse stuwwallen", 258186, 480191, 8000, 6000, 0, {0.55F, 0.0F, 0.0F}, 0},
      {"Brabantse Wal", 82903, 385059, 3000, 6000, 0, {0.5F, 0.0F, 0.0F}, 0},
      {"Texel Hoge Berg", 116303, 563836, 1500, 1000, 0, {0.3F, 0.0F, 0.0F}, 0},
      {"Wieringen", 126260, 547074, 3000, 2000, 0, {0.2F, 0.0F, 0.0F}, 0},
  };
  return table;
}

}  // namespace polder::io::synth
