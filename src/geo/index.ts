// Where a person or a job is, as data: parse locations, test them against areas, measure distance.
// Pure functions over a generated gazetteer (see README.md); indexes are built on first use.
import { gazetteerIndex } from "./gazetteer";

export { parsePlace, type GeoPlace } from "./places";
export { parseArea, placeInArea, countriesOf, type GeoArea } from "./areas";
export { distanceKm } from "./distance";

/** world-countries' common English name for an ISO 3166-1 alpha-2 code. */
export function countryName(iso2: string): string | null {
  if (typeof iso2 !== "string") return null;
  const g = gazetteerIndex();
  const i = g.countriesByIso.get(iso2.toUpperCase());
  return i === undefined ? null : g.data.countries[i][1];
}
