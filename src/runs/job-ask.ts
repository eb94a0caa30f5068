import type { Exclusions } from "../pipeline/exclusions";

/** What POST /sourcing (and its preview) asks for, once the request body is validated. */
export type JobAsk = {
  title: string;
  jobDescription: string;
  location?: string;
  query?: string; // the caller's free-text override (`query`, or its alias `searchQuery`)
  limit: number;
  exclude?: Exclusions;
};

export function jobAskOf(body: JobAsk & { searchQuery?: string }): JobAsk {
  return {
    title: body.title,
    jobDescription: body.jobDescription,
    location: body.location,
    query: body.query ?? body.searchQuery,
    limit: body.limit,
    exclude: body.exclude,
  };
}
