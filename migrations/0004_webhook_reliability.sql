-- Webhook reliability: a delivery whose webhook's secrets cannot be opened (SECRETS_ENCRYPTION_KEY
-- rotated away, a sealed value altered) is looked at again on the retry schedule and fails after a
-- bounded number of looks, instead of staying due at the head of the sweep.

-- Consecutive looks at this delivery that found its webhook's secrets unopenable. Not attempts: nothing
-- was sent, so attempt_count and the attempt log do not move; a claimed attempt resets it to 0.
ALTER TABLE webhook_deliveries ADD COLUMN secret_failures INTEGER NOT NULL DEFAULT 0;
