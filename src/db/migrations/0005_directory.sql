-- search_name columns are COLLATE "C" (hand-edited, as in 0004): normalised ASCII keys compared byte by
-- byte, so a plain b-tree serves LIKE 'abc%' whatever the database's collation.
CREATE TABLE "directory_activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_key" text NOT NULL,
	"professional_id" uuid NOT NULL,
	"mode_code" text,
	"mode_label" text,
	"role_code" text,
	"role_label" text,
	"skill_code" text,
	"skill_label" text,
	"site_siret" text,
	"site_finess" text,
	"legal_finess" text,
	"site_name" text,
	"address" text,
	"postal_code" text,
	"commune_insee" text,
	"commune_name" text,
	"phone" text,
	"email" text,
	"content_hash" text NOT NULL,
	"first_import_id" uuid NOT NULL,
	"seen_import_id" uuid NOT NULL,
	"changed_import_id" uuid,
	"gone_import_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_import_changes" (
	"import_id" uuid NOT NULL,
	"change" text NOT NULL,
	"record_kind" text NOT NULL,
	"identifier" text NOT NULL,
	"label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_import_problems" (
	"import_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"started_by" uuid,
	"bytes_total" integer,
	"bytes_read" integer DEFAULT 0 NOT NULL,
	"lines_read" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"partial" boolean DEFAULT false NOT NULL,
	"bad_lines" integer DEFAULT 0 NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "directory_mssante_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"box_type" text NOT NULL,
	"id_nat_ps" text,
	"structure_id_kind" text,
	"structure_identifier" text,
	"finess" text,
	"service" text,
	"label" text,
	"content_hash" text NOT NULL,
	"first_import_id" uuid NOT NULL,
	"seen_import_id" uuid NOT NULL,
	"changed_import_id" uuid,
	"gone_import_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_organizations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"finess" text NOT NULL,
	"legal_finess" text,
	"name" text NOT NULL,
	"long_name" text,
	"category_code" text,
	"category_label" text,
	"aggregate_code" text,
	"aggregate_label" text,
	"siret" text,
	"address" text,
	"postal_code" text,
	"commune_insee" text,
	"commune_name" text,
	"phone" text,
	"latitude" double precision,
	"longitude" double precision,
	"opened_on" text,
	"search_name" text COLLATE "C" NOT NULL,
	"structure_id" uuid,
	"content_hash" text NOT NULL,
	"first_import_id" uuid NOT NULL,
	"seen_import_id" uuid NOT NULL,
	"changed_import_id" uuid,
	"gone_import_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_professionals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"id_nat_ps" text NOT NULL,
	"rpps" text,
	"civility" text,
	"family_name" text NOT NULL,
	"given_name" text NOT NULL,
	"profession_code" text,
	"profession_label" text,
	"category_code" text,
	"search_name" text COLLATE "C" NOT NULL,
	"content_hash" text NOT NULL,
	"first_import_id" uuid NOT NULL,
	"seen_import_id" uuid NOT NULL,
	"changed_import_id" uuid,
	"gone_import_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"structure_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "territory_communes" (
	"territory_id" uuid NOT NULL,
	"commune_insee" text NOT NULL,
	CONSTRAINT "territory_communes_territory_id_commune_insee_pk" PRIMARY KEY("territory_id","commune_insee")
);
--> statement-breakpoint
CREATE TABLE "orientation_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"care_kind" text NOT NULL,
	"specialties" text[] DEFAULT '{}'::text[] NOT NULL,
	"age_min" smallint,
	"age_max" smallint,
	"conditions" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity" integer,
	"free_places" integer,
	"free_places_at" timestamp with time zone,
	"commune_insee" text,
	"latitude" double precision,
	"longitude" double precision,
	"served_communes" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_phone" text,
	"contact_email" text,
	"contact_mssante" text,
	"opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orientation_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requester_structure_id" uuid,
	"message" text NOT NULL,
	"status" text NOT NULL,
	"refusal_reason" text,
	"answer_note" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"answer_recorded_by_requester" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_activities" ADD CONSTRAINT "directory_activities_professional_id_directory_professionals_id_fk" FOREIGN KEY ("professional_id") REFERENCES "public"."directory_professionals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_import_changes" ADD CONSTRAINT "directory_import_changes_import_id_directory_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."directory_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_import_problems" ADD CONSTRAINT "directory_import_problems_import_id_directory_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."directory_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "territory_communes" ADD CONSTRAINT "territory_communes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orientation_requests" ADD CONSTRAINT "orientation_requests_offer_id_orientation_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."orientation_offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "directory_activities_key" ON "directory_activities" USING btree ("activity_key");--> statement-breakpoint
CREATE INDEX "directory_activities_professional_idx" ON "directory_activities" USING btree ("professional_id");--> statement-breakpoint
CREATE INDEX "directory_activities_commune_idx" ON "directory_activities" USING btree ("commune_insee");--> statement-breakpoint
CREATE INDEX "directory_import_changes_import_idx" ON "directory_import_changes" USING btree ("import_id","change");--> statement-breakpoint
CREATE INDEX "directory_import_problems_import_idx" ON "directory_import_problems" USING btree ("import_id","line_no");--> statement-breakpoint
CREATE INDEX "directory_imports_kind_started_idx" ON "directory_imports" USING btree ("kind","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "directory_mssante_address_key" ON "directory_mssante_addresses" USING btree ("address");--> statement-breakpoint
CREATE INDEX "directory_mssante_id_nat_ps_idx" ON "directory_mssante_addresses" USING btree ("id_nat_ps");--> statement-breakpoint
CREATE INDEX "directory_mssante_finess_idx" ON "directory_mssante_addresses" USING btree ("finess");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_organizations_finess_key" ON "directory_organizations" USING btree ("finess");--> statement-breakpoint
CREATE INDEX "directory_organizations_search_idx" ON "directory_organizations" USING btree ("search_name");--> statement-breakpoint
CREATE INDEX "directory_organizations_name_trgm_idx" ON "directory_organizations" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "directory_organizations_commune_idx" ON "directory_organizations" USING btree ("commune_insee");--> statement-breakpoint
CREATE INDEX "directory_organizations_structure_idx" ON "directory_organizations" USING btree ("structure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_professionals_id_nat_ps_key" ON "directory_professionals" USING btree ("id_nat_ps");--> statement-breakpoint
CREATE INDEX "directory_professionals_search_idx" ON "directory_professionals" USING btree ("search_name");--> statement-breakpoint
CREATE INDEX "directory_professionals_profession_idx" ON "directory_professionals" USING btree ("profession_code");--> statement-breakpoint
CREATE INDEX "orientation_offers_organization_idx" ON "orientation_offers" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "orientation_offers_kind_idx" ON "orientation_offers" USING btree ("care_kind") WHERE "orientation_offers"."active";--> statement-breakpoint
CREATE INDEX "orientation_offers_specialties_idx" ON "orientation_offers" USING gin ("specialties");--> statement-breakpoint
CREATE INDEX "orientation_offers_served_idx" ON "orientation_offers" USING gin ("served_communes");--> statement-breakpoint
CREATE INDEX "orientation_requests_file_idx" ON "orientation_requests" USING btree ("file_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "orientation_requests_organization_idx" ON "orientation_requests" USING btree ("organization_id","status");