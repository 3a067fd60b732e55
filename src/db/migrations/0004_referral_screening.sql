ALTER TABLE "referral_events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "screening" jsonb;