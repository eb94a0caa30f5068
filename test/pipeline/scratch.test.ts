import { it } from "vitest";
import { deriveIcp } from "../../src/pipeline/icp/derive-icp";
import { compileTalentPoolQuery } from "../../src/pipeline/query/compile-query";
import { allJobs } from "./job-fixtures";
it("print", () => {
  for (const [k, j] of Object.entries(allJobs)) {
    const icp = deriveIcp(j);
    console.log(k, JSON.stringify(icp, null, 1).replace(/\n\s*/g, " "));
    console.log("Q", compileTalentPoolQuery(icp));
  }
});
