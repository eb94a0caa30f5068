import type { Icp, TalentProfile } from "../types";
import { UNKNOWN_SCORE, type Assessment } from "./assessment";
import { quotable } from "./quotes";
import { findPhrase, nonBlank, unique } from "./text";

export function assessLocation(icp: Icp, profile: TalentProfile): Assessment {
  const wanted = unique(icp.locations.map((l) => l.trim().toLowerCase()).filter((l) => l !== ""));
  if (wanted.length === 0) return { score: 100, fitPoints: [], redFlags: [] };
  const remoteOk = wanted.includes("remote");
  const places = [
    { label: "Location", text: nonBlank(profile.location) },
    { label: "Country", text: nonBlank(profile.country) },
  ].filter((p): p is { label: string; text: string } => p.text !== null);

  for (const place of places) {
    const quoted = quotable(place.text);
    if (quoted && wanted.some((variant) => findPhrase(place.text, variant))) {
      return { score: 100, fitPoints: [`${place.label} "${quoted}" is in the requested locations`], redFlags: [] };
    }
  }
  const shown = places.map((p) => ({ ...p, quoted: quotable(p.text) })).find((p) => p.quoted);
  if (remoteOk) {
    const fitPoints = shown ? [`${shown.label} "${shown.quoted}" is acceptable: the role allows remote work`] : [];
    return { score: 100, fitPoints, redFlags: [] };
  }
  if (!shown) {
    return { score: UNKNOWN_SCORE, fitPoints: [], redFlags: ["No location given"], gap: "no location given" };
  }
  return {
    score: 0,
    fitPoints: [],
    redFlags: [`${shown.label} "${shown.quoted}" is outside the requested locations`],
    gap: "a location outside the requested ones",
  };
}
