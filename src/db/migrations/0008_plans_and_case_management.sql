CREATE TYPE "public"."plan_closure_reason" AS ENUM('client_ineligible', 'client_deceased', 'satisfactory_progress_not_achieved', 'opened_in_error', 'completion', 'referral_to_eo_training', 'withdrawal_personal_reasons', 'withdrawal_moved_outside_catchment', 'withdrawal_moved_outside_province', 'withdrawal_dissatisfied_with_service', 'withdrawal_no_longer_seeking_employment', 'unable_to_contact');--> statement-breakpoint
CREATE TYPE "public"."case_conference_status" AS ENUM('requested', 'in_discussion', 'decided', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."icm_event_kind" AS ENUM('provider_caseworker_changed', 'sa_caseworker_changed', 'contact_details_changed', 'plan_activated', 'plan_on_hold', 'plan_resumed', 'plan_closed', 'conference_requested', 'conference_decided');--> statement-breakpoint
CREATE TYPE "public"."note_visibility" AS ENUM('internal', 'shared_with_sa');--> statement-breakpoint
CREATE TYPE "public"."plan_item_outcome" AS ENUM('attained', 'not_attained');--> statement-breakpoint
CREATE TYPE "public"."plan_item_status" AS ENUM('planned', 'in_progress', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."plan_status" AS ENUM('draft', 'active', 'active_on_hold', 'closed');--> statement-breakpoint
CREATE TYPE "public"."sub_goal_kind" AS ENUM('life_stabilization', 'employment_assistance_services', 'employer_financial_supports', 'jobseeker_financial_supports', 'skills_development_ministry_delivered', 'skills_development_other', 'retention', 'specialized_services');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE SEQUENCE "public"."plan_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "case_conference_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"body_sealed" "bytea",
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"catchment_id" uuid NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"requested_by_organization_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"topic_sealed" "bytea",
	"include_client" boolean DEFAULT false NOT NULL,
	"participants" jsonb NOT NULL,
	"status" "case_conference_status" DEFAULT 'requested' NOT NULL,
	"first_response_at" timestamp with time zone,
	"first_response_by_organization_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"catchment_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"visibility" "note_visibility" NOT NULL,
	"plan_id" uuid,
	"plan_item_id" uuid,
	"template_id" uuid,
	"contact_channel" text,
	"body_sealed" "bytea",
	"seq" bigserial NOT NULL,
	CONSTRAINT "case_notes_shared_on_item" CHECK ("case_notes"."visibility" = 'internal' or "case_notes"."plan_item_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "caseload_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"caseworker_user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by_user_id" uuid NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "icm_event_reads" (
	"user_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"seen_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "icm_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"catchment_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" "icm_event_kind" NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "note_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catchment_id" uuid NOT NULL,
	"title_en" text NOT NULL,
	"title_fr" text NOT NULL,
	"body_en" text NOT NULL,
	"body_fr" text NOT NULL,
	"visibility" "note_visibility" DEFAULT 'internal' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"title_sealed" "bytea",
	"description_sealed" "bytea",
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_goals_two" CHECK ("plan_goals"."ordinal" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "plan_item_catalogue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catchment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"sub_goal_kind" "sub_goal_kind" NOT NULL,
	"minimum_service" text NOT NULL,
	"training_program" text,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"sub_goal_id" uuid NOT NULL,
	"catalogue_item_id" uuid,
	"custom_title_sealed" "bytea",
	"cost_cents" integer DEFAULT 0 NOT NULL,
	"planned_start" date NOT NULL,
	"planned_end" date NOT NULL,
	"actual_end" date,
	"status" "plan_item_status" DEFAULT 'planned' NOT NULL,
	"outcome" "plan_item_outcome",
	"added_in_phase" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_items_cost" CHECK ("plan_items"."cost_cents" >= 0),
	CONSTRAINT "plan_items_dates" CHECK ("plan_items"."planned_end" >= "plan_items"."planned_start"),
	CONSTRAINT "plan_items_catalogue_or_custom" CHECK (("plan_items"."catalogue_item_id" is null) <> ("plan_items"."custom_title_sealed" is null))
);
--> statement-breakpoint
CREATE TABLE "plan_sub_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"goal_ordinal" integer NOT NULL,
	"kind" "sub_goal_kind" NOT NULL,
	"added_in_phase" text NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_sub_goals_goal" CHECK ("plan_sub_goals"."goal_ordinal" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"client_id" uuid NOT NULL,
	"catchment_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"site_id" uuid,
	"status" "plan_status" DEFAULT 'draft' NOT NULL,
	"stream" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"summary_printed_at" timestamp with time zone,
	"summary_printed_revision" integer,
	"signed_on" date,
	"signature_method" text,
	"signature_revision" integer,
	"signature_recorded_at" timestamp with time zone,
	"signature_recorded_by_user_id" uuid,
	"activated_at" timestamp with time zone,
	"activated_by_user_id" uuid,
	"on_hold_since" timestamp with time zone,
	"on_hold_item_id" uuid,
	"outcome_recorded_at" timestamp with time zone,
	"final_checkpoint_completed_at" timestamp with time zone,
	"training_program" text,
	"training_accepted_on" date,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" uuid,
	"closure_reason" "plan_closure_reason",
	"closed_in_phase" text,
	"closure_note_sealed" "bytea",
	"early_exit" boolean,
	"counts_as_client_served" boolean,
	"counts_as_training_completion" boolean,
	"successful_outcome" boolean,
	"pbf_possible" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"plan_item_id" uuid,
	"title_sealed" "bytea",
	"due_on" date NOT NULL,
	"assignee_user_id" uuid NOT NULL,
	"status" "task_status" DEFAULT 'open' NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_conference_messages" ADD CONSTRAINT "case_conference_messages_conference_id_case_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."case_conferences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conference_messages" ADD CONSTRAINT "case_conference_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conference_messages" ADD CONSTRAINT "case_conference_messages_author_organization_id_organizations_id_fk" FOREIGN KEY ("author_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conferences" ADD CONSTRAINT "case_conferences_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conferences" ADD CONSTRAINT "case_conferences_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conferences" ADD CONSTRAINT "case_conferences_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conferences" ADD CONSTRAINT "case_conferences_requested_by_organization_id_organizations_id_fk" FOREIGN KEY ("requested_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conferences" ADD CONSTRAINT "case_conferences_first_response_by_organization_id_organizations_id_fk" FOREIGN KEY ("first_response_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_conferences" ADD CONSTRAINT "case_conferences_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_template_id_note_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."note_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_assignments" ADD CONSTRAINT "caseload_assignments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_assignments" ADD CONSTRAINT "caseload_assignments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_assignments" ADD CONSTRAINT "caseload_assignments_caseworker_user_id_users_id_fk" FOREIGN KEY ("caseworker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "caseload_assignments" ADD CONSTRAINT "caseload_assignments_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icm_event_reads" ADD CONSTRAINT "icm_event_reads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icm_event_reads" ADD CONSTRAINT "icm_event_reads_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icm_events" ADD CONSTRAINT "icm_events_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icm_events" ADD CONSTRAINT "icm_events_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icm_events" ADD CONSTRAINT "icm_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "icm_events" ADD CONSTRAINT "icm_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_events" ADD CONSTRAINT "plan_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item_catalogue" ADD CONSTRAINT "plan_item_catalogue_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_sub_goal_id_plan_sub_goals_id_fk" FOREIGN KEY ("sub_goal_id") REFERENCES "public"."plan_sub_goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_catalogue_item_id_plan_item_catalogue_id_fk" FOREIGN KEY ("catalogue_item_id") REFERENCES "public"."plan_item_catalogue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_items" ADD CONSTRAINT "plan_items_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sub_goals" ADD CONSTRAINT "plan_sub_goals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sub_goals" ADD CONSTRAINT "plan_sub_goals_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_signature_recorded_by_user_id_users_id_fk" FOREIGN KEY ("signature_recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_activated_by_user_id_users_id_fk" FOREIGN KEY ("activated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_user_id_users_id_fk" FOREIGN KEY ("completed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_conference_messages_conference" ON "case_conference_messages" USING btree ("conference_id","seq");--> statement-breakpoint
CREATE INDEX "case_conferences_client" ON "case_conferences" USING btree ("client_id","requested_at");--> statement-breakpoint
CREATE INDEX "case_conferences_catchment_status" ON "case_conferences" USING btree ("catchment_id","status");--> statement-breakpoint
CREATE INDEX "case_notes_client" ON "case_notes" USING btree ("client_id","seq");--> statement-breakpoint
CREATE INDEX "case_notes_org_contact" ON "case_notes" USING btree ("organization_id","client_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "caseload_one_current" ON "caseload_assignments" USING btree ("client_id","organization_id") WHERE "caseload_assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "caseload_caseworker" ON "caseload_assignments" USING btree ("caseworker_user_id") WHERE "caseload_assignments"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "icm_event_reads_user_client" ON "icm_event_reads" USING btree ("user_id","client_id");--> statement-breakpoint
CREATE INDEX "icm_events_client" ON "icm_events" USING btree ("client_id","seq");--> statement-breakpoint
CREATE INDEX "note_templates_catchment" ON "note_templates" USING btree ("catchment_id","active");--> statement-breakpoint
CREATE INDEX "plan_events_plan" ON "plan_events" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_goals_plan_ordinal" ON "plan_goals" USING btree ("plan_id","ordinal");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_item_catalogue_code" ON "plan_item_catalogue" USING btree ("catchment_id","code");--> statement-breakpoint
CREATE INDEX "plan_item_catalogue_kind" ON "plan_item_catalogue" USING btree ("catchment_id","sub_goal_kind");--> statement-breakpoint
CREATE INDEX "plan_items_plan" ON "plan_items" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_items_sub_goal" ON "plan_items" USING btree ("sub_goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_sub_goals_plan_goal_kind" ON "plan_sub_goals" USING btree ("plan_id","goal_ordinal","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_one_open_per_client" ON "plans" USING btree ("client_id") WHERE "plans"."status" <> 'closed';--> statement-breakpoint
CREATE UNIQUE INDEX "plans_assessment" ON "plans" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "plans_organization_status" ON "plans" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "plans_catchment_status" ON "plans" USING btree ("catchment_id","status");--> statement-breakpoint
CREATE INDEX "tasks_assignee_status" ON "tasks" USING btree ("assignee_user_id","status","due_on");--> statement-breakpoint
CREATE INDEX "tasks_client" ON "tasks" USING btree ("client_id","status");