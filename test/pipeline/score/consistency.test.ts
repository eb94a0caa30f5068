// The gate, the explanation and the contract fields read the same title and the same dates.
import { describe, expect, it } from "vitest";
import { backendIcp, profile, score } from "./fixtures";

describe("one reading of a profile", () => {
  it("a career changer's flag names the earlier title even when the current one is only in currentTitle", () => {
    const c = score(backendIcp, profile({
      currentTitle: "Math Teacher", location: "Berlin",
      experience: [{ title: "Backend Engineer", company: "Stripe", startDate: "2015-01", endDate: "2021-06" }],
    }));
    expect(c.matchScore).toBeLessThanOrEqual(39);
    expect(c.aiRedFlags[0]).toContain('earlier "Backend Engineer"');
  });

  it.each(["sometime", ""])("a role whose end date %j cannot be read is not a current role", (endDate) => {
    const c = score(backendIcp, profile({
      location: "Berlin",
      experience: [{ title: "Senior Backend Engineer", company: "OldCo", startDate: "2010-01", endDate, description: "Node.js, TypeScript, PostgreSQL and Kubernetes." }],
    }));
    expect(c.currentRole).toBeNull();
    expect(c.aiFitPoints.join(" ")).not.toContain("current role");
    expect(c.matchScore).toBeLessThan(85);
  });

  it("a role that has not started at `now` is not the title the gate reads", () => {
    const c = score(backendIcp, profile({
      location: "Berlin",
      experience: [
        { title: "Math Teacher", company: "Lincoln High", startDate: "2016-01" },
        { title: "Senior Backend Engineer", company: "FutureCo", startDate: "2025-01", description: "Node.js, TypeScript, PostgreSQL and Kubernetes." },
      ],
    }));
    expect(c.currentRole).toBe("Math Teacher");
    expect(c.matchScore).toBeLessThanOrEqual(39);
    expect(c.aiRedFlags[0]).toContain('"Math Teacher"');
  });

  it("one year of experience is written in the singular", () => {
    const c = score({ ...backendIcp, seniorityRange: { min: "senior", max: "lead" } }, profile({
      currentTitle: "Backend Engineer", location: "Berlin",
      experience: [{ title: "Backend Engineer", company: "X", startDate: "2023-03" }],
    }));
    expect(c.aiRedFlags.join(" ")).toMatch(/\b1 year of experience\b/u);
  });
});
