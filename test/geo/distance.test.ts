// Haversine distance on known pairs (reference values from great-circle calculators, ±1%).
import { describe, expect, it } from "vitest";
import { distanceKm } from "../../src/geo";

describe("distanceKm", () => {
  it.each<[string, [number, number], [number, number], number]>([
    ["same point", [52.52, 13.405], [52.52, 13.405], 0],
    ["San Francisco → Sacramento", [37.7749, -122.4194], [38.5816, -121.4944], 121],
    ["London → Paris", [51.5074, -0.1278], [48.8566, 2.3522], 344],
    ["New York → Los Angeles", [40.7128, -74.006], [34.0522, -118.2437], 3936],
    ["across the antimeridian", [0, 179.5], [0, -179.5], 111],
    ["pole to pole", [90, 0], [-90, 0], 20015],
  ])("%s", (_name, [aLat, aLon], [bLat, bLon], km) => {
    const d = distanceKm({ lat: aLat, lon: aLon }, { lat: bLat, lon: bLon });
    expect(Math.abs(d - km)).toBeLessThanOrEqual(Math.max(1, km * 0.01));
  });

  it("is symmetric", () => {
    const a = { lat: 40.7, lon: -74 };
    const b = { lat: -33.9, lon: 151.2 };
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
  });
});
