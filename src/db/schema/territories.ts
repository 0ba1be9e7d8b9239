// Tables of the territories capability: the territory a DAC or CPTS serves, as a list of communes.
// Communes themselves (INSEE code, name, population) are reference data read from
// @etalab/decoupage-administratif, not a table.
import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const territories = pgTable('territories', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  // dac | cpts | other
  kind: text('kind').notNull(),
  // the structure (DAC, CPTS) that serves it
  structureId: uuid('structure_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});

export const territoryCommunes = pgTable(
  'territory_communes',
  {
    territoryId: uuid('territory_id').notNull().references(() => territories.id),
    communeInsee: text('commune_insee').notNull(),
  },
  (t) => [primaryKey({ columns: [t.territoryId, t.communeInsee] })],
);
