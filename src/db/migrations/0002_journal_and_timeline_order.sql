DROP INDEX "journal_file_written_idx";--> statement-breakpoint
DROP INDEX "outbox_file_occurred_idx";--> statement-breakpoint
CREATE INDEX "journal_file_written_idx" ON "journal_entries" USING btree ("file_id","written_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outbox_file_occurred_idx" ON "outbox" USING btree ("file_id","occurred_at","id");