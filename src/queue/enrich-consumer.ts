import type { Env } from "../env";
import { scoreProfiles } from "../pipeline/enrich/enrich-batch";
import { loadProfilesWithFacts } from "../talent-pool/store";
import { EnrichBatchMessage, retryDelaySeconds } from "./messages";

/**
 * Enrich and score each batch, report it to its run, and ack each message on its own. A system
 * failure (D1, the run object) retries that message with backoff; a profile that fails is left
 * out by scoreProfiles and the batch goes on. Redelivery is harmless: the run ignores a batch it has,
 * and a batch it has is not scored again. Neither call into the run waits on D1 or the queue.
 */
export async function consumeEnrichBatches(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  await Promise.all(
    batch.messages.map(async (msg) => {
      const parsed = EnrichBatchMessage.safeParse(msg.body);
      if (!parsed.success) {
        // A malformed message can never succeed; retrying it would only delay the dead-letter queue.
        console.error(JSON.stringify({ level: "error", msg: "malformed enrich message", id: msg.id, issues: parsed.error.issues }));
        msg.ack();
        return;
      }
      const m = parsed.data;
      try {
        const run = env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(m.runId));
        // A copy of a batch the run has (a redelivery, or a re-send whose first copy came after all)
        // is acked unscored: re-sends under a backlog would otherwise double the queue's work.
        if (!(await run.needsBatch(m.round, m.batch))) {
          msg.ack();
          return;
        }
        const profiles = await loadProfilesWithFacts(env.DB, m.companyId, m.profileIds);
        const { candidates, failedProfileIds } = await scoreProfiles(m.icp, m.profileIds, profiles);
        await run.recordBatch({ round: m.round, batch: m.batch, candidates, failedProfileIds });
        msg.ack();
      } catch (err) {
        console.error(JSON.stringify({ level: "error", msg: "enrich batch failed", runId: m.runId, batch: m.batch, attempts: msg.attempts, error: String(err) }));
        msg.retry({ delaySeconds: retryDelaySeconds(msg.attempts) });
      }
    }),
  );
}

/** Dead-lettered batches are reported as failed so their run finishes now instead of at its deadline. */
export async function consumeDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  for (const msg of batch.messages) {
    const parsed = EnrichBatchMessage.safeParse(msg.body);
    if (parsed.success) {
      const m = parsed.data;
      console.error(JSON.stringify({ level: "error", msg: "enrich batch dead-lettered", runId: m.runId, batch: m.batch }));
      const run = env.SOURCING_RUN.get(env.SOURCING_RUN.idFromName(m.runId));
      await run.recordBatch({ round: m.round, batch: m.batch, candidates: [], failedProfileIds: m.profileIds });
    }
    msg.ack();
  }
}
