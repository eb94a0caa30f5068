/** The one id helper: every public id is a prefix and a random UUID. */
export const newId = {
  company: () => crypto.randomUUID(),
  apiKey: () => `key_${crypto.randomUUID()}`,
  webhook: () => crypto.randomUUID(),
  sourcingRun: () => `req_${crypto.randomUUID()}`,
  previewRun: () => `req_prev_${crypto.randomUUID()}`,
  enrichRun: () => `enr_${crypto.randomUUID()}`,
  profile: () => `prof_${crypto.randomUUID()}`,
  delivery: () => `msg_${crypto.randomUUID()}`,
  request: () => crypto.randomUUID(),
};
