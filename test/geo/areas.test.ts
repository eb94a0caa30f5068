// Areas: parsing names into countries, regions and groups; membership; the groups' country lists.
import { describe, expect, it } from "vitest";
import { countriesOf, countryName, type GeoArea, parseArea, parsePlace, placeInArea } from "../../src/geo";

describe("parseArea", () => {
  it.each<[string, GeoArea | null]>([
    ["Europe", { kind: "group", code: "EUROPE", name: "Europe" }],
    ["EU", { kind: "group", code: "EU", name: "European Union" }],
    ["European Union", { kind: "group", code: "EU", name: "European Union" }],
    ["EMEA", { kind: "group", code: "EMEA", name: "EMEA" }],
    ["LATAM", { kind: "group", code: "LATAM", name: "Latin America" }],
    ["Latin America", { kind: "group", code: "LATAM", name: "Latin America" }],
    ["APAC", { kind: "group", code: "APAC", name: "Asia-Pacific" }],
    ["Asia Pacific", { kind: "group", code: "APAC", name: "Asia-Pacific" }],
    ["DACH", { kind: "group", code: "DACH", name: "DACH" }],
    ["Nordics", { kind: "group", code: "NORDICS", name: "Nordics" }],
    ["Benelux", { kind: "group", code: "BENELUX", name: "Benelux" }],
    ["North America", { kind: "group", code: "NORTH_AMERICA", name: "North America" }],
    ["Americas", { kind: "group", code: "AMERICAS", name: "Americas" }],
    ["Western Europe", { kind: "group", code: "WESTERN_EUROPE", name: "Western Europe" }],
    ["South America", { kind: "group", code: "SOUTH_AMERICA", name: "South America" }],
    ["Remote - EMEA", { kind: "group", code: "EMEA", name: "EMEA" }],
    ["Anywhere in Europe", { kind: "group", code: "EUROPE", name: "Europe" }],
    ["US", { kind: "country", code: "US", name: "United States" }],
    ["USA", { kind: "country", code: "US", name: "United States" }],
    ["Remote - US", { kind: "country", code: "US", name: "United States" }],
    ["Canada", { kind: "country", code: "CA", name: "Canada" }],
    ["Deutschland", { kind: "country", code: "DE", name: "Germany" }],
    ["California", { kind: "region", code: "US-CA", name: "California" }],
    ["Ontario, Canada", { kind: "region", code: "CA-ON", name: "Ontario" }],
    ["New South Wales", { kind: "region", code: "AU-NSW", name: "New South Wales" }],
    ["Berlin", null], // a city is not an area
    ["San Francisco, CA", null],
    ["Remote", null],
    ["", null],
    ["blah", null],
  ])("%s", (text, expected) => {
    expect(parseArea(text)).toEqual(expected);
  });
});

describe("countriesOf", () => {
  const group = (code: string): GeoArea => ({ kind: "group", code, name: code });
  it.each<[string, GeoArea, string[]]>([
    ["DACH", group("DACH"), ["AT", "CH", "DE"]],
    ["Benelux", group("BENELUX"), ["BE", "LU", "NL"]],
    ["Nordics", group("NORDICS"), ["AX", "DK", "FI", "FO", "IS", "NO", "SE"]],
    ["a country", { kind: "country", code: "FR", name: "France" }, ["FR"]],
    ["a region", { kind: "region", code: "US-CA", name: "California" }, ["US"]],
    ["an unknown group", group("NOPE"), []],
    ["an unknown country", { kind: "country", code: "ZZ", name: "?" }, []],
  ])("%s", (_name, area, expected) => {
    expect(countriesOf(area)).toEqual(expected);
  });

  it.each<[string, string[], string[]]>([
    ["EU", ["DE", "FR", "IE", "PL", "SE"], ["GB", "CH", "NO", "US"]],
    ["EUROPE", ["DE", "GB", "CH", "NO", "UA"], ["US", "TR", "IL"]],
    ["EMEA", ["DE", "GB", "ZA", "NG", "AE", "IL", "SA", "EG", "TR", "KZ"], ["US", "IN", "JP", "BR"]],
    ["LATAM", ["MX", "BR", "AR", "CO", "CL", "PE", "CR", "CU", "DO", "PR"], ["US", "CA", "JM", "ES", "FK"]],
    ["APAC", ["IN", "CN", "JP", "SG", "AU", "NZ", "ID", "PH", "KR"], ["AE", "IL", "IR", "KZ", "US"]],
    ["NORTH_AMERICA", ["US", "CA", "MX"], ["GT", "BR"]],
    ["AMERICAS", ["US", "CA", "BR", "JM"], ["ES"]],
  ])("%s", (code, inside, outside) => {
    const members = countriesOf({ kind: "group", code, name: code });
    for (const c of inside) expect(members, c).toContain(c);
    for (const c of outside) expect(members, c).not.toContain(c);
  });
});

describe("placeInArea", () => {
  const area = (text: string) => parseArea(text)!;
  const place = (text: string) => parsePlace(text)!;
  it.each<[string, string, boolean]>([
    ["San Francisco, CA", "California", true],
    ["Sacramento, California", "California", true],
    ["Portland, OR", "California", false],
    ["San Francisco, CA", "US", true],
    ["San Francisco, CA", "North America", true],
    ["San Francisco, CA", "EMEA", false],
    ["Toronto, ON", "Ontario", true],
    ["Toronto, ON", "North America", true],
    ["London, ON", "UK", false],
    ["London", "UK", true],
    ["London", "EU", false],
    ["London", "EMEA", true],
    ["Berlin", "DACH", true],
    ["Zürich", "DACH", true],
    ["Zürich", "EU", false],
    ["Amsterdam", "Benelux", true],
    ["Stockholm", "Nordics", true],
    ["São Paulo", "LATAM", true],
    ["Mexico City", "LATAM", true],
    ["Bangalore", "APAC", true],
    ["Sydney, NSW", "APAC", true],
    ["Dubai", "EMEA", true],
    ["California", "US", true],
    ["California", "California", true],
    ["Germany", "Europe", true],
    ["Germany", "California", false],
  ])("%s in %s → %s", (p, a, expected) => {
    expect(placeInArea(place(p), area(a))).toBe(expected);
  });
});

describe("countryName", () => {
  it.each<[string, string | null]>([["US", "United States"], ["de", "Germany"], ["GB", "United Kingdom"], ["ZZ", null], ["", null]])("%s", (iso2, expected) => {
    expect(countryName(iso2)).toBe(expected);
  });
});
