import locationData from "./locations.json";

/**
 * Location variants: the ways a place can be written on a profile, so "San Francisco, CA" also finds
 * "SF", "Bay Area" and "California". Places and what they sit within are data (locations.json).
 */

type Place = { kind: string; names: string[]; code?: string; within: string[] };

const places: Place[] = locationData.places;
const byName = new Map<string, Place>();
const byStateCode = new Map<string, Place>();
for (const place of places) {
  for (const name of place.names) byName.set(name, place);
  if (place.code) byStateCode.set(place.code, place);
}
// Longest first, so "new york city" is tried before "york"-like fragments inside a longer text.
const namesLongestFirst = [...byName.keys()].sort((a, b) => b.length - a.length);

const REMOTE_IN_LOCATION = /\b(?:remote|anywhere|work from home|wfh|distributed)\b/iu;
const REMOTE_IN_TEXT =
  /\b(?:fully|100%|completely|entirely)\s+remote\b|\bremote[-\s](?:friendly|first|ok|okay|eligible|optional|allowed)\b|\bwork\s+(?:from\s+)?(?:anywhere|home)\b|\b(?:is|are|be)\s+(?:a\s+)?(?:fully\s+)?remote\b|\bremote\s+(?:role|position|job|opportunity|work|working|team|company)\b|\bopen\s+to\s+remote\b/iu;
const REMOTE_DENIED = /\b(?:not|no|non)[-\s](?:a\s+)?(?:fully\s+)?remote\b|\bnot\s+open\s+to\s+remote\b|\bon[-\s]?site\s+only\b/iu;

function lookUp(part: string, isFirstPart: boolean): Place | undefined {
  // A two-letter part after a comma is a US state code ("Portland, OR"); first, it is a name ("LA").
  if (!isFirstPart && byStateCode.has(part)) return byStateCode.get(part);
  const named = byName.get(part) ?? byStateCode.get(part);
  if (named) return named;
  // "Greater New York Area", "US only": a known name inside the part, as whole words.
  const padded = ` ${part.replace(/[^\p{L}\p{N}.]+/gu, " ")} `;
  const inside = namesLongestFirst.find((name) => name.length >= 2 && padded.includes(` ${name} `));
  return inside ? byName.get(inside) : undefined;
}

/** A place's own names, then the first name (and state code) of every place it sits within. */
function placeVariants(place: Place): string[] {
  const variants = [...place.names, ...(place.code ? [place.code] : [])];
  const queue = [...place.within];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const outer = byName.get(name);
    if (!outer || variants.includes(outer.names[0])) continue;
    variants.push(outer.names[0], ...(outer.code ? [outer.code] : []));
    queue.push(...outer.within);
  }
  return variants;
}

/** Whether the job's location or text says remote work is acceptable. */
export function acceptsRemote(location: string, description: string): boolean {
  if (REMOTE_IN_LOCATION.test(location)) return true;
  return REMOTE_IN_TEXT.test(description) && !REMOTE_DENIED.test(description);
}

/**
 * Variants for a job's location, the location as written first; "remote" last when remote is accepted.
 * Empty when the job names no place and does not accept remote.
 */
export function locationVariants(location: string, description: string): string[] {
  const written = location.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
  const parts = written
    .split(/\s*(?:[,;/|()]|\s-\s|–|—|\bor\b)\s*/u)
    .map((p) => p.replace(/^[\s.]+|[\s]+$/gu, ""))
    .filter((p) => p !== "" && !REMOTE_IN_LOCATION.test(p) && p !== "hybrid" && p !== "on-site" && p !== "onsite");
  const variants = new Set<string>();
  if (parts.length > 0) variants.add(written);
  parts.forEach((part, i) => {
    const place = lookUp(part, i === 0);
    if (place) placeVariants(place).forEach((v) => variants.add(v));
    else variants.add(part);
  });
  if (acceptsRemote(written, description)) variants.add("remote");
  return [...variants];
}
