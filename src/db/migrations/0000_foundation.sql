CREATE TYPE "public"."organization_kind" AS ENUM('ssm', 'provider', 'sa_office', 'ministry');--> statement-breakpoint
CREATE TYPE "public"."sa_program" AS ENUM('ow', 'odsp');--> statement-breakpoint
CREATE SEQUENCE "public"."client_reference_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_head" (
	"id" integer PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_organization_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"client_id" uuid,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catchments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catchments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "client_data_keys" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "client_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"catchment_id" uuid NOT NULL,
	"legal_given_name" text NOT NULL,
	"legal_family_name" text NOT NULL,
	"preferred_name" text,
	"family_name_key" text NOT NULL,
	"given_name_key" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sin_index" text,
	"sin_encrypted" "bytea",
	"sin_temporary" boolean DEFAULT false NOT NULL,
	"contact_encrypted" "bytea",
	"preferred_contact_method" text,
	"preferred_contact_time" text,
	"language" text DEFAULT 'en' NOT NULL,
	"language_other" text,
	"specialized_populations" jsonb NOT NULL,
	"sa_program" "sa_program",
	"sams_member_id" text,
	"sa_office_id" uuid,
	"sa_caseworker_id" uuid,
	"region_id" uuid,
	"created_by_organization_id" uuid NOT NULL,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "closure_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catchment_id" uuid NOT NULL,
	"date" date NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catchment_id" uuid NOT NULL,
	"kind" "organization_kind" NOT NULL,
	"sa_program" "sa_program",
	"name" text NOT NULL,
	"name_fr" text,
	"email" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_sa_program_check" CHECK (("organizations"."kind" = 'sa_office') = ("organizations"."sa_program" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catchment_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"region_id" uuid NOT NULL,
	"name" text NOT NULL,
	"street" text NOT NULL,
	"city" text NOT NULL,
	"postal_code" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"hours" jsonb NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"specialized_populations" text[] DEFAULT '{}'::text[] NOT NULL,
	"accessibility_features" text[] DEFAULT '{}'::text[] NOT NULL,
	"intake_capacity" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_credentials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"password_hash" text,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"roles" text[] NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "client_data_keys" ADD CONSTRAINT "client_data_keys_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_shares" ADD CONSTRAINT "client_shares_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_shares" ADD CONSTRAINT "client_shares_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_shares" ADD CONSTRAINT "client_shares_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_sa_office_id_organizations_id_fk" FOREIGN KEY ("sa_office_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_sa_caseworker_id_users_id_fk" FOREIGN KEY ("sa_caseworker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_created_by_organization_id_organizations_id_fk" FOREIGN KEY ("created_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closure_days" ADD CONSTRAINT "closure_days_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_credentials" ADD CONSTRAINT "user_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_client" ON "audit_log" USING btree ("client_id","seq");--> statement-breakpoint
CREATE INDEX "audit_log_actor" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "client_shares_org_client" ON "client_shares" USING btree ("organization_id","client_id");--> statement-breakpoint
CREATE INDEX "client_shares_client" ON "client_shares" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clients_sin_index" ON "clients" USING btree ("sin_index");--> statement-breakpoint
CREATE INDEX "clients_catchment_family_name" ON "clients" USING btree ("catchment_id","family_name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "clients_catchment_given_name" ON "clients" USING btree ("catchment_id","given_name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "clients_catchment_dob" ON "clients" USING btree ("catchment_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "clients_sams_member" ON "clients" USING btree ("sams_member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "closure_days_catchment_date" ON "closure_days" USING btree ("catchment_id","date");--> statement-breakpoint
CREATE INDEX "organizations_catchment_kind" ON "organizations" USING btree ("catchment_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "regions_catchment_code" ON "regions" USING btree ("catchment_id","code");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sites_organization" ON "sites" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "sites_region" ON "sites" USING btree ("region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "user_credentials_provider_subject" ON "user_credentials" USING btree ("provider","subject");--> statement-breakpoint
CREATE UNIQUE INDEX "user_credentials_user_provider" ON "user_credentials" USING btree ("user_id","provider");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_organization" ON "users" USING btree ("organization_id");