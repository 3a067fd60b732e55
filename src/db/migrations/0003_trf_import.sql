CREATE TABLE "trf_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catchment_id" uuid NOT NULL,
	"file_hash" text NOT NULL,
	"file_name" text NOT NULL,
	"imported_by_user_id" uuid NOT NULL,
	"summary" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referrals" ADD COLUMN "source_reference" text;--> statement-breakpoint
ALTER TABLE "trf_imports" ADD CONSTRAINT "trf_imports_catchment_id_catchments_id_fk" FOREIGN KEY ("catchment_id") REFERENCES "public"."catchments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trf_imports" ADD CONSTRAINT "trf_imports_imported_by_user_id_users_id_fk" FOREIGN KEY ("imported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "trf_imports_file" ON "trf_imports" USING btree ("catchment_id","file_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "referrals_source_reference" ON "referrals" USING btree ("catchment_id","source","source_reference") WHERE "referrals"."source_reference" is not null;