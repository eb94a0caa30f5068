import { describe, expect, it } from "vitest";
import { readLocationPolicy } from "../../../src/pipeline/icp/posting/location-policy";

type Onsite = { places: string[]; arrangement: "onsite" | "hybrid"; radiusKm: number | null };
const at = (places: string[], arrangement: Onsite["arrangement"] = "onsite", radiusKm: number | null = null): Onsite => ({ places, arrangement, radiusKm });
const within = (...regions: string[]) => ({ within: regions });

const read = (location: string, description = "") => {
  const { onsite, remote } = readLocationPolicy(location, description);
  return { onsite, remote };
};

describe("readLocationPolicy: the location field", () => {
  it.each([
    ["San Francisco, CA", at(["San Francisco, CA"]), null],
    ["SF Bay Area", at(["SF Bay Area"]), null],
    ["Hybrid - Berlin or Munich", at(["Berlin", "Munich"], "hybrid"), null],
    ["Berlin or Munich (hybrid, 3 days/week)", at(["Berlin", "Munich"], "hybrid"), null],
    ["Toronto, ON (hybrid)", at(["Toronto, ON"], "hybrid"), null],
    ["NYC / remote US", at(["NYC"]), within("US")],
    ["London or remote (UK)", at(["London"]), within("UK")],
    ["Remote (Europe)", null, within("Europe")],
    ["Remote - EMEA", null, within("EMEA")],
    ["Remote, US only", null, within("US")],
    ["Remote (US or Canada)", null, within("US", "Canada")],
    ["Anywhere in the EU", null, within("EU")],
    ["Remote", null, within()],
    ["Remote - anywhere", null, within()],
    ["Work from anywhere", null, within()],
    ["Austin, TX (Remote)", null, within("Austin, TX")],
    ["Austin, TX or Denver, CO", at(["Austin, TX", "Denver, CO"]), null],
    ["London; Paris | Madrid · Lisbon & Rome", at(["London", "Paris", "Madrid", "Lisbon", "Rome"]), null],
    ["Columbus, OH and Indianapolis, IN", at(["Columbus, OH", "Indianapolis, IN"]), null],
    ["Rotterdam / Antwerp", at(["Rotterdam", "Antwerp"]), null],
    ["EMEA", at(["EMEA"]), null],
    ["Multiple locations", null, null],
    ["", null, null],
  ])("%j", (location, onsite, remote) => {
    expect(read(location)).toEqual({ onsite, remote });
  });
});

describe("readLocationPolicy: the description", () => {
  it.each([
    { location: "", text: "We are a fully distributed team across time zones.", onsite: null, remote: within() },
    { location: "Remote", text: "We are not able to consider fully remote candidates.", onsite: null, remote: null },
    { location: "Remote - Austin, TX", text: "We are not able to consider fully remote candidates.", onsite: at(["Austin, TX"]), remote: null },
    { location: "New York, NY", text: "This role is not remote.", onsite: at(["New York, NY"]), remote: null },
    { location: "Reno, NV", text: "This is an on-site only position.", onsite: at(["Reno, NV"]), remote: null },
    { location: "Remote", text: "You must be able to commute to our Austin office.", onsite: at(["Austin"]), remote: null },
    { location: "Remote", text: "Must reside in the Denver metro area.", onsite: at(["Denver"]), remote: null },
    { location: "Remote", text: "Candidates must be located in the US.", onsite: null, remote: within("US") },
    { location: "", text: "Candidates must live within 50 miles of Chicago.", onsite: at(["Chicago"], "onsite", 80), remote: null },
    { location: "Munich", text: "You should live within 30 km of our Munich office.", onsite: at(["Munich"], "onsite", 30), remote: null },
    { location: "Seattle, WA", text: "Relocation assistance available.", onsite: at(["Seattle, WA"]), remote: null },
    { location: "New York, NY", text: "Location: New York, NY (hybrid, 3 days in office)", onsite: at(["New York, NY"], "hybrid"), remote: null },
    { location: "Chicago, IL", text: "We run a hybrid schedule.", onsite: at(["Chicago, IL"], "hybrid"), remote: null },
    { location: "Chicago, IL", text: "Experience with hybrid cloud setups.", onsite: at(["Chicago, IL"]), remote: null },
    { location: "EMEA", text: "This is a fully remote role.", onsite: null, remote: within("EMEA") },
    { location: "", text: "", onsite: null, remote: null },
  ])("$location + $text", ({ location, text, onsite, remote }) => {
    expect(read(location, text)).toEqual({ onsite, remote });
  });

  it("keeps the phrases it read as evidence, relocation included", () => {
    expect(readLocationPolicy("Seattle, WA", "Relocation assistance available.").evidence).toEqual(["Seattle, WA", "Relocation assistance available"]);
    expect(readLocationPolicy("Remote", "Sadly we are not able to consider fully remote candidates.").evidence).toEqual([
      "Remote",
      "not able to consider fully remote candidates",
    ]);
  });
});
