// The profile card renderer (pure): escaping of every field, no scripts or external resources,
// themes, and profiles with nothing but a name. The card is parsed with workerd's HTMLRewriter, a
// real HTML parser, so the checks see what a browser would see rather than what a regex guesses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TalentProfile } from "../../src/pipeline/types";
import { CARD_PALETTES, CARD_THEMES, renderProfileCard, safeProfileLink } from "../../src/render/profile-card";

const NOW = new Date("2024-06-15T12:00:00Z");

const FULL: TalentProfile = {
  profileId: "prof_1",
  companyId: "co_1",
  fullName: "Ada Lovelace",
  headline: "Backend engineer, distributed systems",
  summary: "Builds payment systems.\nLikes queues.",
  location: "London",
  country: "United Kingdom",
  currentTitle: "Staff Engineer",
  currentCompany: "Analytical Engines",
  skills: ["TypeScript", "PostgreSQL", "Kubernetes"],
  experience: [
    { title: "Engineer", company: "Difference Co", startDate: "2015-01", endDate: "2018-12", description: "Built the ledger." },
    { title: "Staff Engineer", company: "Analytical Engines", startDate: "2019-01", description: "Leads the platform team." },
  ],
  education: [{ school: "University of London", degree: "BSc", field: "Mathematics", endYear: 2014 }],
  emails: ["ada@example.com"],
  linkedinUrl: "https://www.linkedin.com/in/ada-lovelace",
};

type Parsed = { tags: string[]; attributes: [string, string, string][]; text: string };

/** Every element, every attribute (tag, name, value) and the text as a browser would show it. */
async function parse(html: string): Promise<Parsed> {
  const parsed: Parsed = { tags: [], attributes: [], text: "" };
  let raw = "";
  const rewriter = new HTMLRewriter()
    .on("*", {
      element(el) {
        parsed.tags.push(el.tagName);
        for (const [name, value] of el.attributes) parsed.attributes.push([el.tagName, name, value]);
      },
    })
    .onDocument({ text(t) { raw += t.text; } });
  await rewriter.transform(new Response(html)).text();
  parsed.text = decodeEntities(raw);
  return parsed;
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => named[name]);
}

const ALLOWED_TAGS = new Set(["article", "header", "section", "h2", "h3", "h4", "p", "a", "ul", "ol", "li"]);
const ALLOWED_ATTRIBUTES = new Set(["style", "dir", "data-theme", "href", "rel", "target", "aria-label"]);

function expectOnlyOurMarkup(parsed: Parsed) {
  for (const tag of parsed.tags) expect(ALLOWED_TAGS, `tag <${tag}>`).toContain(tag);
  for (const [tag, name] of parsed.attributes) expect(ALLOWED_ATTRIBUTES, `attribute ${name} on <${tag}>`).toContain(name);
}

describe("a complete profile", () => {
  it("shows every field as text", async () => {
    const { text } = await parse(renderProfileCard(FULL, "light", NOW));
    for (const expected of [
      "Ada Lovelace", "Backend engineer, distributed systems", "Builds payment systems.", "Staff Engineer · Analytical Engines",
      "London, United Kingdom", "TypeScript", "PostgreSQL", "Kubernetes", "Built the ledger.", "Leads the platform team.",
      "University of London", "BSc · Mathematics · 2014", "LinkedIn profile",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("gives each role its dates and duration, most recent first", async () => {
    const { text } = await parse(renderProfileCard(FULL, "light", NOW));
    expect(text).toContain("2019-01 – present · 5 yrs 6 mos");
    expect(text).toContain("2015-01 – 2018-12 · 4 yrs");
    expect(text.indexOf("Leads the platform team.")).toBeLessThan(text.indexOf("Built the ledger."));
  });

  it("uses semantic headings: the name, then one per section, then one per role or school", async () => {
    const { tags } = await parse(renderProfileCard(FULL, "light", NOW));
    expect(tags.filter((t) => t === "h2")).toHaveLength(1);
    expect(tags.filter((t) => t === "h3")).toHaveLength(4); // About, Skills, Experience, Education
    expect(tags.filter((t) => t === "h4")).toHaveLength(3);
    expect(tags.filter((t) => t === "li")).toHaveLength(3 + 2 + 1);
  });

  it("links the https LinkedIn URL with rel=noopener noreferrer", async () => {
    const { attributes } = await parse(renderProfileCard(FULL, "light", NOW));
    const link = Object.fromEntries(attributes.filter(([tag]) => tag === "a").map(([, name, value]) => [name, value]));
    expect(link.href).toBe("https://www.linkedin.com/in/ada-lovelace");
    expect(link.rel).toBe("noopener noreferrer");
    expect(link["aria-label"]).toBe("LinkedIn profile of Ada Lovelace");
  });

  it("does not show email addresses", () => {
    expect(renderProfileCard(FULL, "light", NOW)).not.toContain("ada@example.com");
  });
});

describe("self-contained", () => {
  it.each(CARD_THEMES)("%s: no script, no external resource, no URL but the LinkedIn link", async (theme) => {
    const html = renderProfileCard(FULL, theme, NOW);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/url\(|@import|<link|<img|<style|src=/i);
    expect(html.match(/\b[a-z][a-z0-9+.-]*:\/\//gi)).toEqual(["https://"]);
    expectOnlyOurMarkup(await parse(html));
  });

  it("uses inline styles only, on every element", async () => {
    const { tags, attributes } = await parse(renderProfileCard(FULL, "dark", NOW));
    const styled = attributes.filter(([, name]) => name === "style");
    expect(styled).toHaveLength(tags.filter((t) => t !== "header").length);
  });
});

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  "</article><script src=https://evil.example/x.js></script>",
  "&lt;b&gt; already escaped & not",
  "javascript:alert(1)",
];

const TEXT_FIELDS: ((v: string) => Partial<TalentProfile>)[] = [
  (v) => ({ fullName: v }),
  (v) => ({ headline: v }),
  (v) => ({ summary: v }),
  (v) => ({ location: v }),
  (v) => ({ country: v }),
  (v) => ({ currentTitle: v }),
  (v) => ({ currentCompany: v }),
  (v) => ({ skills: [v] }),
  (v) => ({ experience: [{ title: v, company: "Acme", startDate: "2020-01" }] }),
  (v) => ({ experience: [{ title: "Engineer", company: v, startDate: "2020-01" }] }),
  (v) => ({ experience: [{ title: "Engineer", company: "Acme", startDate: v, endDate: v }] }),
  (v) => ({ experience: [{ title: "Engineer", company: "Acme", description: v }] }),
  (v) => ({ education: [{ school: v }] }),
  (v) => ({ education: [{ school: "MIT", degree: v, field: v }] }),
];

describe("hostile input is escaped in every field", () => {
  const cases = TEXT_FIELDS.flatMap((field, i) => HOSTILE.map((payload) => [i, payload, field] as const));
  it.each(cases)("field %i: %s", async (_i, payload, field) => {
    const profile: TalentProfile = { profileId: "prof_x", companyId: "co_x", fullName: "Eve", ...field(payload) };
    const html = renderProfileCard(profile, "light", NOW);
    // Text with nothing to escape ("javascript:…") is harmless outside an attribute and stays as is.
    if (/[<>"'&]/.test(payload)) expect(html).not.toContain(payload);
    const parsed = await parse(html);
    expectOnlyOurMarkup(parsed);
    expect(parsed.text).toContain(payload); // shown verbatim, as text
    expect(parsed.tags).not.toContain("a"); // no LinkedIn URL, so no link at all
  });

  it.each([
    ["javascript:", "javascript:alert(document.cookie)"],
    ["javascript: with https text", "javascript://https://www.linkedin.com/%0aalert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["plain http", "http://www.linkedin.com/in/ada"],
    ["not a URL", "linkedin.com/in/ada"],
  ])("a %s LinkedIn URL is not linked", async (_name, linkedinUrl) => {
    const html = renderProfileCard({ ...FULL, linkedinUrl }, "light", NOW);
    const parsed = await parse(html);
    expect(parsed.tags).not.toContain("a");
    expect(html).not.toContain("LinkedIn profile");
    expectOnlyOurMarkup(parsed);
  });

  it("an https URL with quotes cannot break out of href", async () => {
    const linkedinUrl = 'https://www.linkedin.com/in/a"onmouseover="alert(1)';
    const parsed = await parse(renderProfileCard({ ...FULL, linkedinUrl }, "light", NOW));
    expectOnlyOurMarkup(parsed);
    const hrefs = parsed.attributes.filter(([, name]) => name === "href").map(([, , value]) => value);
    expect(hrefs).toHaveLength(1);
    expect(hrefs[0]).toMatch(/^https:\/\/www\.linkedin\.com\/in\/a/);
    expect(hrefs[0]).not.toContain('"');
  });

  it("arbitrary strings in every field never add markup", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: "binary" }), { minLength: TEXT_FIELDS.length, maxLength: TEXT_FIELDS.length }), async (values) => {
        const profile = TEXT_FIELDS.reduce<TalentProfile>(
          (p, field, i) => ({ ...p, ...field(values[i]) }),
          { profileId: "prof_x", companyId: "co_x", fullName: "x" },
        );
        expectOnlyOurMarkup(await parse(renderProfileCard(profile, "dark", NOW)));
      }),
      { numRuns: 100 },
    );
  });
});

describe("unicode", () => {
  it("keeps accents, CJK, right-to-left text and emoji intact", async () => {
    const profile: TalentProfile = {
      ...FULL, fullName: "Zoë Ångström-李小龍", headline: "مهندسة برمجيات 👩🏽‍💻", skills: ["C++", "Ruby on Rails", "日本語"],
    };
    const html = renderProfileCard(profile, "light", NOW);
    const { text } = await parse(html);
    for (const s of ["Zoë Ångström-李小龍", "مهندسة برمجيات 👩🏽‍💻", "C++", "日本語"]) expect(text).toContain(s);
    expect(html).toContain('dir="auto"');
  });

  it("clips a long description without splitting a character", async () => {
    const description = "😀".repeat(2_000);
    const { text } = await parse(renderProfileCard({ ...FULL, experience: [{ title: "T", company: "C", description }] }, "light", NOW));
    expect(text).toContain(`${"😀".repeat(499)}…`);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
  });
});

describe("themes", () => {
  it("light and dark cards differ only in colours and the theme marker", () => {
    const light = renderProfileCard(FULL, "light", NOW);
    const dark = renderProfileCard(FULL, "dark", NOW);
    expect(light).not.toBe(dark);
    expect(light).toContain(`background:${CARD_PALETTES.light.background}`);
    expect(dark).toContain(`background:${CARD_PALETTES.dark.background}`);
    const stripColours = (html: string) => html.replace(/#[0-9a-f]{6}/g, "#").replace(/data-theme="\w+"/, "");
    expect(stripColours(light)).toBe(stripColours(dark));
  });

  function luminance(hex: string): number {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  function contrast(a: string, b: string): number {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  }

  it.each(CARD_THEMES.flatMap((theme) => {
    const p = CARD_PALETTES[theme];
    return [
      [theme, "text", p.text, p.background],
      [theme, "muted", p.muted, p.background],
      [theme, "link", p.link, p.background],
      [theme, "chip", p.chipText, p.chipBackground],
    ] as const;
  }))("%s %s text meets WCAG AA contrast (4.5:1)", (_theme, _role, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});

describe("missing optional fields", () => {
  it("a name alone renders a clean card with no empty sections", async () => {
    const html = renderProfileCard({ profileId: "prof_2", companyId: "co_1", fullName: "Grace Hopper" }, "light", NOW);
    const parsed = await parse(html);
    expect(parsed.text).toBe("Grace Hopper");
    expect(parsed.tags).toEqual(["article", "header", "h2"]);
    expect(html).not.toMatch(/undefined|null|NaN/);
  });

  it("empty lists, blank strings and undated roles leave nothing dangling", async () => {
    const html = renderProfileCard(
      {
        profileId: "prof_3", companyId: "co_1", fullName: "Alan Turing", headline: "  ", skills: [], education: [],
        currentCompany: "Bletchley", experience: [{ title: "Cryptanalyst", company: "Bletchley" }],
        linkedinUrl: "",
      },
      "dark",
      NOW,
    );
    const { text, tags } = await parse(html);
    expect(text).toBe("Alan TuringBletchleyExperienceCryptanalyst · Bletchley");
    expect(tags).not.toContain("a");
    expect(html).not.toMatch(/undefined|null|NaN| – |·\s*</);
  });
});

describe("safeProfileLink", () => {
  it.each([
    ["https://www.linkedin.com/in/ada", "https://www.linkedin.com/in/ada"],
    ["  https://linkedin.com/in/ada?x=1&y=2  ", "https://linkedin.com/in/ada?x=1&y=2"],
    ["HTTPS://LINKEDIN.COM/in/ada", "https://linkedin.com/in/ada"],
    ["http://linkedin.com/in/ada", null],
    ["javascript:alert(1)", null],
    ["", null],
    [undefined, null],
  ])("%s → %s", (raw, expected) => {
    expect(safeProfileLink(raw)).toBe(expected);
  });
});
