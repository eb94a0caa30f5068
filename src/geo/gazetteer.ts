// Lookup indexes over the generated data, built once on first use (never at module load: Workers
// have a startup CPU budget). Keys are foldKey() output.
import { geoData, type GeoData } from "./data";
import { NICKNAMES } from "./nicknames";
import { foldKey } from "./normalize";

// Country spellings world-countries lacks but profiles use.
const COUNTRY_ALIASES: [string, string][] = [["Turkey", "TR"], ["Britain", "GB"], ["Korea", "KR"]];

export type Gazetteer = {
  data: GeoData;
  citiesByKey: Map<string, number[]>;
  nicknames: Map<string, number>;
  regionsByKey: Map<string, number[]>;
  /** "US-CA" → region index */
  regionsByCode: Map<string, number>;
  countriesByKey: Map<string, number>;
  /** "us", "usa", "uk" → country index (codes are only trusted in code-like positions) */
  countriesByCode: Map<string, number>;
  countriesByIso: Map<string, number>;
  /** people living in the region's listed cities: a lower bound, used to rank a region against a city */
  regionPopulation: number[];
};

let gazetteer: Gazetteer | null = null;

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function build(): Gazetteer {
  const data = geoData();
  const { cities, regions, countries } = data;

  const citiesByKey = new Map<string, number[]>();
  for (let i = 0; i < cities.name.length; i++) push(citiesByKey, foldKey(cities.name[i]), i);
  for (const [alias, i] of data.aliases) push(citiesByKey, foldKey(alias), i);

  const regionPopulation = regions.map(() => 0);
  for (let i = 0; i < cities.name.length; i++) regionPopulation[cities.region[i]] += cities.pop[i];

  const regionsByKey = new Map<string, number[]>();
  const regionsByCode = new Map<string, number>();
  regions.forEach(([country, code, name], i) => {
    if (code === "") return;
    regionsByCode.set(`${country}-${code}`, i);
    push(regionsByKey, foldKey(name), i);
  });

  const countriesByKey = new Map<string, number>();
  const countriesByCode = new Map<string, number>();
  const countriesByIso = new Map<string, number>();
  countries.forEach(([iso2, name], i) => {
    countriesByIso.set(iso2, i);
    countriesByCode.set(iso2.toLowerCase(), i);
    countriesByKey.set(foldKey(name), i);
  });
  // Common names first so that another country's alternative spelling never shadows one.
  countries.forEach(([, , , , , , , others], i) => {
    for (const other of others.split("|")) {
      if (other === "") continue;
      const key = foldKey(other);
      if (key === "") continue;
      // Upper-case spellings of up to three letters are codes (cca3, "UK", "UAE").
      const target = /^[A-Z]{2,3}$/.test(other) ? countriesByCode : countriesByKey;
      if (!target.has(key)) target.set(key, i);
    }
  });
  for (const [alias, iso2] of COUNTRY_ALIASES) countriesByKey.set(foldKey(alias), countriesByIso.get(iso2)!);

  const nicknames = new Map<string, number>();
  for (const n of NICKNAMES) {
    const i = (citiesByKey.get(foldKey(n.city)) ?? []).find((c) => {
      const [country, code] = regions[cities.region[c]];
      return country === n.country && code === n.region;
    });
    if (i === undefined) continue; // the data lost the target; the parser then simply misses it
    for (const key of n.keys) nicknames.set(foldKey(key), i);
  }

  return { data, citiesByKey, nicknames, regionsByKey, regionsByCode, countriesByKey, countriesByCode, countriesByIso, regionPopulation };
}

export function gazetteerIndex(): Gazetteer {
  gazetteer ??= build();
  return gazetteer;
}
