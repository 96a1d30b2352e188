// ISO 3166-1 alpha-2 country codes by continent (the UN geoscheme's continents, with the Americas
// split at Panama/Colombia and Russia and Turkey in Europe), for the regional trends of the
// geography report. A code not listed (or no country at all) is "Unknown".

export const REGIONS = ["Africa", "Asia", "Europe", "North America", "South America", "Oceania", "Antarctica"] as const
export type Region = (typeof REGIONS)[number] | "Unknown"

const CODES: Record<(typeof REGIONS)[number], string> = {
  Africa:
    "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW IO KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG YT ZA ZM ZW",
  Asia: "AE AF AM AZ BD BH BN BT CC CN CX CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TW UZ VN YE",
  Europe:
    "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM TR UA VA XK",
  "North America":
    "AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV SX TC TT US VC VG VI",
  "South America": "AR BO BR CL CO EC FK GF GY PE PY SR UY VE",
  Oceania: "AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS",
  Antarctica: "AQ BV GS HM",
}

const regionOfCode = new Map<string, Region>(
  Object.entries(CODES).flatMap(([region, codes]) => codes.split(" ").map((code) => [code, region as Region])),
)

/** The continent of an ISO country code (case-insensitive); "Unknown" for none or an unlisted code. */
export function regionOf(country: string | null | undefined): Region {
  return (country && regionOfCode.get(country.toUpperCase())) || "Unknown"
}

/** Every code listed, for the test that no code sits in two continents. */
export function listedCountryCodes(): string[] {
  return Object.values(CODES).flatMap((codes) => codes.split(" "))
}
