import { countriesOf, parseArea } from "../../geo";
import { occupationById, occupationFamily, seniorityRank } from "../occupations";
import type { FactsQuery, PlaceFilter } from "../../talent-pool/search-facts";
import type { Icp, LocationPolicy } from "../types";

/** How many nice-to-have skills join the must-haves in ordering the facts search. */
const NICE_TO_HAVE_TERMS = 5;
const KM_PER_DEGREE = 111.2;

/** The occupation families whose people can pass the job's occupation gate: its own and its neighbours'. */
function gateFamilies(icp: Icp): string[] {
  if (!icp.occupation) return [];
  const own = occupationFamily(icp.occupation.id);
  const neighbours = (occupationById(icp.occupation.id)?.adjacent ?? []).map(occupationFamily);
  return [...new Set([own, ...neighbours])];
}

/** A latitude/longitude box around each place, wide enough for its commuting radius. */
export function placeFilter(policy: LocationPolicy): PlaceFilter {
  const limited = policy.remoteCountries.length > 0 || policy.remoteRegions.length > 0;
  const anywhere = policy.mode === "any" || (policy.mode === "remote" && !limited);
  const boxes = policy.places.map((p): PlaceFilter["boxes"][number] => {
    const dLat = p.radiusKm / KM_PER_DEGREE;
    const dLon = p.radiusKm / (KM_PER_DEGREE * Math.max(0.05, Math.cos((p.lat * Math.PI) / 180)));
    return [p.lat - dLat, p.lat + dLat, p.lon - dLon, p.lon + dLon];
  });
  // A region (a US state) is searched by its country; the location gate then checks the region itself.
  const areaCountries = policy.remoteRegions.flatMap((name) => {
    const area = parseArea(name);
    return area ? countriesOf(area) : [];
  });
  return {
    anywhere,
    boxes,
    countries: [...new Set([...policy.remoteCountries, ...areaCountries])],
    broadCountries: [...new Set(policy.places.map((p) => p.country).filter((c): c is string => c !== null))],
  };
}

/** What the talent pool's facts indexes are asked for one ICP. */
export function compileFactsQuery(icp: Icp): FactsQuery {
  const range = [seniorityRank(icp.seniorityRange.min), seniorityRank(icp.seniorityRange.max)];
  return {
    families: gateFamilies(icp),
    skills: [...new Set([...icp.mustHaveSkills, ...icp.niceToHaveSkills.slice(0, NICE_TO_HAVE_TERMS)])],
    seniorityRank: Math.round((range[0] + range[1]) / 2),
    place: placeFilter(icp.locationPolicy),
  };
}
