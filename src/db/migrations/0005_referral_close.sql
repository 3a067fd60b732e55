ALTER TABLE "referrals" ADD COLUMN "close_reason" text;--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "close_note_encrypted" "bytea";--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "closed_at" timestamp with time zone;