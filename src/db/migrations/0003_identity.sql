CREATE TABLE "identity_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"status_before" text,
	"status_after" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_suspicions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"patient_id" uuid NOT NULL,
	"other_patient_id" uuid,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"score" smallint,
	"note" text,
	"detected_at" timestamp with time zone NOT NULL,
	"detected_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "patient_ins" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"matricule" text NOT NULL,
	"oid" text NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "patient_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"merged_at" timestamp with time zone NOT NULL,
	"merged_by" uuid,
	"moved_file_ids" uuid[] NOT NULL,
	"merged_attributes" text[] NOT NULL,
	"undo_until" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid,
	"undo_reason" text
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "identity_referent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "used_given_name" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "ins_retrieved" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "insi_called_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "insi_channel" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "document_checked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "validation_mode" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "validated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "identity_attributes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "merged_into" uuid;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "phonetic_birth_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "phonetic_used_name" text;--> statement-breakpoint
CREATE INDEX "identity_events_patient_at_idx" ON "identity_events" USING btree ("patient_id","at");--> statement-breakpoint
CREATE INDEX "identity_suspicions_status_idx" ON "identity_suspicions" USING btree ("status","detected_at");--> statement-breakpoint
CREATE INDEX "identity_suspicions_patient_idx" ON "identity_suspicions" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "identity_suspicions_other_idx" ON "identity_suspicions" USING btree ("other_patient_id");--> statement-breakpoint
CREATE INDEX "patient_ins_matricule_idx" ON "patient_ins" USING btree ("matricule");--> statement-breakpoint
CREATE INDEX "patient_ins_patient_idx" ON "patient_ins" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "patient_merges_survivor_idx" ON "patient_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "patient_merges_merged_idx" ON "patient_merges" USING btree ("merged_id");--> statement-breakpoint
CREATE INDEX "patients_birth_names_idx" ON "patients" USING btree ("search_birth_name","search_given_name");--> statement-breakpoint
CREATE INDEX "patients_used_names_idx" ON "patients" USING btree ("search_used_name","search_given_name");--> statement-breakpoint
CREATE INDEX "patients_commune_idx" ON "patients" USING btree ("commune_insee");--> statement-breakpoint
CREATE INDEX "patients_merged_into_idx" ON "patients" USING btree ("merged_into");