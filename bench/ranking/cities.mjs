// Test data: the places profiles live in and postings name, with coordinates (degrees) so that
// "acceptable place" is a haversine distance, never a string match. `forms` are the ways a person
// writes their location; the first form is the plain one. Cities that share a name with a better
// known one (Paris TX, London ON, Berlin NH, Cambridge MA/UK, Portland ME, Birmingham AL) always carry
// their state or country in every form, as real profiles do, so a careful reader can tell them apart.

export const CITIES = {
  // --- US, California
  sf: { country: "US", lat: 37.7749, lon: -122.4194, forms: ["San Francisco, CA", "San Francisco Bay Area", "SF", "San Francisco, California, United States", "San Francisco"] },
  oakland: { country: "US", lat: 37.8044, lon: -122.2712, forms: ["Oakland, California", "Oakland, CA", "East Bay, CA"] },
  berkeley: { country: "US", lat: 37.8715, lon: -122.273, forms: ["Berkeley, CA", "Berkeley, California, United States"] },
  sanjose: { country: "US", lat: 37.3382, lon: -121.8863, forms: ["San Jose, CA", "San José, California", "Silicon Valley"] },
  paloalto: { country: "US", lat: 37.4419, lon: -122.143, forms: ["Palo Alto, CA", "Palo Alto, California"] },
  sacramento: { country: "US", lat: 38.5816, lon: -121.4944, forms: ["Sacramento, CA", "Sacramento, California", "Greater Sacramento"] },
  la: { country: "US", lat: 34.0522, lon: -118.2437, forms: ["Los Angeles, CA", "LA", "Greater Los Angeles Area", "Santa Monica, CA"] },
  sandiego: { country: "US", lat: 32.7157, lon: -117.1611, forms: ["San Diego, CA", "San Diego, California"] },
  // --- US, elsewhere
  nyc: { country: "US", lat: 40.7128, lon: -74.006, forms: ["New York, NY", "NYC", "New York City Metropolitan Area", "Manhattan, New York", "New York, United States"] },
  brooklyn: { country: "US", lat: 40.6782, lon: -73.9442, forms: ["Brooklyn, NY", "Brooklyn, New York"] },
  jerseycity: { country: "US", lat: 40.7178, lon: -74.0431, forms: ["Jersey City, NJ", "Hoboken, NJ"] },
  philadelphia: { country: "US", lat: 39.9526, lon: -75.1652, forms: ["Philadelphia, PA", "Philly"] },
  boston: { country: "US", lat: 42.3601, lon: -71.0589, forms: ["Boston, MA", "Greater Boston", "Boston, Massachusetts"] },
  cambridgema: { country: "US", lat: 42.3736, lon: -71.1097, forms: ["Cambridge, MA", "Cambridge, Massachusetts", "Cambridge, Massachusetts, United States"] },
  chicago: { country: "US", lat: 41.8781, lon: -87.6298, forms: ["Chicago, IL", "Chicagoland", "Chicago, Illinois"] },
  austin: { country: "US", lat: 30.2672, lon: -97.7431, forms: ["Austin, TX", "Austin, Texas", "Round Rock, TX"] },
  houston: { country: "US", lat: 29.7604, lon: -95.3698, forms: ["Houston, TX", "Houston, Texas"] },
  dallas: { country: "US", lat: 32.7767, lon: -96.797, forms: ["Dallas, TX", "Dallas-Fort Worth Metroplex"] },
  paristx: { country: "US", lat: 33.6609, lon: -95.5555, forms: ["Paris, TX", "Paris, Texas", "Paris, Texas, United States"] },
  seattle: { country: "US", lat: 47.6062, lon: -122.3321, forms: ["Seattle, WA", "Greater Seattle Area", "Bellevue, WA"] },
  tacoma: { country: "US", lat: 47.2529, lon: -122.4443, forms: ["Tacoma, WA", "Tacoma, Washington"] },
  spokane: { country: "US", lat: 47.6588, lon: -117.426, forms: ["Spokane, WA", "Spokane, Washington"] },
  portlandor: { country: "US", lat: 45.5152, lon: -122.6784, forms: ["Portland, OR", "Portland, Oregon"] },
  portlandme: { country: "US", lat: 43.6591, lon: -70.2568, forms: ["Portland, ME", "Portland, Maine"] },
  denver: { country: "US", lat: 39.7392, lon: -104.9903, forms: ["Denver, CO", "Denver Metropolitan Area", "Boulder, CO"] },
  atlanta: { country: "US", lat: 33.749, lon: -84.388, forms: ["Atlanta, GA", "Atlanta, Georgia"] },
  birminghamal: { country: "US", lat: 33.5186, lon: -86.8104, forms: ["Birmingham, AL", "Birmingham, Alabama"] },
  miami: { country: "US", lat: 25.7617, lon: -80.1918, forms: ["Miami, FL", "South Florida"] },
  minneapolis: { country: "US", lat: 44.9778, lon: -93.265, forms: ["Minneapolis, MN", "Twin Cities"] },
  berlinnh: { country: "US", lat: 44.4687, lon: -71.1851, forms: ["Berlin, NH", "Berlin, New Hampshire"] },
  dc: { country: "US", lat: 38.9072, lon: -77.0369, forms: ["Washington, DC", "Washington D.C. Metro Area", "Arlington, VA"] },
  // --- Canada
  toronto: { country: "CA", lat: 43.6532, lon: -79.3832, forms: ["Toronto, ON", "Toronto, Ontario, Canada", "Greater Toronto Area", "GTA", "Toronto"] },
  mississauga: { country: "CA", lat: 43.589, lon: -79.6441, forms: ["Mississauga, ON", "Mississauga, Ontario"] },
  londonon: { country: "CA", lat: 42.9849, lon: -81.2453, forms: ["London, ON", "London, Ontario", "London, Ontario, Canada"] },
  ottawa: { country: "CA", lat: 45.4215, lon: -75.6972, forms: ["Ottawa, ON", "Ottawa, Canada"] },
  montreal: { country: "CA", lat: 45.5017, lon: -73.5673, forms: ["Montréal, QC", "Montreal, Quebec"] },
  vancouver: { country: "CA", lat: 49.2827, lon: -123.1207, forms: ["Vancouver, BC", "Vancouver, British Columbia"] },
  // --- UK & Ireland
  london: { country: "GB", lat: 51.5074, lon: -0.1278, forms: ["London, UK", "Greater London", "London, England, United Kingdom", "London", "Shoreditch, London"] },
  cambridgeuk: { country: "GB", lat: 52.2053, lon: 0.1218, forms: ["Cambridge, UK", "Cambridge, England", "Cambridgeshire, United Kingdom"] },
  manchester: { country: "GB", lat: 53.4808, lon: -2.2426, forms: ["Manchester, UK", "Greater Manchester", "Salford, England"] },
  birminghamuk: { country: "GB", lat: 52.4862, lon: -1.8904, forms: ["Birmingham, UK", "Birmingham, England", "West Midlands, UK"] },
  leeds: { country: "GB", lat: 53.8008, lon: -1.5491, forms: ["Leeds, UK", "Leeds, West Yorkshire"] },
  edinburgh: { country: "GB", lat: 55.9533, lon: -3.1883, forms: ["Edinburgh, Scotland", "Edinburgh, UK"] },
  dublin: { country: "IE", lat: 53.3498, lon: -6.2603, forms: ["Dublin, Ireland", "County Dublin, Ireland"] },
  // --- continental Europe
  berlin: { country: "DE", lat: 52.52, lon: 13.405, forms: ["Berlin, Germany", "Berlin", "Berlin Metropolitan Area", "Berlin, Deutschland"] },
  potsdam: { country: "DE", lat: 52.3906, lon: 13.0645, forms: ["Potsdam, Germany", "Potsdam, Brandenburg"] },
  munich: { country: "DE", lat: 48.1351, lon: 11.582, forms: ["München", "Munich, Bavaria, Germany", "Munich, Germany", "Greater Munich Metropolitan Area"] },
  hamburg: { country: "DE", lat: 53.5511, lon: 9.9937, forms: ["Hamburg, Germany", "Hamburg"] },
  frankfurt: { country: "DE", lat: 50.1109, lon: 8.6821, forms: ["Frankfurt am Main, Germany", "Frankfurt, Hesse"] },
  cologne: { country: "DE", lat: 50.9375, lon: 6.9603, forms: ["Köln, Germany", "Cologne, Germany"] },
  paris: { country: "FR", lat: 48.8566, lon: 2.3522, forms: ["Paris, France", "Paris", "Île-de-France, France", "Paris Area, France"] },
  lyon: { country: "FR", lat: 45.764, lon: 4.8357, forms: ["Lyon, France", "Lyon, Auvergne-Rhône-Alpes"] },
  amsterdam: { country: "NL", lat: 52.3676, lon: 4.9041, forms: ["Amsterdam, Netherlands", "Amsterdam", "Amsterdam Area, NL"] },
  rotterdam: { country: "NL", lat: 51.9244, lon: 4.4777, forms: ["Rotterdam, Netherlands"] },
  madrid: { country: "ES", lat: 40.4168, lon: -3.7038, forms: ["Madrid, Spain", "Madrid, Comunidad de Madrid"] },
  barcelona: { country: "ES", lat: 41.3851, lon: 2.1734, forms: ["Barcelona, Spain", "Barcelona, Catalonia"] },
  lisbon: { country: "PT", lat: 38.7223, lon: -9.1393, forms: ["Lisbon, Portugal", "Lisboa, Portugal"] },
  warsaw: { country: "PL", lat: 52.2297, lon: 21.0122, forms: ["Warsaw, Poland", "Warszawa, Mazowieckie"] },
  stockholm: { country: "SE", lat: 59.3293, lon: 18.0686, forms: ["Stockholm, Sweden"] },
  zurich: { country: "CH", lat: 47.3769, lon: 8.5417, forms: ["Zürich, Switzerland", "Zurich, CH"] },
  milan: { country: "IT", lat: 45.4642, lon: 9.19, forms: ["Milan, Italy", "Milano, Lombardia"] },
  // --- rest of the world
  dubai: { country: "AE", lat: 25.2048, lon: 55.2708, forms: ["Dubai, United Arab Emirates", "Dubai, UAE"] },
  telaviv: { country: "IL", lat: 32.0853, lon: 34.7818, forms: ["Tel Aviv, Israel", "Tel Aviv-Yafo, Israel"] },
  capetown: { country: "ZA", lat: -33.9249, lon: 18.4241, forms: ["Cape Town, South Africa", "Cape Town, Western Cape"] },
  lagos: { country: "NG", lat: 6.5244, lon: 3.3792, forms: ["Lagos, Nigeria", "Lagos State, Nigeria"] },
  nairobi: { country: "KE", lat: -1.2921, lon: 36.8219, forms: ["Nairobi, Kenya"] },
  bangalore: { country: "IN", lat: 12.9716, lon: 77.5946, forms: ["Bengaluru, Karnataka, India", "Bangalore, India"] },
  singapore: { country: "SG", lat: 1.3521, lon: 103.8198, forms: ["Singapore"] },
  sydney: { country: "AU", lat: -33.8688, lon: 151.2093, forms: ["Sydney, NSW", "Sydney, Australia"] },
  saopaulo: { country: "BR", lat: -23.5505, lon: -46.6333, forms: ["São Paulo, Brazil", "Sao Paulo, SP"] },
  mexicocity: { country: "MX", lat: 19.4326, lon: -99.1332, forms: ["Mexico City, Mexico", "CDMX, México"] },
};

export const COUNTRY_NAMES = {
  US: "United States", CA: "Canada", GB: "United Kingdom", IE: "Ireland", DE: "Germany", FR: "France", NL: "Netherlands",
  ES: "Spain", PT: "Portugal", PL: "Poland", SE: "Sweden", CH: "Switzerland", IT: "Italy", AE: "United Arab Emirates",
  IL: "Israel", ZA: "South Africa", NG: "Nigeria", KE: "Kenya", IN: "India", SG: "Singapore", AU: "Australia", BR: "Brazil", MX: "Mexico",
};

// Regions a posting may allow remote work from (ISO 3166-1 alpha-2).
export const REGIONS = {
  US: ["US"],
  NA: ["US", "CA"],
  EUROPE: ["GB", "IE", "DE", "FR", "NL", "ES", "PT", "PL", "SE", "CH", "IT"],
  EMEA: ["GB", "IE", "DE", "FR", "NL", "ES", "PT", "PL", "SE", "CH", "IT", "AE", "IL", "ZA", "NG", "KE"],
  ANYWHERE: Object.keys(COUNTRY_NAMES),
};

// How a remote worker writes their location: the region, sometimes with their city.
export const REMOTE_FORMS = {
  US: ["Remote (US)", "Remote — United States", "United States (Remote)"],
  CA: ["Remote, Canada", "Canada (remote)"],
  GB: ["Remote (UK)", "United Kingdom · Remote"],
  DE: ["Remote, Germany", "Deutschland (remote)"],
  default: ["Remote", "Remote · {country}"],
};

const R_KM = 6371;
export function haversineKm(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.sqrt(h));
}
