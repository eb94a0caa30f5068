// Areas a search can be limited to: a country, a first-level region, or a named group of countries.
// Groups are rules over world-countries' region and subregion (so they follow the data) plus the
// exceptions the usual business meaning needs; groups that are political lists (EU, DACH, Nordics,
// Benelux) are explicit, because no field in the data says "member of".
import { geoData, type CountryRow } from "./data";
import { gazetteerIndex } from "./gazetteer";
import { foldKey } from "./normalize";
import { parsePlace, type GeoPlace } from "./places";

export type GeoArea = { kind: "country" | "region" | "group"; code: string; name: string };

type Group = { code: string; name: string; keys: string[]; member: (c: CountryRow) => boolean };

const EU = new Set(["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]); // 2025 members
const EEA_EXTRA = new Set(["IS", "LI", "NO"]);
const NORDICS = new Set(["DK", "FI", "IS", "NO", "SE", "FO", "AX"]); // Nordic Council states and autonomous areas in Europe
const MIDDLE_EAST_OUT = new Set(["AM", "AZ", "GE", "CY"]); // Western Asia but Caucasus/EU
const is = (codes: string[]) => { const set = new Set(codes); return (c: CountryRow) => set.has(c[0]); };
const region = (r: string) => (c: CountryRow) => c[2] === r;
const subregion = (...s: string[]) => (c: CountryRow) => s.includes(c[3]);
const speaks = (c: CountryRow, ...langs: string[]) => c[6].split("|").some((l) => langs.includes(l));
const middleEast = (c: CountryRow) => (c[3] === "Western Asia" && !MIDDLE_EAST_OUT.has(c[0])) || c[0] === "EG" || c[0] === "IR";

const GROUPS: Group[] = [
  { code: "EUROPE", name: "Europe", keys: ["europe", "european", "continental europe"], member: region("Europe") },
  { code: "EU", name: "European Union", keys: ["eu", "european union"], member: (c) => EU.has(c[0]) },
  { code: "EEA", name: "European Economic Area", keys: ["eea", "european economic area"], member: (c) => EU.has(c[0]) || EEA_EXTRA.has(c[0]) },
  // Europe, the Middle East and Africa; Central Asia and Iran are usually run from EMEA offices.
  { code: "EMEA", name: "EMEA", keys: ["emea", "europe middle east and africa", "europe middle east africa"], member: (c) => c[2] === "Europe" || c[2] === "Africa" || middleEast(c) || c[3] === "Western Asia" || c[3] === "Central Asia" },
  { code: "MIDDLE_EAST", name: "Middle East", keys: ["middle east"], member: middleEast },
  { code: "MENA", name: "Middle East and North Africa", keys: ["mena", "middle east and north africa"], member: (c) => middleEast(c) || c[3] === "Northern Africa" },
  // Asia east of Iran, plus Oceania.
  { code: "APAC", name: "Asia-Pacific", keys: ["apac", "asia pacific", "asia and pacific", "apj"], member: (c) => c[2] === "Oceania" || (c[2] === "Asia" && !["Western Asia", "Central Asia"].includes(c[3]) && c[0] !== "IR") },
  { code: "ANZ", name: "Australia and New Zealand", keys: ["anz", "australia and new zealand", "australia new zealand"], member: is(["AU", "NZ"]) },
  // Latin America: Mexico, Central and South America and the Caribbean where Spanish, Portuguese or French is spoken.
  { code: "LATAM", name: "Latin America", keys: ["latam", "latin america", "latinoamerica", "america latina", "lac"], member: (c) => c[2] === "Americas" && (c[0] === "MX" || (c[3] !== "North America" && speaks(c, "spa", "por", "fra"))) },
  { code: "NORTH_AMERICA", name: "North America", keys: ["north america", "noram", "northern america"], member: subregion("North America") },
  { code: "AMERICAS", name: "Americas", keys: ["americas", "the americas", "amer"], member: region("Americas") },
  { code: "AFRICA", name: "Africa", keys: ["africa"], member: region("Africa") },
  { code: "ASIA", name: "Asia", keys: ["asia"], member: region("Asia") },
  { code: "OCEANIA", name: "Oceania", keys: ["oceania"], member: region("Oceania") },
  { code: "DACH", name: "DACH", keys: ["dach", "d a ch"], member: is(["DE", "AT", "CH"]) },
  { code: "NORDICS", name: "Nordics", keys: ["nordics", "nordic", "nordic countries", "nordic region"], member: (c) => NORDICS.has(c[0]) },
  { code: "SCANDINAVIA", name: "Scandinavia", keys: ["scandinavia", "scandinavian"], member: is(["DK", "NO", "SE"]) },
  { code: "BENELUX", name: "Benelux", keys: ["benelux"], member: is(["BE", "NL", "LU"]) },
  { code: "UKI", name: "UK and Ireland", keys: ["uki", "uk and ireland", "uk ireland", "uk i", "british isles"], member: is(["GB", "IE"]) },
  { code: "CEE", name: "Central and Eastern Europe", keys: ["cee", "central and eastern europe", "central eastern europe"], member: (c) => subregion("Central Europe", "Eastern Europe", "Southeast Europe")(c) || ["EE", "LV", "LT"].includes(c[0]) },
  { code: "BALTICS", name: "Baltics", keys: ["baltics", "baltic states"], member: is(["EE", "LV", "LT"]) },
];

const NOISE = /\b(remote|remotely|hybrid|onsite|on site|anywhere in|anywhere|based|only|preferred|region|area|countries|timezones?|time zones?)\b/g;

/** groups by folded name; members: group code → its ISO2 codes, sorted */
type AreaIndex = { groups: Map<string, Group>; members: Map<string, Set<string>> };
let index: AreaIndex | null = null;

function areaIndex(): AreaIndex {
  if (index) return index;
  const groups = new Map<string, Group>();
  const members = new Map<string, Set<string>>();
  const countries = geoData().countries;
  for (const group of GROUPS) {
    for (const key of group.keys) groups.set(key, group);
    members.set(group.code, new Set(countries.filter(group.member).map((c) => c[0]).sort()));
  }
  // Every world-countries subregion is a group too: "Western Europe", "South America", …
  for (const sub of [...new Set(countries.map((c) => c[3]))].filter(Boolean).sort()) {
    const code = foldKey(sub).toUpperCase().replace(/ /g, "_");
    if (members.has(code)) continue;
    const group: Group = { code, name: sub, keys: [foldKey(sub)], member: subregion(sub) };
    if (!groups.has(group.keys[0])) groups.set(group.keys[0], group);
    members.set(code, new Set(countries.filter(group.member).map((c) => c[0]).sort()));
  }
  index = { groups, members };
  return index;
}

/** Parse an area name ("Europe", "EMEA", "US", "California", "Canada", "DACH"); null when not an area. */
export function parseArea(text: string): GeoArea | null {
  if (typeof text !== "string") return null;
  const { groups } = areaIndex();
  const cut = text.slice(0, 200);
  for (const part of cut.split(/[,;/|()[\]]|\s[-–—]+\s/)) {
    const key = foldKey(part).replace(NOISE, " ").replace(/\s+/g, " ").trim();
    const group = groups.get(key);
    if (group) return { kind: "group", code: group.code, name: group.name };
  }
  const place = parsePlace(cut);
  if (!place || place.kind === "city") return null;
  if (place.kind === "region") return { kind: "region", code: place.regionCode!, name: place.name };
  return { kind: "country", code: place.country!, name: place.name };
}

export function countriesOf(area: GeoArea): string[] {
  if (area.kind === "country") return gazetteerIndex().countriesByIso.has(area.code) ? [area.code] : [];
  if (area.kind === "region") return [area.code.slice(0, 2)];
  return [...(areaIndex().members.get(area.code) ?? [])];
}

export function placeInArea(place: GeoPlace, area: GeoArea): boolean {
  if (!place.country) return false;
  if (area.kind === "country") return place.country === area.code;
  if (area.kind === "region") return place.regionCode === area.code;
  return areaIndex().members.get(area.code)?.has(place.country) ?? false;
}
