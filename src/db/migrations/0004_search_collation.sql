DROP INDEX "patients_search_birth_name_idx";--> statement-breakpoint
DROP INDEX "patients_search_used_name_idx";--> statement-breakpoint
DROP INDEX "patients_birth_names_idx";--> statement-breakpoint
DROP INDEX "patients_used_names_idx";--> statement-breakpoint
-- Normalised ASCII search keys compare byte by byte: with COLLATE "C" a plain b-tree serves LIKE 'abc%'
-- and ORDER BY together, whatever the database's collation (fr_FR, C.UTF-8…).
ALTER TABLE "patients" ALTER COLUMN "search_birth_name" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "patients" ALTER COLUMN "search_used_name" TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "patients" ALTER COLUMN "search_given_name" TYPE text COLLATE "C";--> statement-breakpoint
CREATE INDEX "patients_birth_names_idx" ON "patients" USING btree ("search_birth_name","search_given_name","birth_date");--> statement-breakpoint
CREATE INDEX "patients_used_names_idx" ON "patients" USING btree ("search_used_name","search_given_name","birth_date");
