import { describe, expect, it } from "vitest";
import { readSections } from "../../../src/pipeline/icp/posting/sections";
import { readSeniorityWords } from "../../../src/pipeline/icp/posting/seniority-words";

const read = (text: string, title = "Software Engineer") => {
  const { levels, excluded } = readSeniorityWords(title, readSections(text));
  return { levels, excluded };
};

describe("readSeniorityWords", () => {
  it.each([
    { text: "We're hiring at senior or staff level.", levels: ["senior", "lead"], excluded: [] },
    { text: "This is a mid-level role.", levels: ["mid"], excluded: [] },
    { text: "New grads welcome!", levels: ["junior"], excluded: [] },
    { text: "Recent graduates are encouraged to apply.", levels: ["junior"], excluded: [] },
    { text: "This is not an entry-level position.", levels: [], excluded: ["junior"] },
    { text: "This is not a senior role.", levels: [], excluded: ["senior"] },
    { text: "Junior candidates welcome.", levels: ["junior"], excluded: [] },
    { text: "This is a principal-level position.", levels: ["principal"], excluded: [] },
    // Colleagues and verbs are not the candidate's level.
    { text: "You'll mentor junior engineers and lead a team of five.", levels: [], excluded: [] },
    { text: "Build relationships with VP-level buyers and senior-level stakeholders.", levels: [], excluded: [] },
    { text: "Internship experience with Git is a plus.", levels: [], excluded: [] },
  ])("$text", ({ text, levels, excluded }) => {
    expect(read(text)).toEqual({ levels, excluded });
  });

  it("reads 'staff' as a level only on technical ladders", () => {
    expect(read("Open to senior or staff level.", "Accountant").levels).toEqual(["senior"]);
    expect(read("Open to senior or staff level.", "Data Scientist").levels).toEqual(["senior", "lead"]);
  });

  it("ignores the company blurb and benefits", () => {
    expect(read("About us\nOur senior-level leadership team …\nBenefits\n- A mid-level salary band review").levels).toEqual([]);
  });

  it("keeps the clause as evidence", () => {
    expect(readSeniorityWords("Engineer", readSections("This is a mid-level role.")).evidence).toBe("This is a mid-level role.");
  });
});
