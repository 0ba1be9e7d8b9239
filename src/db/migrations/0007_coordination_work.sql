CREATE TABLE "care_team_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"mail_status" text NOT NULL,
	"first_used_at" timestamp with time zone,
	"account_completed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"requester_category" text NOT NULL,
	"requester_person_id" uuid,
	"requester_name" text NOT NULL,
	"requester_phone" text,
	"requester_email" text,
	"patient_id" uuid,
	"patient_given_name" text NOT NULL,
	"patient_family_name" text NOT NULL,
	"patient_birth_date" date,
	"patient_commune_insee" text,
	"patient_phone" text,
	"situation" text NOT NULL,
	"criteria" text[] DEFAULT '{}'::text[] NOT NULL,
	"urgency" text NOT NULL,
	"consent_to_contact" boolean NOT NULL,
	"mission" text,
	"assigned_to" uuid,
	"file_id" uuid,
	"redirected_to_organization_id" uuid,
	"redirected_to_name" text,
	"closure_reason" text,
	"outcome_message" text,
	"tracking_code_hash" text,
	"received_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patient_id" uuid NOT NULL,
	"file_id" uuid,
	"kind" text NOT NULL,
	"recipient_structure_id" uuid,
	"recipient_person_id" uuid,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"collected_at" timestamp with time zone NOT NULL,
	"collected_by" uuid NOT NULL,
	"channel" text NOT NULL,
	"document_id" uuid,
	"comment" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"assignee_person_id" uuid,
	"assignee_structure_id" uuid,
	"due_on" date,
	"priority" text NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"content" "bytea" NOT NULL,
	"stored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"scan_status" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"title" text NOT NULL,
	"type_code" text NOT NULL,
	"type_system" text NOT NULL,
	"visibility" text NOT NULL,
	"is_evaluation" boolean DEFAULT false NOT NULL,
	"current_version" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breakdowns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"structure_id" uuid NOT NULL,
	"file_id" uuid,
	"patient_id" uuid,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"cause" text NOT NULL,
	"structures_involved" text[] DEFAULT '{}'::text[] NOT NULL,
	"consequence" text NOT NULL,
	"description" text,
	"commune_insee" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coordination_files" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "coordination_files" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
ALTER TABLE "coordination_files" ADD COLUMN "mission" text;--> statement-breakpoint
ALTER TABLE "coordination_files" ADD COLUMN "support_level" text;--> statement-breakpoint
ALTER TABLE "coordination_files" ADD COLUMN "referral_id" uuid;--> statement-breakpoint
ALTER TABLE "care_team_invitations" ADD CONSTRAINT "care_team_invitations_file_id_coordination_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."coordination_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_team_invitations" ADD CONSTRAINT "care_team_invitations_member_id_care_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."care_team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_steps" ADD CONSTRAINT "referral_steps_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_comments" ADD CONSTRAINT "task_comments_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "care_team_invitations_token_key" ON "care_team_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "care_team_invitations_file_idx" ON "care_team_invitations" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "referral_steps_referral_idx" ON "referral_steps" USING btree ("referral_id","at");--> statement-breakpoint
CREATE INDEX "referrals_structure_status_idx" ON "referrals" USING btree ("structure_id","status","received_at");--> statement-breakpoint
CREATE INDEX "referrals_requester_idx" ON "referrals" USING btree ("requester_person_id","received_at");--> statement-breakpoint
CREATE INDEX "referrals_patient_idx" ON "referrals" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "referrals_tracking_idx" ON "referrals" USING btree ("tracking_code_hash");--> statement-breakpoint
CREATE INDEX "consents_patient_idx" ON "consents" USING btree ("patient_id","collected_at");--> statement-breakpoint
CREATE INDEX "task_comments_task_idx" ON "task_comments" USING btree ("task_id","written_at");--> statement-breakpoint
CREATE INDEX "tasks_file_idx" ON "tasks" USING btree ("file_id","status");--> statement-breakpoint
CREATE INDEX "tasks_assignee_person_idx" ON "tasks" USING btree ("assignee_person_id","status","due_on");--> statement-breakpoint
CREATE INDEX "tasks_assignee_structure_idx" ON "tasks" USING btree ("assignee_structure_id","status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_number_key" ON "document_versions" USING btree ("document_id","number");--> statement-breakpoint
CREATE INDEX "documents_file_idx" ON "documents" USING btree ("file_id","created_at");--> statement-breakpoint
CREATE INDEX "breakdowns_structure_occurred_idx" ON "breakdowns" USING btree ("structure_id","occurred_on");--> statement-breakpoint
CREATE INDEX "breakdowns_file_idx" ON "breakdowns" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "outbox_patient_occurred_idx" ON "outbox" USING btree ("patient_id","occurred_at","id");