-- What a sourcing run spent on the language model (LLM_PROVIDER): the vendor's token counts summed over
-- the run's rounds, the run's cap and how each call ended, as JSON (src/pipeline/llm/run-usage.ts).
-- Written by the run's object after each model call; NULL when no model was configured. GET
-- /sourcing/{id} shows it as `llmUsage`. Counters and outcomes only: no prompt or profile text.
ALTER TABLE sourcing_runs ADD COLUMN llm_usage TEXT;
