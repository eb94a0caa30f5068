// parsePlace: free text written as a location ("Austin, TX", "Greater London Area", "remote (US)")
// → a city, a first-level region or a country from the generated gazetteer.
//
// How a string is read:
// 1. Cut at MAX_INPUT_CHARS and split at separators (, ; / | ( ) and spaced dashes) into parts.
// 2. Each part loses noise words (remote, hybrid, greater, metropolitan, area, …: how someone works
//    is interpreted elsewhere) and, when it has no separator inside ("Austin TX", "Berlin Germany"),
//    is split into a place and trailing qualifiers. Parts that name nothing are ignored.
// 3. The first segment is the place; later ones qualify it (region or country). Every reading of
//    the qualifiers is tried in order of likelihood, and the first one under which the place exists
//    wins. Two- and three-letter qualifiers are tried as region codes of a country named elsewhere in
//    the text (or the hint), then US state, Canadian province and Australian state codes, then
//    country codes: "Portland, OR" is Oregon, "Minsk, BY" Belarus. So "X, CA" is California, unless
//    no X exists there: "Toronto, CA" is Toronto, Canada.
// 4. A qualifier that contradicts every candidate wins over the place: "Springfield, Germany" is
//    Germany, never a US Springfield.
// 5. Among same-named places: a country name is the country ("Luxembourg", "Georgia" — unless the
//    hint's country has a region or city of that name); a city named like the region holding it is
//    the city ("Berlin", "New York", "Madrid"); otherwise a region beats a city elsewhere when the
//    people in its listed cities number at least REGION_OVER_CITY_RATIO times the city's ("Ontario"
//    is the province, not Ontario, CA; "Saint Louis" is Missouri's); among cities the most populous wins ("Portland" is Oregon's),
//    except that a city in the hint's country wins when it has at least 1/HINT_POPULATION_RATIO of
//    the population ("London" with hint CA is London, ON).
import { gazetteerIndex, type Gazetteer } from "./gazetteer";
import { foldKey } from "./normalize";

export type GeoPlace = {
  kind: "city" | "region" | "country";
  /** display name: "San Francisco", "California", "Germany" */
  name: string;
  city: string | null;
  /** first-level region name: "California" */
  region: string | null;
  /** ISO 3166-2, "US-CA", when known */
  regionCode: string | null;
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  /** degrees; for a region or country a representative point */
  lat: number | null;
  lon: number | null;
  population: number | null;
};

const MAX_INPUT_CHARS = 200;
const MAX_PARTS = 8;
const MAX_TOKENS_PER_PART = 8;
const MAX_QUALIFIER_READINGS = 64;
const HINT_POPULATION_RATIO = 50;
const REGION_OVER_CITY_RATIO = 2;
// Countries whose region codes are written after a city without naming the country.
const CODE_COUNTRIES = ["US", "CA", "AU"];

// Folded words that never name the place: work arrangement, "Greater X Area", "X County".
const NOISE = new Set([
  "remote", "remotely", "hybrid", "onsite", "on site", "in office", "wfh", "work", "from", "home",
  "anywhere", "based", "only", "preferred", "greater", "metropolitan", "metro", "area", "region",
  "county", "surrounding", "surroundings", "hq", "headquarters", "flexible", "fully", "located",
  "location", "relocation", "office", "or", "metroplex",
]);
const SEPARATORS = /[,;/|()[\]{}•·]|\s[-–—]+\s|[–—]/;

type Unit = { key: string; code: boolean };
type Segment = { key: string; code: boolean; qualifierPosition: boolean };
/** One reading of a qualifier: a country, or a region (which fixes its country too). */
type Reading = { country: string; region: number | null };
type Candidate = { kind: "city" | "region" | "country"; index: number };

export function parsePlace(text: string, hint?: { country?: string }): GeoPlace | null {
  if (typeof text !== "string") return null;
  const g = gazetteerIndex();
  const hinted = typeof hint?.country === "string" ? hint.country.toUpperCase() : null;
  const hintCountry = hinted !== null && g.countriesByIso.has(hinted) ? hinted : null;
  const segments = segmentsOf(g, text.slice(0, MAX_INPUT_CHARS));
  if (segments.length === 0) return null;
  const found = resolve(g, segments, hintCountry);
  return found ? toPlace(g, found) : null;
}

// --- 1–2. Segments ------------------------------------------------------------------------------

function segmentsOf(g: Gazetteer, text: string): Segment[] {
  const segments: Segment[] = [];
  let sawContent = false; // a non-noise part came before: later codes are qualifiers
  for (const part of text.split(SEPARATORS).slice(0, MAX_PARTS * 2)) {
    const raw = part.trim().split(/\s+/).filter(Boolean).slice(0, MAX_TOKENS_PER_PART);
    const units: Unit[] = [];
    for (const token of raw) {
      const key = foldKey(token);
      if (key === "") continue;
      const letters = token.replace(/\./g, "");
      // A short token is a code when upper-case ("NSW", "TX") or alone in its part ("Portland, or").
      const code = /^[A-Za-z]{2,3}$/.test(letters) && (raw.length === 1 || /^[A-Z]+$/.test(letters));
      units.push({ key, code });
    }
    if (units.length === 0) continue;
    const found = splitPart(g, units, 0);
    const qualifierPosition = sawContent || segments.length > 0;
    if (found) {
      found.forEach((u, i) => segments.push({ key: u.key, code: u.code, qualifierPosition: qualifierPosition || i > 0 }));
    } else if (!units.every((u) => NOISE.has(u.key))) {
      sawContent = true;
    }
    if (segments.length >= MAX_PARTS) break;
  }
  return segments;
}

function joinKeys(units: Unit[]): Unit {
  return { key: units.map((u) => u.key).join(" "), code: units.length === 1 && units[0].code };
}

function withoutNoise(units: Unit[]): Unit[] {
  const kept: Unit[] = [];
  for (let i = 0; i < units.length; i++) {
    // "San Francisco Bay Area": the bay is part of the noise, not of the city.
    if (units[i].key === "bay" && units[i + 1]?.key === "area" && i > 0) { i++; continue; }
    // Postal codes ("CA 94105", "10115 Berlin") never name the place.
    if (!NOISE.has(units[i].key) && !/\d/.test(units[i].key)) kept.push(units[i]);
  }
  return kept;
}

/** The part as a place plus trailing qualifiers, or null when it names nothing we know. */
function splitPart(g: Gazetteer, units: Unit[], depth: number): Unit[] | null {
  const whole = joinKeys(units);
  if (names(g, whole)) return [whole];
  const cleaned = depth === 0 ? withoutNoise(units) : units;
  if (cleaned.length === 0) return null;
  const key = joinKeys(cleaned);
  if (names(g, key)) return [key];
  if (cleaned.length > 1 && cleaned[cleaned.length - 1].key === "city") {
    const bare = joinKeys(cleaned.slice(0, -1)); // "Quebec City", "Panama City" when GeoNames drops "City"
    if (names(g, bare)) return [bare];
  }
  const n = cleaned.length;
  for (let k = 1; k <= Math.min(3, n - 1); k++) {
    const tail = joinKeys(cleaned.slice(n - k));
    if (!qualifies(g, tail)) continue;
    const head = depth < 2 ? splitPart(g, cleaned.slice(0, n - k), depth + 1) : null;
    if (head) return [...head, tail];
  }
  // Leading words that are not a place: "Based in Berlin", "Hybrid Austin TX".
  if (depth === 0) {
    for (let s = 1; s < n; s++) {
      const rest = splitPart(g, cleaned.slice(s), 1);
      if (rest) return rest;
    }
  }
  return null;
}

function names(g: Gazetteer, u: Unit): boolean {
  return g.nicknames.has(u.key) || g.citiesByKey.has(u.key) || qualifies(g, u);
}

function qualifies(g: Gazetteer, u: Unit): boolean {
  if (g.countriesByKey.has(u.key) || g.regionsByKey.has(u.key)) return true;
  if (!u.code) return false;
  if (g.countriesByCode.has(u.key)) return true;
  const code = u.key.toUpperCase();
  return CODE_COUNTRIES.some((c) => g.regionsByCode.has(`${c}-${code}`));
}

// --- 3–5. Resolution ----------------------------------------------------------------------------

function resolve(g: Gazetteer, segments: Segment[], hint: string | null): Candidate | null {
  const [first, ...rest] = segments;
  // A code after unrecognised text is a qualifier ("Xyzville, CA" → California); alone it is a
  // country code ("Remote - CA" → Canada).
  const primary = first.code && first.qualifierPosition ? null : first;
  const qualifiers = primary ? rest : segments;
  const mentioned = mentionedCountries(g, qualifiers, hint);
  const readings = qualifiers.map((q) => readingsOf(g, q, mentioned, hint));
  let fallback: Constraint | null = null;
  let tried = 0;
  for (const combo of combinations(readings)) {
    if (++tried > MAX_QUALIFIER_READINGS) break;
    const constraint = merge(combo);
    if (!constraint) continue;
    if (!primary) return constraintAsPlace(g, constraint);
    const best = bestCandidate(g, primary, constraint, mentioned, hint);
    if (best) return best;
    fallback ??= constraint.country ? constraint : null;
  }
  return fallback ? constraintAsPlace(g, fallback) : null; // the qualifier contradicts every candidate
}

type Constraint = { country: string | null; region: number | null };

function constraintAsPlace(g: Gazetteer, c: Constraint): Candidate | null {
  if (c.region !== null) return { kind: "region", index: c.region };
  return c.country ? { kind: "country", index: g.countriesByIso.get(c.country)! } : null;
}

function* combinations(readings: Reading[][]): Generator<Reading[]> {
  const usable = readings.filter((r) => r.length > 0);
  if (usable.length === 0) {
    yield [];
    return;
  }
  const idx = usable.map(() => 0);
  while (true) {
    yield usable.map((r, i) => r[idx[i]]);
    let i = 0;
    while (i < idx.length && ++idx[i] === usable[i].length) idx[i++] = 0;
    if (i === idx.length) return;
  }
}

function merge(combo: Reading[]): Constraint | null {
  let country: string | null = null;
  let region: number | null = null;
  for (const r of combo) {
    if (country !== null && r.country !== country) return null;
    country = r.country;
    if (r.region !== null) {
      if (region !== null && region !== r.region) return null;
      region = r.region;
    }
  }
  return { country, region };
}

function mentionedCountries(g: Gazetteer, qualifiers: Segment[], hint: string | null): string[] {
  const out: string[] = [];
  for (const q of qualifiers) {
    const i = g.countriesByKey.get(q.key) ?? (q.code ? g.countriesByCode.get(q.key) : undefined);
    if (i !== undefined) out.push(g.data.countries[i][0]);
  }
  if (hint) out.push(hint);
  return out;
}

function readingsOf(g: Gazetteer, q: Segment, mentioned: string[], hint: string | null): Reading[] {
  const out: Reading[] = [];
  const add = (r: Reading) => {
    if (!out.some((o) => o.country === r.country && o.region === r.region)) out.push(r);
  };
  if (q.code) {
    const code = q.key.toUpperCase();
    for (const c of [...mentioned, ...CODE_COUNTRIES]) {
      const region = g.regionsByCode.get(`${c}-${code}`);
      if (region !== undefined) add({ country: c, region });
    }
    const country = g.countriesByCode.get(q.key);
    if (country !== undefined) add({ country: g.data.countries[country][0], region: null });
  }
  const country = g.countriesByKey.get(q.key);
  if (country !== undefined) add({ country: g.data.countries[country][0], region: null });
  const regions = [...(g.regionsByKey.get(q.key) ?? [])];
  regions.sort((a, b) => Number(g.data.regions[b][0] === hint) - Number(g.data.regions[a][0] === hint) || a - b);
  for (const region of regions) add({ country: g.data.regions[region][0], region });
  return out;
}

function cityCountry(g: Gazetteer, i: number): string {
  return g.data.regions[g.data.cities.region[i]][0];
}

function bestCandidate(g: Gazetteer, seg: Segment, c: Constraint, mentioned: string[], hint: string | null): Candidate | null {
  const { data } = g;
  const cityOk = (i: number) =>
    (c.region === null || data.cities.region[i] === c.region) && (c.country === null || cityCountry(g, i) === c.country);
  const regionOk = (i: number) =>
    (c.region === null || i === c.region) && (c.country === null || data.regions[i][0] === c.country);
  const countryOk = (iso2: string) => c.country === null || iso2 === c.country;

  const nickname = g.nicknames.get(seg.key);
  if (nickname !== undefined && cityOk(nickname)) return { kind: "city", index: nickname };

  const cities = (g.citiesByKey.get(seg.key) ?? []).filter(cityOk);
  const regions: number[] = (g.regionsByKey.get(seg.key) ?? []).filter(regionOk);
  let countryIndex = g.countriesByKey.get(seg.key);
  if (seg.code) {
    // A code standing for the place itself: country first ("US", "UK"), then region codes ("NY").
    countryIndex ??= g.countriesByCode.get(seg.key);
    const code = seg.key.toUpperCase();
    for (const cc of [...mentioned, ...CODE_COUNTRIES]) {
      const r = g.regionsByCode.get(`${cc}-${code}`);
      if (r !== undefined && regionOk(r) && !regions.includes(r)) regions.push(r);
    }
  }
  const country = countryIndex !== undefined && countryOk(data.countries[countryIndex][0]) ? countryIndex : undefined;

  const inHint = (country: string) => hint !== null && country === hint;
  const hintHasOther = regions.some((r) => inHint(data.regions[r][0])) || cities.some((i) => inHint(cityCountry(g, i)));
  if (country !== undefined && (!hint || inHint(data.countries[country][0]) || !hintHasOther)) {
    return { kind: "country", index: country };
  }
  regions.sort((a, b) => Number(inHint(data.regions[b][0])) - Number(inHint(data.regions[a][0])) || a - b);
  const city = bestCity(g, cities, hint);
  const region = regions[0];
  if (city !== undefined && region !== undefined) {
    if (c.region !== null || data.cities.region[city] === region) return { kind: "city", index: city };
    const cityInRegion = cities.find((i) => data.cities.region[i] === region);
    if (cityInRegion !== undefined && bestCity(g, [cityInRegion, city], hint) === cityInRegion) return { kind: "city", index: cityInRegion };
    // A region holds many cities: it wins unless the city outweighs it ("Ontario" is the province,
    // "Saint Louis" the city in Missouri rather than Senegal's Saint-Louis region).
    if (g.regionPopulation[region] >= REGION_OVER_CITY_RATIO * data.cities.pop[city]) return { kind: "region", index: region };
    return { kind: "city", index: city };
  }
  if (city !== undefined) return { kind: "city", index: city };
  if (region !== undefined) return { kind: "region", index: region };
  if (country !== undefined) return { kind: "country", index: country };
  return null;
}

function bestCity(g: Gazetteer, cities: number[], hint: string | null): number | undefined {
  const pop = g.data.cities.pop;
  let best: number | undefined;
  let bestHinted: number | undefined;
  for (const i of cities) {
    if (best === undefined || pop[i] > pop[best]) best = i;
    if (hint && cityCountry(g, i) === hint && (bestHinted === undefined || pop[i] > pop[bestHinted])) bestHinted = i;
  }
  if (best !== undefined && bestHinted !== undefined && pop[bestHinted] * HINT_POPULATION_RATIO >= pop[best]) return bestHinted;
  return best;
}

// --- Output -------------------------------------------------------------------------------------

function toPlace(g: Gazetteer, found: Candidate): GeoPlace {
  const { data } = g;
  if (found.kind === "city") {
    const [country, code, regionName] = data.regions[data.cities.region[found.index]];
    const name = data.cities.name[found.index];
    return {
      kind: "city", name, city: name, region: regionName || null, regionCode: code ? `${country}-${code}` : null,
      country, lat: data.cities.lat[found.index], lon: data.cities.lon[found.index], population: data.cities.pop[found.index],
    };
  }
  if (found.kind === "region") {
    const [country, code, name, lat, lon] = data.regions[found.index];
    return { kind: "region", name, city: null, region: name, regionCode: `${country}-${code}`, country, lat, lon, population: null };
  }
  const [iso2, name, , , lat, lon] = data.countries[found.index];
  return { kind: "country", name, city: null, region: null, regionCode: null, country: iso2, lat, lon, population: null };
}
