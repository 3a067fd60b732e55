CREATE TYPE "public"."referral_pathway" AS ENUM('social_assistance', 'direct_to_ssm', 'self_referral');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('awaiting_assignment', 'assigned', 'returned', 'closed');--> statement-breakpoint
CREATE SEQUENCE "public"."referral_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "referral_appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"mode" text NOT NULL,
	"sa_caseworker_invited" boolean DEFAULT false NOT NULL,
	"attended" boolean,
	"by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_contact_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"result" text NOT NULL,
	"by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_organization_id" uuid,
	"kind" text NOT NULL,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"catchment_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"pathway" "referral_pathway" NOT NULL,
	"source" text NOT NULL,
	"referring_organization_id" uuid,
	"referring_user_id" uuid,
	"client_choice_organization_id" uuid,
	"warm_referral" boolean DEFAULT false NOT NULL,
	"barriers" jsonb NOT NULL,
	"notes_encrypted" "bytea",
	"status" "referral_status" NOT NULL,
	"redirect_requested" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_organization_id" uuid,
	"assigned_site_id" uuid,
	"assigned_at" timestamp with time zone,
	"assigned_by_user_id" uuid,
	"assignment_explanation" jsonb,
	"override_reason" text,
	"sa_caseworker_contacted_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"return_note_encrypted" "bytea",
	"decision_note_encrypted" "bytea",
	"ssm_decision" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
ALTER TABLE "referral_appointments" ADD CONSTRAINT "referral_appointments_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_appointments" ADD CONSTRAINT "referral_appointments_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempts" ADD CONSTRAINT "referral_contact_attempts_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_contact_attempts" ADD CONSTRAINT "referral_contact_attempts_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_organization_id_organizations_id_fk" FOREIGN KEY ("actor_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referring_organization_id_organizations_id_fk" FOREIGN KEY ("referring_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_referring_user_id_users_id_fk" FOREIGN KEY ("referring_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_client_choice_organization_id_organizations_id_fk" FOREIGN KEY ("client_choice_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_assigned_organization_id_organizations_id_fk" FOREIGN KEY ("assigned_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_assigned_site_id_sites_id_fk" FOREIGN KEY ("assigned_site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_appointments_referral" ON "referral_appointments" USING btree ("referral_id","scheduled_for");--> statement-breakpoint
CREATE INDEX "referral_contact_attempts_referral" ON "referral_contact_attempts" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referral_events_referral" ON "referral_events" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referrals_catchment_status" ON "referrals" USING btree ("catchment_id","status","received_at");--> statement-breakpoint
CREATE INDEX "referrals_assigned_org" ON "referrals" USING btree ("assigned_organization_id","status");--> statement-breakpoint
CREATE INDEX "referrals_client" ON "referrals" USING btree ("client_id");