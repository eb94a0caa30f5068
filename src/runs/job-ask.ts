import { digestExclusions, type Exclusions, type StoredExclusions } from "../pipeline/exclusions";

/** What POST /sourcing (and its preview) asks for, once the request body is validated. */
export type JobAsk = {
  title: string;
  jobDescription: string;
  location?: string;
  query?: string; // the caller's free-text override (`query`, or its alias `searchQuery`)
  limit: number;
  exclude?: StoredExclusions; // as every copy of the ask stores it: emails and URLs as digests only
};

type JobBody = Omit<JobAsk, "exclude"> & { searchQuery?: string; exclude?: Exclusions };

/** The ask as it is kept (D1's request, the run object): built once, before anything is stored. */
export async function jobAskOf(companyId: string, body: JobBody): Promise<JobAsk> {
  return {
    title: body.title,
    jobDescription: body.jobDescription,
    location: body.location,
    query: body.query ?? body.searchQuery,
    limit: body.limit,
    exclude: await digestExclusions(companyId, body.exclude),
  };
}
