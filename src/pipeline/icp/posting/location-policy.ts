/**
 * Where a candidate may work from, read from the job's location field and its description. Places are
 * returned as written ("San Francisco, CA" is one place — commas inside a place never separate); geo
 * resolution is someone else's job. The description can narrow what the field says ("candidates must be
 * located in the US") or withdraw remote ("we are not able to consider fully remote candidates"); it
 * never widens an onsite role (relocation assistance is noted, the place stays).
 *
 * Decisions:
 * - "Austin, TX (Remote)" / "Remote - Austin, TX": remote within that place. If the description then
 *   withdraws remote, the place becomes the onsite place.
 * - A radius or a residence/commute rule ("within 50 miles of Chicago", "must reside in the Denver metro",
 *   "must be able to commute to our Austin office") is an onsite anchor: it withdraws remote.
 * - A bare region in the location field ("EMEA") is an onsite place unless the description accepts
 *   remote; then it is where remote is allowed.
 * - "Multiple locations" names no place: no onsite constraint (noted in evidence).
 */

export type LocationPolicyReading = {
  onsite: { places: string[]; arrangement: "onsite" | "hybrid"; radiusKm: number | null } | null;
  remote: { within: string[] } | null; // [] = remote from anywhere
  evidence: string[];
};

const KM_PER_MILE = 1.609344;

// Separators between places in a location field (outside parentheses). Commas are not among them.
const SEPARATOR = /\s*(?:;|\||·|\/|&|\s+or\s+|\s+and\s+|\s+[-–—]\s+|\s*[–—]\s*)\s*/iu;
const DASH = /^\s*(?:[-–—])\s*$/u;

const REMOTE_WORD = /\b(?:remote|anywhere|work from home|wfh|(?:fully )?distributed|telecommute|home[- ]based)\b/iu;
const ANYWHERE = /^(?:anywhere|worldwide|global(?:ly)?|international|any ?where in the world|all locations|any location|any time ?zone)$/iu;
const HYBRID = /\bhybrid\b|\b\d\s*(?:days?)\s*(?:\/|a|per|each)\s*week\b|\bin[- ]office \d/iu;
const ONSITE_WORD = /^(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based|onsite only|on-site only|office)$/iu;
const REGIONS = new Set(
  ["emea", "apac", "latam", "amer", "americas", "north america", "south america", "europe", "eu", "asia", "africa", "oceania",
    "us", "usa", "u.s.", "united states", "uk", "united kingdom", "canada", "mexico", "germany", "france", "spain", "india",
    "australia", "brazil", "netherlands", "ireland", "poland", "portugal", "dach", "nordics", "cet", "est", "pst"],
);

const clean = (s: string) =>
  s
    .replace(/^[\s,.:;()\-–—]+|[\s,.:;()\-–—]+$/gu, "")
    .replace(/^(?:based in|in|within|from|the)\s+/iu, "")
    .replace(/^the\s+/iu, "")
    .replace(/\s+(?:only|based|preferred|time ?zones?|timezones?)$/iu, "")
    .replace(/[\s,.]+$/u, "")
    .trim();

type FieldReading = { places: string[]; hybrid: boolean; remoteWithin: string[] | null; multiple: boolean };

/** Splits a list of regions ("US or Canada", "US/Canada") into clean names; "anywhere" → []. */
function regionsIn(text: string): string[] {
  return text
    .split(/\s*(?:,|;|\/|\||&|\bor\b|\band\b)\s*/iu)
    .map(clean)
    .filter((r) => r !== "" && !ANYWHERE.test(r) && !/^(?:remote|hybrid|on[- ]?site)$/iu.test(r) && !/\bdays?\b/iu.test(r));
}

/** One part of the location field: a place, an arrangement word, or a remote phrase. */
function readPart(part: string, asides: string[], out: FieldReading, afterRemoteDash: boolean): boolean {
  let isRemote = false;
  const addRemote = (within: string[]) => {
    out.remoteWithin = [...(out.remoteWithin ?? []), ...within];
    isRemote = true;
  };
  const asideRemote = asides.some((a) => REMOTE_WORD.test(a));
  const asideRegions = asides.flatMap((a) => (HYBRID.test(a) && !REMOTE_WORD.test(a) ? [] : regionsIn(a.replace(REMOTE_WORD, " "))));
  if (asides.some((a) => HYBRID.test(a))) out.hybrid = true;

  const pieces = part.split(/\s*,\s*/u).filter(Boolean);
  const placePieces: string[] = [];
  let remoteHere = false;
  const regionAfter: string[] = [];
  for (const piece of pieces) {
    const p = piece.trim();
    if (/^hybrid$/iu.test(p)) out.hybrid = true;
    else if (ONSITE_WORD.test(p)) continue;
    else if (/^multiple locations$/iu.test(p)) out.multiple = true;
    else if (/^(?:work from )?anywhere in (?:the )?(.+)$/iu.test(p)) addRemote(regionsIn(p.replace(/^(?:work from )?anywhere in (?:the )?/iu, "")));
    else if (REMOTE_WORD.test(p)) {
      remoteHere = true;
      // "remote US", "US remote", "Remote-US", "remote within the EU", "fully remote", "Remote - anywhere".
      const rest = p.replace(/\b(?:fully|100%|completely|work from|remote[- ](?:first|friendly|ok)|remote|anywhere|distributed|wfh|work from home|within|in|from|across)\b/giu, " ");
      regionAfter.push(...regionsIn(rest.replace(/[-–—]/gu, " ")));
    } else if (remoteHere) regionAfter.push(...regionsIn(p)); // "Remote, US only"
    else placePieces.push(p);
  }
  if (remoteHere || asideRemote) {
    // "Austin, TX (Remote)": remote, within that place.
    addRemote([...regionAfter, ...asideRegions, ...(asideRemote && !remoteHere && placePieces.length > 0 ? [clean(placePieces.join(", "))] : [])]);
    if (asideRemote && !remoteHere) return isRemote;
  }
  const place = clean(placePieces.join(", "));
  if (place !== "") {
    if (afterRemoteDash) addRemote([place]); // "Remote - EMEA"
    else out.places.push(place);
  }
  if (!remoteHere && !asideRemote && asideRegions.length > 0 && place === "") out.places.push(...asideRegions);
  return isRemote;
}

/** The location field read on its own. */
function readField(location: string): FieldReading {
  const out: FieldReading = { places: [], hybrid: false, remoteWithin: null, multiple: false };
  const asides: string[] = [];
  // Parenthesised remarks are taken out first so "(hybrid, 3 days/week)" is never split at its "/".
  const flat = location.normalize("NFKC").replace(/\s+/gu, " ").trim().replace(/\(([^()]*)\)/gu, (_m, inner: string) => ` ⟨${asides.push(inner) - 1}⟩ `);
  const tokens = flat.split(new RegExp(`(${SEPARATOR.source})`, "iu"));
  let prevRemote = false;
  for (let i = 0; i < tokens.length; i += 2) {
    const raw = tokens[i] ?? "";
    const sep = tokens[i - 1] ?? "";
    const own = [...raw.matchAll(/⟨(\d+)⟩/gu)].map((m) => asides[Number(m[1])]);
    const part = raw.replace(/⟨\d+⟩/gu, " ").replace(/\s+/gu, " ").trim();
    if (part === "" && own.length === 0) continue;
    const afterRemoteDash: boolean = prevRemote && DASH.test(sep);
    // A parenthesised remark on its own part ("Berlin or Munich (hybrid)") applies to the whole field.
    prevRemote = readPart(part, own, out, afterRemoteDash) || (afterRemoteDash && prevRemote);
  }
  return out;
}

// Description phrases, each a rule with the phrase kept as evidence.
const REMOTE_DENIED = [
  /\bnot (?:able|in a position) to (?:consider|accept|hire|support) (?:fully |100% )?remote\b[^.;]*/iu,
  /\b(?:this|the) (?:role|position|job|opportunity) is not (?:a )?(?:fully |100% )?remote\b/iu,
  /\bnot (?:a )?(?:fully |100% )?remote (?:role|position|job)\b/iu,
  /\bno (?:fully )?remote (?:work|option|candidates|applicants)\b|\bremote (?:work )?is not (?:available|possible|an option)\b|\bnot open to remote\b/iu,
  /\b(?:on[- ]?site|in[- ]office|in[- ]person|office[- ]based) only\b|\b(?:fully|100%) (?:on[- ]?site|in[- ]office)\b|\bthis (?:role|position) is (?:fully )?on[- ]?site\b/iu,
];
const COMMUTE = /\bmust (?:be able to |be willing to )?(?:commute|travel daily) to (?:our |the )?([^.,;]+?) (?:office|hq|headquarters|location|site|campus|clinic|hospital|store|warehouse|facility|plant)\b/iu;
const RESIDE_LOCAL = /\bmust (?:reside|live|be based|be located) (?:in|within|near) (?:the )?([^.,;]+?) (?:metro(?:politan)?(?: area)?|area|region|commuting area)\b/iu;
const RADIUS = /\bwithin (\d{1,4}) ?(miles?|mi|km|kilomet(?:er|re)s?) (?:of|from) (?:our |the )?([^.,;()]+?)(?: (?:office|hq|headquarters|campus|site))?(?=[.,;()]|$| for\b| to\b)/iu;
const REMOTE_WITHIN = [
  /\b(?:candidates|applicants|you) (?:must|should|need to) (?:be )?(?:located|based|residing|reside|live|living) in (?:the )?([^.,;()]+)/iu,
  /\bremote (?:within|in|from|across) (?:the )?([A-Z][^.,;()]*)/u,
  /\bopen to (?:candidates|applicants|people) (?:in|from|based in|located in) (?:the )?([^.,;()]+)/iu,
  /\b([A-Z][\p{L}.]+)[- ]based (?:candidates|applicants) only\b/u,
];
const REMOTE_ACCEPTED =
  /\b(?:fully|100%|completely|entirely)\s+remote\b|\bremote[-\s](?:friendly|first|ok|okay|eligible|optional|allowed)\b|\bwork\s+(?:from\s+)?(?:anywhere|home)\b|\b(?:is|are|be)\s+(?:a\s+)?(?:fully\s+)?remote\b|\bremote\s+(?:role|position|job|opportunity|work|working|team|company)\b|\bopen\s+to\s+remote\b|\bfully distributed\b|\bdistributed (?:team|company)\b|\bacross (?:all )?time ?zones\b/iu;
const HYBRID_TEXT = /\(hybrid\b|\bhybrid,|\bhybrid (?:role|position|schedule|model|work|working|arrangement|setup|environment|policy)\b|\b\d (?:days?) (?:a|per|each) week (?:in|at) (?:the |our )?(?:office|site|clinic|studio)\b|\bin (?:the )?office \d days\b/iu;
const RELOCATION = /\brelocation (?:assistance|support|package|bonus|help)?\s*(?:is )?(?:available|provided|offered|included)?/iu;

const phraseOf = (m: RegExpExecArray | null) => (m ? m[0].trim() : null);

export function readLocationPolicy(location: string, description: string): LocationPolicyReading {
  const evidence: string[] = [];
  const field = readField(location);
  if (location.trim() !== "") evidence.push(location.trim());
  const text = description.normalize("NFKC").replace(/\s+/gu, " ");

  const denied = REMOTE_DENIED.map((re) => phraseOf(re.exec(text))).filter((p): p is string => p !== null);
  const anchors: string[] = [];
  let radiusKm: number | null = null;
  for (const re of [COMMUTE, RESIDE_LOCAL]) {
    const m = re.exec(text);
    if (m) {
      denied.push(m[0].trim());
      anchors.push(clean(m[1]));
    }
  }
  const radius = RADIUS.exec(text);
  if (radius) {
    const n = Number.parseInt(radius[1], 10);
    radiusKm = /^mi/iu.test(radius[2]) ? Math.round(n * KM_PER_MILE) : n;
    denied.push(radius[0].trim());
    anchors.push(clean(radius[3]));
  }
  evidence.push(...denied);

  const hybrid = field.hybrid || HYBRID_TEXT.test(text);
  const hybridPhrase = phraseOf(HYBRID_TEXT.exec(text));
  if (hybridPhrase) evidence.push(hybridPhrase);
  const relocation = phraseOf(RELOCATION.exec(text));
  if (relocation) evidence.push(relocation);
  if (field.multiple) evidence.push("multiple locations: no place named");

  let places = [...field.places];
  let remote: LocationPolicyReading["remote"] = null;
  if (denied.length > 0) {
    // Remote withdrawn: a place the field gave as "remote within" is where the work happens.
    places.push(...(field.remoteWithin ?? []));
    if (places.length === 0) places.push(...anchors);
  } else {
    const accepted = phraseOf(REMOTE_ACCEPTED.exec(text));
    const withinPhrase = REMOTE_WITHIN.map((re) => re.exec(text)).find((m) => m !== null) ?? null;
    const stated = withinPhrase ? regionsIn(withinPhrase[1]) : [];
    if (field.remoteWithin !== null || accepted) {
      if (accepted && field.remoteWithin === null) evidence.push(accepted);
      let within = field.remoteWithin ?? [];
      // A bare region in the field of a remote job says where remote is allowed, not an office.
      if (field.remoteWithin === null && places.length > 0 && places.every((p) => REGIONS.has(p.toLowerCase()))) {
        within = places;
        places = [];
      }
      if (stated.length > 0 && within.length === 0) {
        within = stated;
        evidence.push(withinPhrase![0].trim());
      }
      remote = { within: [...new Set(within)] };
    }
  }
  places = [...new Set(places.filter(Boolean))];
  const onsite = places.length > 0 ? { places, arrangement: hybrid ? ("hybrid" as const) : ("onsite" as const), radiusKm } : null;
  return { onsite, remote, evidence: [...new Set(evidence)] };
}
