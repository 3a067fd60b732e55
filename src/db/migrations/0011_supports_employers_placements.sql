CREATE TYPE "public"."employer_support_use" AS ENUM('on_the_job_accommodation', 'onboarding_costs', 'placement_incentive');--> statement-breakpoint
CREATE TYPE "public"."funding_source" AS ENUM('erfs', 'odsp_client_reserve');--> statement-breakpoint
CREATE TYPE "public"."odsp_reserve_use" AS ENUM('workplace_accommodation', 'specialized_diagnostic_assessment');--> statement-breakpoint
CREATE TYPE "public"."purchase_form" AS ENUM('goods_or_services', 'gift_card', 'gas_card', 'debt_payment');--> statement-breakpoint
CREATE TYPE "public"."seller_kind" AS ENUM('business', 'individual');--> statement-breakpoint
CREATE TYPE "public"."site_visit_mode" AS ENUM('in_person', 'virtual', 'phone');--> statement-breakpoint
CREATE TYPE "public"."support_category" AS ENUM('technology', 'short_term_transportation', 'work_clothing_grooming', 'special_equipment_supplies', 'occupational_certification', 'short_term_training', 'emergency_childcare', 'work_related_disability', 'other');--> statement-breakpoint
CREATE TYPE "public"."support_evidence_kind" AS ENUM('itemized_receipt', 'employer_invoice', 'card_purchase_receipt', 'card_slip', 'account_screenshot', 'handwritten_receipt', 'placement_agreement');--> statement-breakpoint
CREATE TYPE "public"."support_kind" AS ENUM('client', 'employer');--> statement-breakpoint
CREATE TYPE "public"."support_state" AS ENUM('draft', 'requested', 'pre_approval_pending', 'approved', 'issued', 'reported', 'report_approved', 'withheld', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."withhold_reason" AS ENUM('missing_or_improper_evidence', 'no_evidence_of_need', 'not_in_line_with_guidelines', 'pre_approval_missing', 'ministry_does_not_reimburse', 'malfeasance_review');--> statement-breakpoint
CREATE SEQUENCE "public"."support_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "employer_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"phone" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"label" text NOT NULL,
	"street" text NOT NULL,
	"city" text NOT NULL,
	"postal_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_site_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"location_id" uuid,
	"visited_on" date NOT NULL,
	"mode" "site_visit_mode" NOT NULL,
	"visited_by_user_id" uuid NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catchment_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"legal_name" text NOT NULL,
	"operating_name" text,
	"ontario_licence_number" text,
	"wsib_account_number" text,
	"workplace_insurance_note" text,
	"liability_insurer" text,
	"liability_policy_number" text,
	"liability_insurance_expires_on" date,
	"checklist" jsonb NOT NULL,
	"checklist_checked_on" date,
	"checklist_checked_by_user_id" uuid,
	"registered_on" date,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "erfs_budgets" (
	"organization_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"base_per_client_cents" integer NOT NULL,
	"client_volume" integer NOT NULL,
	"operational_cents" bigint NOT NULL,
	"reallocation_cents" bigint DEFAULT 0 NOT NULL,
	"odsp_reserve_cents" bigint,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "erfs_budgets_amounts" CHECK ("erfs_budgets"."base_per_client_cents" >= 0 and "erfs_budgets"."client_volume" >= 0 and "erfs_budgets"."operational_cents" >= 0),
	CONSTRAINT "erfs_budgets_reallocation" CHECK ("erfs_budgets"."reallocation_cents" >= 0 and "erfs_budgets"."reallocation_cents" * 10 <= "erfs_budgets"."operational_cents"),
	CONSTRAINT "erfs_budgets_reserve" CHECK ("erfs_budgets"."odsp_reserve_cents" is null or "erfs_budgets"."odsp_reserve_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"support_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"location_id" uuid,
	"job_title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"ended_on" date,
	"minutes_per_week" integer NOT NULL,
	"schedule_note" text DEFAULT '' NOT NULL,
	"hourly_wage_cents" integer,
	"training_incentive_cents" integer NOT NULL,
	"intended_to_continue" boolean DEFAULT false NOT NULL,
	"agreement_signed_on" date,
	"client_consent_signed_on" date,
	"employer_support_period_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_support_id_unique" UNIQUE("support_id"),
	CONSTRAINT "placements_dates" CHECK ("placements"."ends_on" >= "placements"."starts_on" and ("placements"."ended_on" is null or "placements"."ended_on" >= "placements"."starts_on")),
	CONSTRAINT "placements_minutes" CHECK ("placements"."minutes_per_week" between 0 and 10080),
	CONSTRAINT "placements_amounts" CHECK ("placements"."training_incentive_cents" >= 0 and ("placements"."hourly_wage_cents" is null or "placements"."hourly_wage_cents" >= 0))
);
--> statement-breakpoint
CREATE TABLE "support_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"support_id" uuid NOT NULL,
	"kind" "support_evidence_kind" NOT NULL,
	"storage_key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"sha256" text NOT NULL,
	"file_name_sealed" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "support_evidence_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "support_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"client_id" uuid NOT NULL,
	"plan_id" uuid,
	"organization_id" uuid NOT NULL,
	"catchment_id" uuid NOT NULL,
	"kind" "support_kind" NOT NULL,
	"category" "support_category",
	"employer_use" "employer_support_use",
	"funding_source" "funding_source" DEFAULT 'erfs' NOT NULL,
	"odsp_reserve_use" "odsp_reserve_use",
	"odsp_declarations" jsonb,
	"description_sealed" "bytea" NOT NULL,
	"vendor_name" text NOT NULL,
	"seller_kind" "seller_kind" DEFAULT 'business' NOT NULL,
	"purchase_form" "purchase_form" DEFAULT 'goods_or_services' NOT NULL,
	"amount_cents" integer NOT NULL,
	"services_debt" boolean DEFAULT false NOT NULL,
	"period_from" date,
	"period_to" date,
	"employer_provides_ppe" boolean DEFAULT false NOT NULL,
	"plan_goal_ordinal" integer,
	"plan_item_id" uuid,
	"evidence_of_need_sealed" "bytea" NOT NULL,
	"why_could_not_pay_sealed" "bytea" NOT NULL,
	"reasonable_cost_sealed" "bytea" NOT NULL,
	"barrier_temporary" boolean NOT NULL,
	"no_other_funding_source" boolean NOT NULL,
	"sa_coordination_note_sealed" "bytea",
	"planned_issue_on" date NOT NULL,
	"state" "support_state" NOT NULL,
	"pre_approval_reasons" jsonb NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"approved_on" date,
	"pre_approved_by_user_id" uuid,
	"pre_approved_at" timestamp with time zone,
	"pre_approval_note_sealed" "bytea",
	"issued_on" date,
	"payment_method" text,
	"payment_reference" text,
	"issued_by_user_id" uuid,
	"report_due_on" date,
	"reported_on" date,
	"reported_by_user_id" uuid,
	"report_note_sealed" "bytea",
	"reviewed_at" timestamp with time zone,
	"reviewed_by_user_id" uuid,
	"withhold_reason" "withhold_reason",
	"review_note_sealed" "bytea",
	"cancelled_at" timestamp with time zone,
	"cancelled_by_user_id" uuid,
	"cancel_reason_sealed" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "support_requests_reference_unique" UNIQUE("reference"),
	CONSTRAINT "support_requests_amount" CHECK ("support_requests"."amount_cents" >= 0),
	CONSTRAINT "support_requests_kind" CHECK (("support_requests"."kind" = 'client' and "support_requests"."category" is not null and "support_requests"."employer_use" is null)
        or ("support_requests"."kind" = 'employer' and "support_requests"."category" is null and "support_requests"."employer_use" is not null)),
	CONSTRAINT "support_requests_period" CHECK ("support_requests"."period_to" is null or "support_requests"."period_from" is null or "support_requests"."period_to" >= "support_requests"."period_from"),
	CONSTRAINT "support_requests_goal" CHECK ("support_requests"."plan_goal_ordinal" is null or "support_requests"."plan_goal_ordinal" in (1, 2)),
	CONSTRAINT "support_requests_withheld" CHECK (("support_requests"."state" = 'withheld') = ("support_requests"."withhold_reason" is not null)),
	CONSTRAINT "support_requests_reserve" CHECK (("support_requests"."funding_source" = 'odsp_client_reserve') = ("support_requests"."odsp_reserve_use" is not null))
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "status_quo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "employer_contacts" ADD CONSTRAINT "employer_contacts_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_locations" ADD CONSTRAINT "employer_locations_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_site_visits" ADD CONSTRAINT "employer_site_visits_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_site_visits" ADD CONSTRAINT "employer_site_visits_location_id_employer_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."employer_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_site_visits" ADD CONSTRAINT "employer_site_visits_visited_by_user_id_users_id_fk" FOREIGN KEY ("visited_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_checklist_checked_by_user_id_users_id_fk" FOREIGN KEY ("checklist_checked_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erfs_budgets" ADD CONSTRAINT "erfs_budgets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erfs_budgets" ADD CONSTRAINT "erfs_budgets_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_support_id_support_requests_id_fk" FOREIGN KEY ("support_id") REFERENCES "public"."support_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_location_id_employer_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."employer_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_employer_support_period_id_employer_support_periods_id_fk" FOREIGN KEY ("employer_support_period_id") REFERENCES "public"."employer_support_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_evidence" ADD CONSTRAINT "support_evidence_support_id_support_requests_id_fk" FOREIGN KEY ("support_id") REFERENCES "public"."support_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_evidence" ADD CONSTRAINT "support_evidence_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_plan_item_id_plan_items_id_fk" FOREIGN KEY ("plan_item_id") REFERENCES "public"."plan_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_pre_approved_by_user_id_users_id_fk" FOREIGN KEY ("pre_approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_reported_by_user_id_users_id_fk" FOREIGN KEY ("reported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_reviewed_by_user_id_users_id_fk" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_requests" ADD CONSTRAINT "support_requests_cancelled_by_user_id_users_id_fk" FOREIGN KEY ("cancelled_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_contacts_employer" ON "employer_contacts" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "employer_locations_employer" ON "employer_locations" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "employer_site_visits_employer" ON "employer_site_visits" USING btree ("employer_id","visited_on");--> statement-breakpoint
CREATE INDEX "employers_organization" ON "employers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "employers_catchment_name" ON "employers" USING btree ("catchment_id","legal_name");--> statement-breakpoint
CREATE UNIQUE INDEX "erfs_budgets_pk" ON "erfs_budgets" USING btree ("organization_id","fiscal_year");--> statement-breakpoint
CREATE INDEX "placements_plan" ON "placements" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "placements_employer" ON "placements" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "support_evidence_support" ON "support_evidence" USING btree ("support_id");--> statement-breakpoint
CREATE INDEX "support_requests_plan" ON "support_requests" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "support_requests_client" ON "support_requests" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "support_requests_organization_state" ON "support_requests" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "support_requests_catchment_state" ON "support_requests" USING btree ("catchment_id","state");