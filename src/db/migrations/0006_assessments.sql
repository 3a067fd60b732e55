CREATE TYPE "public"."assessment_flow" AS ENUM('sa', 'eo');--> statement-breakpoint
CREATE TYPE "public"."assessment_status" AS ENUM('in_progress', 'submitted', 'cancelled', 'closed_in_error');--> statement-breakpoint
CREATE TYPE "public"."consent_revocation_state" AS ENUM('queued', 'acknowledged', 'removed');--> statement-breakpoint
CREATE SEQUENCE "public"."assessment_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "assessment_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_organization_id" uuid NOT NULL,
	"body_sealed" "bytea",
	"kind" text DEFAULT 'note' NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"client_id" uuid NOT NULL,
	"catchment_id" uuid NOT NULL,
	"status" "assessment_status" DEFAULT 'in_progress' NOT NULL,
	"flow" "assessment_flow" NOT NULL,
	"question_bank_version" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_by_organization_id" uuid NOT NULL,
	"holder_organization_id" uuid NOT NULL,
	"site_id" uuid,
	"caseworker_user_id" uuid,
	"referral_id" uuid,
	"answers_sealed" "bytea",
	"identity_method" text,
	"identity_detail" jsonb,
	"identity_verified_at" timestamp with time zone,
	"identity_verified_by_user_id" uuid,
	"service_level" text,
	"service_level_indicators" text[] DEFAULT '{}'::text[] NOT NULL,
	"service_level_rationale_sealed" "bytea",
	"service_level_set_at" timestamp with time zone,
	"service_level_set_by_user_id" uuid,
	"returned_to_ssm_at" timestamp with time zone,
	"returned_by_organization_id" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by_user_id" uuid,
	"segmentation" jsonb,
	"eligibility" jsonb,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_user_id" uuid,
	"cancel_reason" text,
	"cancel_note_sealed" "bytea",
	"closed_in_error_at" timestamp with time zone,
	"closed_in_error_by_user_id" uuid,
	"closed_in_error_reason_sealed" "bytea",
	"replaced_by_assessment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "consent_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"assessment_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"notice_version" text NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_revocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"catchment_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"notice_to_ssm_sealed" "bytea",
	"state" "consent_revocation_state" DEFAULT 'queued' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_user_id" uuid,
	"removed_at" timestamp with time zone,
	"removed_by_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "assessment_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_notes" ADD CONSTRAINT "assessment_notes_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_notes" ADD CONSTRAINT "assessment_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_notes" ADD CONSTRAINT "assessment_notes_author_organization_id_organizations_id_fk" FOREIGN KEY ("author_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_created_by_organization_id_organizations_id_fk" FOREIGN KEY ("created_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_holder_organization_id_organizations_id_fk" FOREIGN KEY ("holder_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_caseworker_user_id_users_id_fk" FOREIGN KEY ("caseworker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_identity_verified_by_user_id_users_id_fk" FOREIGN KEY ("identity_verified_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_service_level_set_by_user_id_users_id_fk" FOREIGN KEY ("service_level_set_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_returned_by_organization_id_organizations_id_fk" FOREIGN KEY ("returned_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_cancelled_by_user_id_users_id_fk" FOREIGN KEY ("cancelled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_closed_in_error_by_user_id_users_id_fk" FOREIGN KEY ("closed_in_error_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_replaced_by_assessment_id_assessments_id_fk" FOREIGN KEY ("replaced_by_assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_readings" ADD CONSTRAINT "consent_readings_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_readings" ADD CONSTRAINT "consent_readings_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_readings" ADD CONSTRAINT "consent_readings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_readings" ADD CONSTRAINT "consent_readings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocations" ADD CONSTRAINT "consent_revocations_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocations" ADD CONSTRAINT "consent_revocations_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocations" ADD CONSTRAINT "consent_revocations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocations" ADD CONSTRAINT "consent_revocations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocations" ADD CONSTRAINT "consent_revocations_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_revocations" ADD CONSTRAINT "consent_revocations_removed_by_user_id_users_id_fk" FOREIGN KEY ("removed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_notes_assessment" ON "assessment_notes" USING btree ("assessment_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_one_in_progress" ON "assessments" USING btree ("client_id") WHERE "assessments"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "assessments_client" ON "assessments" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "assessments_holder_status" ON "assessments" USING btree ("holder_organization_id","status");--> statement-breakpoint
CREATE INDEX "assessments_catchment_status" ON "assessments" USING btree ("catchment_id","status");--> statement-breakpoint
CREATE INDEX "consent_readings_client" ON "consent_readings" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "consent_revocations_catchment_state" ON "consent_revocations" USING btree ("catchment_id","state");--> statement-breakpoint
CREATE INDEX "consent_revocations_client" ON "consent_revocations" USING btree ("client_id");--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referrals_assessment" ON "referrals" USING btree ("assessment_id");