// parsePlace, table by table: disambiguation, qualifiers after a comma, noise words, country
// spellings, and strings as they appear on real profiles and postings. Expected values are subsets
// of the GeoPlace (toMatchObject), so each row names only what it is about.
import { describe, expect, it } from "vitest";
import { distanceKm, type GeoPlace, parsePlace } from "../../src/geo";

type Expect = Partial<GeoPlace>;
const city = (name: string, regionCode: string | null, country: string): Expect => ({ kind: "city", name, regionCode, country });
const region = (regionCode: string): Expect => ({ kind: "region", regionCode, country: regionCode.slice(0, 2) });
const country = (iso2: string): Expect => ({ kind: "country", country: iso2, city: null, region: null });

describe("parsePlace: a bare name picks the most populous match", () => {
  it.each<[string, Expect]>([
    ["Portland", city("Portland", "US-OR", "US")],
    ["London", city("London", "GB-ENG", "GB")],
    ["Paris", city("Paris", "FR-IDF", "FR")],
    ["Cambridge", city("Cambridge", "GB-ENG", "GB")],
    ["Springfield", city("Springfield", "US-MO", "US")],
    ["Vancouver", city("Vancouver", "CA-BC", "CA")],
    ["Sacramento", city("Sacramento", "US-CA", "US")],
    ["Saint Louis", city("St. Louis", "US-MO", "US")],
  ])("%s", (text, expected) => {
    expect(parsePlace(text)).toMatchObject(expected);
  });
});

describe("parsePlace: a qualifier picks among same-named places", () => {
  it.each<[string, Expect]>([
    ["Portland, OR", city("Portland", "US-OR", "US")],
    ["Portland, ME", city("Portland", "US-ME", "US")],
    ["Portland, Maine", city("Portland", "US-ME", "US")],
    ["London, ON", city("London", "CA-ON", "CA")],
    ["London, Ontario", city("London", "CA-ON", "CA")],
    ["London, UK", city("London", "GB-ENG", "GB")],
    ["London, England", city("London", "GB-ENG", "GB")],
    ["Paris, TX", city("Paris", "US-TX", "US")],
    ["Paris, France", city("Paris", "FR-IDF", "FR")],
    ["Cambridge, MA", city("Cambridge", "US-MA", "US")],
    ["Cambridge, UK", city("Cambridge", "GB-ENG", "GB")],
    ["Vancouver, WA", city("Vancouver", "US-WA", "US")],
    ["Vancouver, BC", city("Vancouver", "CA-BC", "CA")],
    ["Berlin, NH", city("Berlin", "US-NH", "US")],
    ["Berlin, Germany", city("Berlin", "DE-BE", "DE")],
    ["Sacramento, California", city("Sacramento", "US-CA", "US")],
    ["Perth, WA", city("Perth", "AU-WA", "AU")],
    ["Perth, Scotland", city("Perth", "GB-SCT", "GB")],
    ["Sydney, Nova Scotia", city("Sydney", "CA-NS", "CA")],
    ["Munich, Bavaria", city("Munich", "DE-BY", "DE")],
    ["Munich, BY, Germany", city("Munich", "DE-BY", "DE")],
    ["London, ON, Canada", city("London", "CA-ON", "CA")],
    ["Minsk, BY", city("Minsk", "BY-HM", "BY")],
    ["Hyderabad, IN", city("Hyderabad", "IN-TG", "IN")],
    ["Indianapolis, IN", city("Indianapolis", "US-IN", "US")],
    ["Atlanta, Georgia", city("Atlanta", "US-GA", "US")],
    ["Tbilisi, Georgia", city("Tbilisi", "GE-TB", "GE")],
    ["Portland, or", city("Portland", "US-OR", "US")],
  ])("%s", (text, expected) => {
    expect(parsePlace(text)).toMatchObject(expected);
  });
});

// "CA" after a comma is California; when the city does not exist there it is Canada. A code with
// no place before it ("Remote - CA", "CA") is a country code: postings write "Remote - US / - CA".
describe("parsePlace: CA and other two-letter codes", () => {
  it.each<[string, Expect]>([
    ["San Francisco, CA", city("San Francisco", "US-CA", "US")],
    ["Los Angeles, CA", city("Los Angeles", "US-CA", "US")],
    ["Toronto, CA", city("Toronto", "CA-ON", "CA")],
    ["Montreal, CA", city("Montréal", "CA-QC", "CA")],
    ["Xyzville, CA", region("US-CA")],
    ["Remote - CA", country("CA")],
    ["CA", country("CA")],
    ["US", country("US")],
    ["NY", region("US-NY")],
    ["Remote - US", country("US")],
    ["remote (US)", country("US")],
  ])("%s", (text, expected) => {
    expect(parsePlace(text)).toMatchObject(expected);
  });
});

describe("parsePlace: a qualifier that contradicts every candidate wins", () => {
  it.each<[string, Expect]>([
    ["Springfield, Germany", country("DE")],
    ["Portland, France", country("FR")],
    ["Paris, Ontario, Canada", city("Paris", "CA-ON", "CA")],
    ["Gotham, New Jersey", region("US-NJ")],
  ])("%s", (text, expected) => {
    expect(parsePlace(text)).toMatchObject(expected);
  });
});

describe("parsePlace: regions and countries", () => {
  it.each<[string, Expect]>([
    ["California", region("US-CA")],
    ["Ontario", region("CA-ON")],
    ["Ontario, Canada", region("CA-ON")],
    ["Texas, USA", region("US-TX")],
    ["Bavaria", region("DE-BY")],
    ["Victoria, Australia", region("AU-VIC")],
    ["Queensland", region("AU-QLD")],
    ["England", region("GB-ENG")],
    ["Scotland", region("GB-SCT")],
    ["Germany", country("DE")],
    ["Deutschland", country("DE")],
    ["USA", country("US")],
    ["U.S.A.", country("US")],
    ["U.S.", country("US")],
    ["United States", country("US")],
    ["United States of America", country("US")],
    ["UK", country("GB")],
    ["U.K.", country("GB")],
    ["Great Britain", country("GB")],
    ["United Kingdom", country("GB")],
    ["Holland", country("NL")],
    ["The Netherlands", country("NL")],
    ["Nederland", country("NL")],
    ["Schweiz", country("CH")],
    ["España", country("ES")],
    ["Brasil", country("BR")],
    ["México", country("MX")],
    ["Turkey", country("TR")],
    ["UAE", country("AE")],
    ["Czech Republic", country("CZ")],
    ["South Korea", country("KR")],
    ["Georgia", country("GE")],
    ["Luxembourg", country("LU")],
  ])("%s", (text, expected) => {
    expect(parsePlace(text)).toMatchObject(expected);
  });
});

describe("parsePlace: spellings, exonyms and nicknames", () => {
  it.each<[string, Expect]>([
    ["Zürich", city("Zürich", "CH-ZH", "CH")],
    ["Zurich", city("Zürich", "CH-ZH", "CH")],
    ["ZURICH", city("Zürich", "CH-ZH", "CH")],
    ["São Paulo", city("São Paulo", "BR-SP", "BR")],
    ["sao paulo", city("São Paulo", "BR-SP", "BR")],
    ["München", city("Munich", "DE-BY", "DE")],
    ["Munich", city("Munich", "DE-BY", "DE")],
    ["Köln", city("Köln", "DE-NW", "DE")],
    ["Cologne", city("Köln", "DE-NW", "DE")],
    ["Bengaluru", city("Bengaluru", "IN-KA", "IN")],
    ["Bangalore", city("Bengaluru", "IN-KA", "IN")],
    ["Düsseldorf", city("Düsseldorf", "DE-NW", "DE")],
    ["Dusseldorf", city("Düsseldorf", "DE-NW", "DE")],
    ["Kraków", city("Kraków", "PL-MA", "PL")],
    ["Wien", city("Vienna", "AT-9", "AT")],
    ["Frankfurt", city("Frankfurt am Main", "DE-HE", "DE")],
    ["St. Louis, MO", city("St. Louis", "US-MO", "US")],
    ["NYC", city("New York City", "US-NY", "US")],
    ["New York", city("New York City", "US-NY", "US")],
    ["New York, NY", city("New York City", "US-NY", "US")],
    ["SF", city("San Francisco", "US-CA", "US")],
    ["SF Bay Area", city("San Francisco", "US-CA", "US")],
    ["Bay Area", city("San Francisco", "US-CA", "US")],
    ["Silicon Valley", city("San Francisco", "US-CA", "US")],
    ["LA", city("Los Angeles", "US-CA", "US")],
    ["DFW", city("Dallas", "US-TX", "US")],
    ["Research Triangle", city("Raleigh", "US-NC", "US")],
    ["Twin Cities", city("Minneapolis", "US-MN", "US")],
    ["GTA", city("Toronto", "CA-ON", "CA")],
    ["Washington, DC", city("Washington, D.C.", "US-DC", "US")],
    ["Washington D.C.", city("Washington, D.C.", "US-DC", "US")],
    ["Quebec City", city("Québec", "CA-QC", "CA")],
    ["CDMX", city("Mexico City", "MX-CDMX", "MX")],
  ])("%s", (text, expected) => {
    expect(parsePlace(text)).toMatchObject(expected);
  });
});

describe("parsePlace: noise words around the place", () => {
  it.each<[string, Expect]>([
    ["Greater London", city("London", "GB-ENG", "GB")],
    ["Greater London Area", city("London", "GB-ENG", "GB")],
    ["San Francisco Bay Area", city("San Francisco", "US-CA", "US")],
    ["Berlin Metropolitan Area", city("Berlin", "DE-BE", "DE")],
    ["Greater Boston Area", city("Boston", "US-MA", "US")],
    ["Greater Toronto Area", city("Toronto", "CA-ON", "CA")],
    ["Hybrid - Austin, TX", city("Austin", "US-TX", "US")],
    ["Austin, Texas, United States", city("Austin", "US-TX", "US")],
    ["Austin TX", city("Austin", "US-TX", "US")],
    ["Based in Berlin", city("Berlin", "DE-BE", "DE")],
    ["Remote (Berlin, Germany)", city("Berlin", "DE-BE", "DE")],
    ["On-site - Seattle, WA", city("Seattle", "US-WA", "US")],
    ["Paris Region, France", city("Paris", "FR-IDF", "FR")],
    ["Portland, ME 04101", city("Portland", "US-ME", "US")],
    ["San Francisco, CA 94105", city("San Francisco", "US-CA", "US")],
    ["10115 Berlin, Germany", city("Berlin", "DE-BE", "DE")],
  ])("%s", (text, expected) => {
    expect(parsePlace(text)).toMatchObject(expected);
  });
});

// Strings as written on profiles and in postings.
describe("parsePlace: real-world locations", () => {
  it.each<[string, Expect]>([
    // US
    ["Seattle, Washington, United States", city("Seattle", "US-WA", "US")],
    ["New York City Metropolitan Area", city("New York City", "US-NY", "US")],
    ["Los Angeles Metropolitan Area", city("Los Angeles", "US-CA", "US")],
    ["Greater Chicago Area", city("Chicago", "US-IL", "US")],
    ["Chicago, IL", city("Chicago", "US-IL", "US")],
    ["Denver, Colorado", city("Denver", "US-CO", "US")],
    ["Boulder, CO", city("Boulder", "US-CO", "US")],
    ["Miami, FL", city("Miami", "US-FL", "US")],
    ["Atlanta Metropolitan Area", city("Atlanta", "US-GA", "US")],
    ["Dallas-Fort Worth Metroplex", city("Dallas", "US-TX", "US")],
    ["Raleigh-Durham, North Carolina Area", region("US-NC")],
    ["Salt Lake City, UT", city("Salt Lake City", "US-UT", "US")],
    ["Pittsburgh, PA", city("Pittsburgh", "US-PA", "US")],
    ["Mountain View, California", city("Mountain View", "US-CA", "US")],
    ["Palo Alto, CA", city("Palo Alto", "US-CA", "US")],
    ["Redmond, WA", city("Redmond", "US-WA", "US")],
    ["Ann Arbor, Michigan", city("Ann Arbor", "US-MI", "US")],
    ["Brooklyn, NY", city("Brooklyn", "US-NY", "US")],
    ["Phoenix, AZ", city("Phoenix", "US-AZ", "US")],
    ["Nashville, TN", city("Nashville", "US-TN", "US")],
    ["Remote, United States", country("US")],
    ["United States (Remote)", country("US")],
    // Canada
    ["Toronto, Ontario, Canada", city("Toronto", "CA-ON", "CA")],
    ["Montréal, QC", city("Montréal", "CA-QC", "CA")],
    ["Calgary, Alberta", city("Calgary", "CA-AB", "CA")],
    ["Ottawa, ON", city("Ottawa", "CA-ON", "CA")],
    ["Waterloo, Ontario", city("Waterloo", "CA-ON", "CA")],
    ["Halifax, NS", city("Halifax", "CA-NS", "CA")],
    ["Vancouver, British Columbia, Canada", city("Vancouver", "CA-BC", "CA")],
    ["Canada", country("CA")],
    // Europe
    ["London, England, United Kingdom", city("London", "GB-ENG", "GB")],
    ["Manchester, UK", city("Manchester", "GB-ENG", "GB")],
    ["Edinburgh, Scotland", city("Edinburgh", "GB-SCT", "GB")],
    ["Dublin, Ireland", city("Dublin", null, "IE")],
    ["Dublin, CA", city("Dublin", "US-CA", "US")],
    ["Amsterdam, North Holland, Netherlands", city("Amsterdam", null, "NL")],
    ["Amsterdam Area", city("Amsterdam", null, "NL")],
    ["Paris, Île-de-France, France", city("Paris", "FR-IDF", "FR")],
    ["Lyon, France", city("Lyon", "FR-ARA", "FR")],
    ["Hamburg, Germany", city("Hamburg", "DE-HH", "DE")],
    ["Munich, Bavaria, Germany", city("Munich", "DE-BY", "DE")],
    ["Madrid, Community of Madrid, Spain", city("Madrid", "ES-MD", "ES")],
    ["Barcelona, Catalonia", city("Barcelona", "ES-CT", "ES")],
    ["Lisbon, Portugal", city("Lisbon", null, "PT")],
    ["Milan, Lombardy, Italy", city("Milan", null, "IT")],
    ["Stockholm, Sweden", city("Stockholm", null, "SE")],
    ["Copenhagen, Capital Region of Denmark", city("Copenhagen", null, "DK")],
    ["Warsaw, Mazowieckie, Poland", city("Warsaw", null, "PL")],
    ["Zurich, Switzerland", city("Zürich", "CH-ZH", "CH")],
    ["Geneva", city("Genève", "CH-GE", "CH")],
    ["Wien, Österreich", city("Vienna", null, "AT")],
    ["Tallinn, Harju County, Estonia", city("Tallinn", null, "EE")],
    // LATAM
    ["São Paulo, Brazil", city("São Paulo", "BR-SP", "BR")],
    ["Rio de Janeiro, RJ", city("Rio de Janeiro", "BR-RJ", "BR")],
    ["Buenos Aires, Argentina", city("Buenos Aires", null, "AR")],
    ["Mexico City, Mexico", city("Mexico City", "MX-CDMX", "MX")],
    ["Ciudad de México", city("Mexico City", "MX-CDMX", "MX")],
    ["Guadalajara, Jalisco", city("Guadalajara", "MX-JAL", "MX")],
    ["Bogotá, Colombia", city("Bogotá", null, "CO")],
    ["Medellín, Antioquia, Colombia", city("Medellín", null, "CO")],
    ["Santiago, Chile", city("Santiago", null, "CL")],
    ["Lima, Peru", city("Lima", null, "PE")],
    // APAC and elsewhere
    ["Bangalore, Karnataka, India", city("Bengaluru", "IN-KA", "IN")],
    ["Gurgaon, Haryana", city("Gurgaon", "IN-HR", "IN")],
    ["Pune, Maharashtra", city("Pune", "IN-MH", "IN")],
    ["Singapore", country("SG")],
    ["Sydney, NSW", city("Sydney", "AU-NSW", "AU")],
    ["Sydney NSW", city("Sydney", "AU-NSW", "AU")],
    ["Melbourne, VIC, Australia", city("Melbourne", "AU-VIC", "AU")],
    ["Melbourne, FL", city("Melbourne", "US-FL", "US")],
    ["Auckland, New Zealand", city("Auckland", null, "NZ")],
    ["Tokyo, Japan", city("Tokyo", null, "JP")],
    ["Seoul, South Korea", city("Seoul", null, "KR")],
    ["Shenzhen, Guangdong, China", city("Shenzhen", null, "CN")],
    ["Tel Aviv, Israel", city("Tel Aviv", null, "IL")],
    ["Dubai, United Arab Emirates", city("Dubai", null, "AE")],
    ["Lagos, Nigeria", city("Lagos", null, "NG")],
    ["Nairobi, Kenya", city("Nairobi", null, "KE")],
    ["Cape Town, South Africa", city("Cape Town", null, "ZA")],
  ])("%s", (text, expected) => {
    const { regionCode, ...rest } = expected;
    const place = parsePlace(text);
    expect(place).toMatchObject(rest);
    // null here means "not asserted": region codes outside North America, Europe's big countries
    // and a few others depend on how well GeoNames admin1 codes join to ISO 3166-2 (see README).
    if (regionCode !== undefined && regionCode !== null) expect(place?.regionCode).toBe(regionCode);
  });
});

describe("parsePlace: a hint prefers its country", () => {
  it.each<[string, string, Expect]>([
    ["London", "CA", city("London", "CA-ON", "CA")],
    ["London", "US", city("London", "GB-ENG", "GB")],
    ["Cambridge", "US", city("Cambridge", "US-MA", "US")],
    ["Georgia", "US", region("US-GA")],
    ["Perth", "GB", city("Perth", "GB-SCT", "GB")],
    ["Portland", "xx", city("Portland", "US-OR", "US")],
  ])("%s with hint %s", (text, hint, expected) => {
    expect(parsePlace(text, { country: hint })).toMatchObject(expected);
  });
});

describe("parsePlace: nothing geographic", () => {
  it.each(["", "   ", "Remote", "Hybrid", "Anywhere", "Work from home", "asdfghjkl", "Software Engineer", "Europe", "EMEA", ",,,", "—"])("%j → null", (text) => {
    expect(parsePlace(text)).toBeNull();
  });
});

describe("parsePlace: coordinates", () => {
  it("Sacramento is in California but ~120 km from San Francisco", () => {
    const sac = parsePlace("Sacramento, California")!;
    const sf = parsePlace("San Francisco, CA")!;
    expect(sac.regionCode).toBe(sf.regionCode);
    expect(distanceKm(sac as { lat: number; lon: number }, sf as { lat: number; lon: number })).toBeGreaterThan(110);
    expect(distanceKm(sac as { lat: number; lon: number }, sf as { lat: number; lon: number })).toBeLessThan(130);
  });

  it("every kind carries a point", () => {
    for (const text of ["Berlin", "Bavaria", "Germany"]) {
      const p = parsePlace(text)!;
      expect(p.lat).toBeTypeOf("number");
      expect(p.lon).toBeTypeOf("number");
    }
    expect(parsePlace("Berlin")!.population).toBeGreaterThan(3_000_000);
  });
});

describe("parsePlace: never throws", () => {
  // A fixed-seed generator: the fuzz is reproducible.
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.-–—/|()[]{}'’&;:\u00e9\u00fc\u00df\u0142\u4e2d\u{1F600}\u0000\u200b\u0301\ud800";
  const words = ["San", "Francisco", "CA", "US", "remote", "Greater", "Area", "New", "York", ",", " - ", "(", ")", "UK", "ON", "Berlin", "city", "bay", "area", "st", "Saint"];

  it("on 3000 random strings", () => {
    for (let n = 0; n < 3000; n++) {
      let s = "";
      const len = Math.floor(rand() * 60);
      for (let i = 0; i < len; i++) {
        s += rand() < 0.5 ? alphabet[Math.floor(rand() * alphabet.length)] : `${words[Math.floor(rand() * words.length)]} `;
      }
      const place = parsePlace(s);
      if (place !== null) expect(["city", "region", "country"]).toContain(place.kind);
    }
  });

  it("on long input and odd values", () => {
    expect(parsePlace(`${"Remote ".repeat(5000)}Berlin`)).toBeNull(); // cut at 200 characters
    expect(parsePlace(`Berlin, ${"x".repeat(100_000)}`)).toMatchObject({ name: "Berlin" });
    expect(parsePlace(null as unknown as string)).toBeNull();
    expect(parsePlace(42 as unknown as string)).toBeNull();
    expect(parsePlace("Berlin", { country: 7 as unknown as string })).toMatchObject({ name: "Berlin" });
  });
});
