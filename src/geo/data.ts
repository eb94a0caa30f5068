// The generated gazetteer, parsed on first use. The module holds the JSON as one string literal so
// that loading the Worker only scans it; JSON.parse (~10 ms) happens when a lookup first needs it.
import { GEODATA_JSON } from "./generated/geodata";

/** [iso2, display name, world-countries region, subregion, lat, lon, "lang|lang", "other|names"] */
export type CountryRow = [string, string, string, string, number, number, string, string];
/** [iso2, ISO 3166-2 suffix or "", name or "", lat, lon]; "" when GeoNames' admin1 had no ISO match. */
export type RegionRow = [string, string, string, number, number];

export type GeoData = {
  countries: CountryRow[];
  regions: RegionRow[];
  /** Columns of one table, most populous first; `region` indexes `regions`; lat/lon in degrees. */
  cities: { name: string[]; region: number[]; lat: number[]; lon: number[]; pop: number[] };
  /** [another name, index into cities] */
  aliases: [string, number][];
};

let data: GeoData | null = null;

export function geoData(): GeoData {
  data ??= JSON.parse(GEODATA_JSON) as GeoData;
  return data;
}
