/** Where a warehouse is: its own region label and, when known, its ISO country. */
export interface WarehouseLocation {
  readonly region: string
  readonly country?: string | undefined
}

/** How far a warehouse is from the shipping region (`DE`, `US-NY`); smaller is nearer. */
export type RegionDistance = (warehouse: WarehouseLocation, shippingRegion: string) => number

// ISO 3166-1 alpha-2 codes by continent (the Americas split at Panama), for "same continent".
const CONTINENTS: Record<string, string> = {
  europe:
    'AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK',
  'north-america':
    'AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV SX TC TT US VC VG VI',
  'south-america': 'AR BO BR CL CO EC FK GF GY PE PY SR UY VE',
  asia: 'AE AF AM AZ BD BH BN BT CN GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE',
  africa:
    'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW',
  oceania: 'AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS',
}
const CONTINENT_OF = new Map(
  Object.entries(CONTINENTS).flatMap(([continent, codes]) =>
    codes.split(' ').map((code) => [code, continent] as const),
  ),
)

const REGION_CODE = /^([A-Z]{2})(-[A-Z0-9]{1,3})?$/

/** The country of a region code (`US-NY` → `US`, `DE` → `DE`); undefined for other labels. */
function countryOfCode(region: string): string | undefined {
  return REGION_CODE.exec(region.trim().toUpperCase())?.[1]
}

/**
 * Nearness of a warehouse to where an order ships: 0 when the warehouse's region is the shipping
 * region itself, 1 in the same country, 2 on the same continent, 3 anywhere else. The warehouse's
 * country is its `country`, else read from a region written as a code (`US-CA`).
 */
export const nearestWarehouseFirst: RegionDistance = (warehouse, shippingRegion) => {
  const region = warehouse.region.trim().toUpperCase()
  const destination = shippingRegion.trim().toUpperCase()
  if (region === destination) return 0
  const from = warehouse.country?.trim().toUpperCase() ?? countryOfCode(region)
  const to = countryOfCode(destination)
  if (from === undefined || to === undefined) return 3
  if (from === to) return 1
  const continent = CONTINENT_OF.get(from)
  return continent !== undefined && continent === CONTINENT_OF.get(to) ? 2 : 3
}
