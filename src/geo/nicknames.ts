// Metro nicknames that name no GeoNames place, each mapped to the city a recruiter means by it.
// "Greater X Area", "X Metropolitan Area" and "X Bay Area"-style phrases need no entry: the parser
// drops those noise words and finds X itself. Keep this list short; every entry says why it exists.
export type Nickname = { keys: string[]; city: string; country: string; region: string; why: string };

export const NICKNAMES: Nickname[] = [
  { keys: ["bay area", "sf bay area", "sf bay", "silicon valley"], city: "San Francisco", country: "US", region: "CA", why: "LinkedIn's 'San Francisco Bay Area' region; Silicon Valley is within its 80 km" },
  { keys: ["sf"], city: "San Francisco", country: "US", region: "CA", why: "the usual abbreviation in postings" },
  { keys: ["nyc", "tri state area", "tristate area"], city: "New York City", country: "US", region: "NY", why: "GeoNames' name is 'New York City'; NYC is how postings write it" },
  { keys: ["la"], city: "Los Angeles", country: "US", region: "CA", why: "as a whole location 'LA' means Los Angeles (after a comma it is Louisiana)" },
  { keys: ["dfw", "dallas fort worth", "dallas ft worth"], city: "Dallas", country: "US", region: "TX", why: "Dallas–Fort Worth metroplex" },
  { keys: ["research triangle", "rtp", "the triangle"], city: "Raleigh", country: "US", region: "NC", why: "Raleigh–Durham–Chapel Hill; Raleigh is its largest city" },
  { keys: ["twin cities"], city: "Minneapolis", country: "US", region: "MN", why: "Minneapolis–Saint Paul" },
  { keys: ["dmv", "dc metro", "dc"], city: "Washington, D.C.", country: "US", region: "DC", why: "DC, Maryland, Virginia: the Washington metro" },
  { keys: ["puget sound"], city: "Seattle", country: "US", region: "WA", why: "the Seattle metro in Washington-state postings" },
  { keys: ["philly"], city: "Philadelphia", country: "US", region: "PA", why: "common spelling on profiles" },
  { keys: ["nola"], city: "New Orleans", country: "US", region: "LA", why: "common spelling on profiles" },
  { keys: ["gta"], city: "Toronto", country: "CA", region: "ON", why: "Greater Toronto Area's abbreviation" },
];
