CREATE TYPE "public"."attestation_state" AS ENUM('requested', 'pre_approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."checkpoint_kind" AS ENUM('completion', 'month_1', 'month_3', 'month_6', 'month_12');--> statement-breakpoint
CREATE TYPE "public"."checkpoint_review_state" AS ENUM('not_submitted', 'submitted', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."esq_status" AS ENUM('employed', 'self_employed', 'not_employed', 'in_education_or_training');--> statement-breakpoint
CREATE TYPE "public"."evidence_kind" AS ENUM('offer_letter', 'zero_ytd_pay_stub', 'pay_stub_hours_rise', 'pay_stub', 'employer_letter');--> statement-breakpoint
CREATE TYPE "public"."job_permanence" AS ENUM('permanent', 'temporary', 'seasonal');--> statement-breakpoint
CREATE TYPE "public"."pbf_ledger_line_state" AS ENUM('not_met', 'earned', 'deferred', 'released', 'approved', 'paid');--> statement-breakpoint
CREATE TYPE "public"."outcome_kind" AS ENUM('employed', 'not_employed');--> statement-breakpoint
ALTER TYPE "public"."icm_event_kind" ADD VALUE 'outcome_recorded';--> statement-breakpoint
CREATE TABLE "attestations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"covers" jsonb NOT NULL,
	"rationale_sealed" "bytea" NOT NULL,
	"attempts_sealed" "bytea" NOT NULL,
	"other_factors_sealed" "bytea",
	"state" "attestation_state" DEFAULT 'requested' NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason_sealed" "bytea",
	"signed_by_user_id" uuid,
	"signed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "checkpoint_jobs" (
	"checkpoint_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"minutes_per_week" integer NOT NULL,
	"hourly_wage_cents" integer,
	"noc_code" text NOT NULL,
	CONSTRAINT "checkpoint_jobs_minutes" CHECK ("checkpoint_jobs"."minutes_per_week" between 0 and 10080),
	CONSTRAINT "checkpoint_jobs_noc" CHECK ("checkpoint_jobs"."noc_code" ~ '^[0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "checkpoint_kind" NOT NULL,
	"due_on" date NOT NULL,
	"contacted_on" date NOT NULL,
	"esq_status" "esq_status" NOT NULL,
	"satisfaction" text NOT NULL,
	"note_sealed" "bytea",
	"review_state" "checkpoint_review_state" DEFAULT 'not_submitted' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by_user_id" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_user_id" uuid,
	"review_reason_sealed" "bytea",
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkpoints_satisfaction" CHECK ("checkpoints"."satisfaction" in ('1', '2', '3', '4', '5', 'prefer_not_to_answer'))
);
--> statement-breakpoint
CREATE TABLE "employer_support_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"job_id" uuid,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"source" text DEFAULT 'job' NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_support_periods_dates" CHECK ("employer_support_periods"."ends_on" is null or "employer_support_periods"."ends_on" >= "employer_support_periods"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "employment_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "evidence_kind" NOT NULL,
	"job_id" uuid,
	"checkpoint_id" uuid,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name_sealed" "bytea" NOT NULL,
	"shows_client_name" boolean NOT NULL,
	"shows_business_name" boolean NOT NULL,
	"covers_date" boolean NOT NULL,
	"shows_twenty_plus_hours" boolean NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "employment_evidence_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "employment_evidence_target" CHECK (("employment_evidence"."kind" in ('offer_letter', 'zero_ytd_pay_stub', 'pay_stub_hours_rise') and "employment_evidence"."job_id" is not null and "employment_evidence"."checkpoint_id" is null)
        or ("employment_evidence"."kind" in ('pay_stub', 'employer_letter') and "employment_evidence"."checkpoint_id" is not null and "employment_evidence"."job_id" is null))
);
--> statement-breakpoint
CREATE TABLE "employment_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"employer_name_sealed" "bytea" NOT NULL,
	"at_entry_employer" boolean DEFAULT false NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"minutes_per_week" integer NOT NULL,
	"hourly_wage_cents" integer,
	"noc_code" text NOT NULL,
	"permanence" "job_permanence" NOT NULL,
	"hours_reached_20_on" date,
	"placement_intended_to_continue" boolean DEFAULT false NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employment_jobs_dates" CHECK ("employment_jobs"."ended_on" is null or "employment_jobs"."ended_on" >= "employment_jobs"."started_on"),
	CONSTRAINT "employment_jobs_minutes" CHECK ("employment_jobs"."minutes_per_week" between 0 and 10080),
	CONSTRAINT "employment_jobs_wage" CHECK ("employment_jobs"."hourly_wage_cents" is null or "employment_jobs"."hourly_wage_cents" >= 0),
	CONSTRAINT "employment_jobs_noc" CHECK ("employment_jobs"."noc_code" ~ '^[0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "funding_agreements" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"amounts" jsonb NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pbf_ledger_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"catchment_id" uuid NOT NULL,
	"stream" text NOT NULL,
	"checkpoint" text NOT NULL,
	"due_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"fiscal_quarter" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"state" "pbf_ledger_line_state" NOT NULL,
	"reason" text,
	"retroactive" boolean DEFAULT false NOT NULL,
	"stacked" boolean DEFAULT false NOT NULL,
	"stacking_refused" boolean DEFAULT false NOT NULL,
	"paid_at" timestamp with time zone,
	"paid_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pbf_ledger_lines_amount" CHECK ("pbf_ledger_lines"."amount_cents" >= 0),
	CONSTRAINT "pbf_ledger_lines_quarter" CHECK ("pbf_ledger_lines"."fiscal_quarter" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "plan_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" "outcome_kind" NOT NULL,
	"ended_on" date NOT NULL,
	"all_activities_offered_confirmed" boolean DEFAULT false NOT NULL,
	"note_sealed" "bytea",
	"recorded_by_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_outcomes_plan_id_unique" UNIQUE("plan_id")
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "monitoring_started_on" date;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attestations" ADD CONSTRAINT "attestations_signed_by_user_id_users_id_fk" FOREIGN KEY ("signed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_jobs" ADD CONSTRAINT "checkpoint_jobs_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoint_jobs" ADD CONSTRAINT "checkpoint_jobs_job_id_employment_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."employment_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_support_periods" ADD CONSTRAINT "employer_support_periods_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_support_periods" ADD CONSTRAINT "employer_support_periods_job_id_employment_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."employment_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_support_periods" ADD CONSTRAINT "employer_support_periods_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_evidence" ADD CONSTRAINT "employment_evidence_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_evidence" ADD CONSTRAINT "employment_evidence_job_id_employment_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."employment_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_evidence" ADD CONSTRAINT "employment_evidence_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_evidence" ADD CONSTRAINT "employment_evidence_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_jobs" ADD CONSTRAINT "employment_jobs_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_jobs" ADD CONSTRAINT "employment_jobs_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employment_jobs" ADD CONSTRAINT "employment_jobs_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pbf_ledger_lines" ADD CONSTRAINT "pbf_ledger_lines_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pbf_ledger_lines" ADD CONSTRAINT "pbf_ledger_lines_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pbf_ledger_lines" ADD CONSTRAINT "pbf_ledger_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pbf_ledger_lines" ADD CONSTRAINT "pbf_ledger_lines_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pbf_ledger_lines" ADD CONSTRAINT "pbf_ledger_lines_paid_by_user_id_users_id_fk" FOREIGN KEY ("paid_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outcomes" ADD CONSTRAINT "plan_outcomes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_outcomes" ADD CONSTRAINT "plan_outcomes_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "attestations_one_live_per_checkpoint" ON "attestations" USING btree ("checkpoint_id") WHERE "attestations"."state" <> 'rejected';--> statement-breakpoint
CREATE UNIQUE INDEX "checkpoint_jobs_pk" ON "checkpoint_jobs" USING btree ("checkpoint_id","job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "checkpoints_plan_kind" ON "checkpoints" USING btree ("plan_id","kind");--> statement-breakpoint
CREATE INDEX "checkpoints_review" ON "checkpoints" USING btree ("review_state");--> statement-breakpoint
CREATE INDEX "employer_support_periods_plan" ON "employer_support_periods" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "employment_evidence_plan" ON "employment_evidence" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "employment_jobs_plan" ON "employment_jobs" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pbf_ledger_lines_plan_checkpoint" ON "pbf_ledger_lines" USING btree ("plan_id","checkpoint");--> statement-breakpoint
CREATE INDEX "pbf_ledger_lines_statement" ON "pbf_ledger_lines" USING btree ("organization_id","fiscal_year","fiscal_quarter");