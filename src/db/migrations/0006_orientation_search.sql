ALTER TABLE "orientation_offers" ADD COLUMN "served_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- hand-added: offers written before this migration get their keys (rules.servedKeysOf)
UPDATE "orientation_offers" SET "served_keys" = ARRAY(SELECT "care_kind" || ':' || c FROM unnest("served_communes") AS c);--> statement-breakpoint
CREATE INDEX "orientation_offers_served_keys_idx" ON "orientation_offers" USING gin ("served_keys");--> statement-breakpoint
CREATE INDEX "orientation_offers_position_idx" ON "orientation_offers" USING btree ("care_kind","latitude") WHERE "orientation_offers"."active";