import { parseArea, parsePlace } from "../../geo";
import type { LocationPolicy } from "../types";
import type { LocationPolicyReading } from "./posting/location-policy";

/**
 * Commuting radius when the posting states none, in km. Onsite people come in daily; hybrid ones a few
 * days a week and accept a longer trip. 75 km takes San Jose (~68 km) into a San Francisco job and
 * leaves Sacramento (~120 km) out, which is how a Bay Area recruiter reads "San Francisco".
 */
export const DEFAULT_RADIUS_KM = { onsite: 75, hybrid: 100 } as const;

/**
 * The posting's location policy, its places and areas resolved with the geodata. A place the geodata
 * cannot find stays only in the ICP's `locations` (as written): it cannot be enforced, so it is not.
 * An onsite "country" or "state" (no city to measure from) admits anyone placed inside that area.
 */
export function resolveLocationPolicy(reading: LocationPolicyReading): { policy: LocationPolicy; unresolved: string[] } {
  const unresolved: string[] = [];
  const places: LocationPolicy["places"] = [];
  const remoteCountries: string[] = [];
  const remoteRegions: string[] = [];
  const admitArea = (text: string): boolean => {
    const area = parseArea(text);
    if (!area) return false;
    if (area.kind === "country") remoteCountries.push(area.code);
    else remoteRegions.push(area.name);
    return true;
  };

  if (reading.onsite) {
    for (const written of reading.onsite.places) {
      const place = parsePlace(written);
      if (place?.kind === "city" && place.lat !== null && place.lon !== null) {
        const radiusKm = reading.onsite.radiusKm ?? DEFAULT_RADIUS_KM[reading.onsite.arrangement];
        places.push({ name: place.name, country: place.country, lat: place.lat, lon: place.lon, radiusKm });
      } else if (!admitArea(written)) unresolved.push(written);
    }
  }
  let remoteAnywhere = false;
  if (reading.remote) {
    if (reading.remote.within.length === 0) remoteAnywhere = true;
    for (const written of reading.remote.within) if (!admitArea(written)) unresolved.push(written);
    // "Remote (Narnia)": an area we cannot place must not silently become "anywhere".
    if (reading.remote.within.length > 0 && remoteCountries.length + remoteRegions.length === 0) remoteAnywhere = false;
  }

  const constrained = places.length > 0 || remoteCountries.length > 0 || remoteRegions.length > 0;
  const mode: LocationPolicy["mode"] =
    reading.onsite && (places.length > 0 || (!reading.remote && constrained)) ? reading.onsite.arrangement
    : reading.remote && (remoteAnywhere || constrained) ? "remote"
    : "any";
  // Remote from anywhere, next to an office: every place passes, so the lists say nothing more.
  if (mode === "remote" && remoteAnywhere) return { policy: { mode, places, remoteCountries: [], remoteRegions: [] }, unresolved };
  return { policy: { mode, places, remoteCountries: unique(remoteCountries), remoteRegions: unique(remoteRegions) }, unresolved };
}

const unique = (items: string[]) => [...new Set(items)];
