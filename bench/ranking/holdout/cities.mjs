// Held-out set: the main city table (../cities.mjs) extended with the places the held-out postings
// name and their traps. The extra cities are ADDED to the main CITIES object at import time, so the
// main rubric (gradeOf / placeAcceptable in ../dataset.mjs) can measure distances to them. Loading this
// module is only done by the held-out set; the main set never imports it.
import { CITIES, COUNTRY_NAMES, haversineKm } from "../cities.mjs";

export const EXTRA_CITIES = {
  // US
  phoenix: { country: "US", lat: 33.4484, lon: -112.074, forms: ["Phoenix, AZ", "Phoenix, Arizona", "Tempe, AZ", "Scottsdale, Arizona", "Phoenix Metro"] },
  mesa: { country: "US", lat: 33.4152, lon: -111.8315, forms: ["Mesa, AZ", "Chandler, Arizona"] },
  tucson: { country: "US", lat: 32.2226, lon: -110.9747, forms: ["Tucson, AZ", "Tucson, Arizona"] },
  flagstaff: { country: "US", lat: 35.1983, lon: -111.6513, forms: ["Flagstaff, AZ"] },
  stpaul: { country: "US", lat: 44.9537, lon: -93.09, forms: ["St. Paul, MN", "Saint Paul, Minnesota", "Bloomington, MN"] },
  duluth: { country: "US", lat: 46.7867, lon: -92.1005, forms: ["Duluth, MN", "Duluth, Minnesota"] },
  rochestermn: { country: "US", lat: 44.0121, lon: -92.4802, forms: ["Rochester, MN", "Rochester, Minnesota"] },
  richmondva: { country: "US", lat: 37.5407, lon: -77.436, forms: ["Richmond, VA", "Richmond, Virginia", "Henrico County, VA"] },
  norfolk: { country: "US", lat: 36.8508, lon: -76.2859, forms: ["Norfolk, VA", "Virginia Beach, VA"] },
  charlotte: { country: "US", lat: 35.2271, lon: -80.8431, forms: ["Charlotte, NC", "Charlotte, North Carolina"] },
  evanston: { country: "US", lat: 42.0451, lon: -87.6877, forms: ["Evanston, IL", "Oak Park, IL", "Naperville, Illinois"] },
  milwaukee: { country: "US", lat: 43.0389, lon: -87.9065, forms: ["Milwaukee, WI"] },
  springfieldil: { country: "US", lat: 39.7817, lon: -89.6501, forms: ["Springfield, IL", "Springfield, Illinois"] },
  worcester: { country: "US", lat: 42.2626, lon: -71.8023, forms: ["Worcester, MA", "Worcester, Massachusetts"] },
  // Canada
  hamilton: { country: "CA", lat: 43.2557, lon: -79.8711, forms: ["Hamilton, ON", "Hamilton, Ontario, Canada", "Burlington, ON"] },
  richmondbc: { country: "CA", lat: 49.1666, lon: -123.1336, forms: ["Richmond, BC", "Richmond, British Columbia"] },
  calgary: { country: "CA", lat: 51.0447, lon: -114.0719, forms: ["Calgary, AB", "Calgary, Alberta"] },
  halifax: { country: "CA", lat: 44.6488, lon: -63.5752, forms: ["Halifax, NS", "Halifax, Nova Scotia"] },
  // Europe
  stockholm2: null,
  copenhagen: { country: "DK", lat: 55.6761, lon: 12.5683, forms: ["Copenhagen, Denmark", "København", "Copenhagen Area", "Frederiksberg, Denmark"] },
  malmo: { country: "SE", lat: 55.605, lon: 13.0038, forms: ["Malmö, Sweden", "Malmo, Skåne"] },
  gothenburg: { country: "SE", lat: 57.7089, lon: 11.9746, forms: ["Gothenburg, Sweden", "Göteborg"] },
  aarhus: { country: "DK", lat: 56.1629, lon: 10.2039, forms: ["Aarhus, Denmark"] },
  uppsala: { country: "SE", lat: 59.8586, lon: 17.6389, forms: ["Uppsala, Sweden"] },
  vienna: { country: "AT", lat: 48.2082, lon: 16.3738, forms: ["Vienna, Austria", "Wien"] },
  brussels: { country: "BE", lat: 50.8503, lon: 4.3517, forms: ["Brussels, Belgium", "Bruxelles"] },
  oslo: { country: "NO", lat: 59.9139, lon: 10.7522, forms: ["Oslo, Norway"] },
  helsinki: { country: "FI", lat: 60.1699, lon: 24.9384, forms: ["Helsinki, Finland"] },
  prague: { country: "CZ", lat: 50.0755, lon: 14.4378, forms: ["Prague, Czechia", "Praha, Czech Republic"] },
  perthscot: { country: "GB", lat: 56.3950, lon: -3.4308, forms: ["Perth, Scotland", "Perth, Perth and Kinross, UK", "Perth, Scotland, United Kingdom"] },
  // APAC
  perth: { country: "AU", lat: -31.9505, lon: 115.8605, forms: ["Perth, WA, Australia", "Perth, Western Australia", "Fremantle, WA, Australia"] },
  bunbury: { country: "AU", lat: -33.3271, lon: 115.6414, forms: ["Bunbury, WA, Australia"] },
  melbourne: { country: "AU", lat: -37.8136, lon: 144.9631, forms: ["Melbourne, VIC", "Melbourne, Australia"] },
  auckland: { country: "NZ", lat: -36.8485, lon: 174.7633, forms: ["Auckland, New Zealand"] },
  hamiltonnz: { country: "NZ", lat: -37.787, lon: 175.2793, forms: ["Hamilton, New Zealand", "Hamilton, Waikato, NZ"] },
  tokyo: { country: "JP", lat: 35.6762, lon: 139.6503, forms: ["Tokyo, Japan", "東京 / Tokyo"] },
  manila: { country: "PH", lat: 14.5995, lon: 120.9842, forms: ["Manila, Philippines", "Makati City, Philippines"] },
  kualalumpur: { country: "MY", lat: 3.139, lon: 101.6869, forms: ["Kuala Lumpur, Malaysia"] },
  pune: { country: "IN", lat: 18.5204, lon: 73.8567, forms: ["Pune, Maharashtra, India"] },
  // LATAM
  buenosaires: { country: "AR", lat: -34.6037, lon: -58.3816, forms: ["Buenos Aires, Argentina", "CABA, Argentina"] },
  bogota: { country: "CO", lat: 4.711, lon: -74.0721, forms: ["Bogotá, Colombia", "Bogota, D.C."] },
  medellin: { country: "CO", lat: 6.2442, lon: -75.5812, forms: ["Medellín, Colombia"] },
  santiago: { country: "CL", lat: -33.4489, lon: -70.6693, forms: ["Santiago, Chile", "Santiago de Chile"] },
  lima: { country: "PE", lat: -12.0464, lon: -77.0428, forms: ["Lima, Peru"] },
  guadalajara: { country: "MX", lat: 20.6597, lon: -103.3496, forms: ["Guadalajara, Jalisco", "Guadalajara, México"] },
  curitiba: { country: "BR", lat: -25.4284, lon: -49.2733, forms: ["Curitiba, PR, Brasil"] },
};
delete EXTRA_CITIES.stockholm2;

export const EXTRA_COUNTRY_NAMES = {
  DK: "Denmark", AT: "Austria", BE: "Belgium", NO: "Norway", FI: "Finland", CZ: "Czechia", NZ: "New Zealand", JP: "Japan",
  PH: "Philippines", MY: "Malaysia", AR: "Argentina", CO: "Colombia", CL: "Chile", PE: "Peru",
};

// extend the shared tables (in this process only)
for (const [k, v] of Object.entries(EXTRA_CITIES)) if (!CITIES[k]) CITIES[k] = v;
for (const [k, v] of Object.entries(EXTRA_COUNTRY_NAMES)) if (!COUNTRY_NAMES[k]) COUNTRY_NAMES[k] = v;

export { CITIES, COUNTRY_NAMES, haversineKm };

export const HREGIONS = {
  // EU member states + EEA (Norway, Iceland, Liechtenstein). NOT the UK, NOT Switzerland.
  EU_EEA: ["IE", "DE", "FR", "NL", "ES", "PT", "PL", "SE", "IT", "DK", "AT", "BE", "FI", "CZ", "NO"],
  LATAM: ["MX", "BR", "AR", "CO", "CL", "PE"],
  APAC: ["SG", "AU", "NZ", "JP", "IN", "PH", "MY"],
  ANYWHERE: Object.keys(COUNTRY_NAMES),
};

// How remote workers in the held-out set write where they are (own wording).
export const H_REMOTE_FORMS = {
  US: ["Remote — USA", "Working remotely (United States)", "US-based, remote"],
  CA: ["Remote within Canada", "Canada — remote"],
  GB: ["UK (remote)", "Remote, United Kingdom"],
  default: ["Remote from {country}", "{country} · remote", "Anywhere (based in {country})"],
};
