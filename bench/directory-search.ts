// Orientation search of `npm run bench:directory`: 25,000 directory organizations and 100,000 active
// offers written in bulk SQL (not through the API), a coordinator's API token, and the search over
// HTTP beside the same SQL run directly.
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { CARE_KINDS, SPECIALTIES } from '#src/orientation/rules.ts';
import type { Database } from '#src/core/db/connect.ts';
import { inTransaction } from '#src/core/context.ts';
import { systemActor } from '#src/core/auth/actor.ts';
import { createApiTokenFor } from '#src/accounts/service.ts';
import { generateSyntheticRegion } from './synthetic-region.ts';
import type { Call, HttpClient, Rng } from './load.ts';
import type { Commune } from './directory-data.ts';

/** The communes in a temporary table, ordered by code, so that neighbouring ords are neighbouring communes. */
async function loadCommunes(client: pg.ClientBase, communes: Commune[]): Promise<void> {
  await client.query('create temp table bench_communes (ord int primary key, code text, name text, postal_code text, latitude float8, longitude float8)');
  await client.query(`insert into bench_communes select row_number() over (order by code), code, name, pc, lat, lon
    from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[]) as t(code, name, pc, lat, lon)`,
  [communes.map((c) => c.code), communes.map((c) => c.name), communes.map((c) => c.postalCode), communes.map((c) => c.latitude), communes.map((c) => c.longitude)]);
}

/** Organizations spread over the communes (about 20 each), positioned within ~3 km of their commune. */
const ORGANIZATIONS_SQL = `
  insert into directory_organizations (id, finess, name, category_code, category_label, postal_code, commune_insee, commune_name,
    latitude, longitude, search_name, content_hash, first_import_id, seen_import_id, updated_at)
  select gen_random_uuid(), '99' || lpad(g::text, 7, '0'), 'ETABLISSEMENT ' || g, (array['500','124','354','209','603'])[1 + g % 5],
    (array['EHPAD','Centre de santé','SSIAD','SAAD','Centre hospitalier'])[1 + g % 5], c.postal_code, c.code, c.name,
    c.latitude + (random() - 0.5) * 0.05, c.longitude + (random() - 0.5) * 0.07, 'etablissement ' || g, md5(g::text), $2::uuid, $2::uuid, now()
  from generate_series(1, $1::int) g join bench_communes c on c.ord = 1 + g % (select count(*) from bench_communes)`;

/**
 * Offers: kind and specialty cycle through the thesaurus; a quarter have no age bound, the rest
 * adults, elders or children; half have free places; each serves its own commune and the next
 * 0 to 79 (skewed towards few: most offers serve a canton, some a whole department).
 */
const OFFERS_SQL = `
  with orgs as (select row_number() over (order by id) as n, o.id, o.latitude, o.longitude, c.ord
                from directory_organizations o join bench_communes c on c.code = o.commune_insee),
  base as (select g, 1 + floor(power(random(), 2.5) * 80)::int as k, random() as r, org.*
           from generate_series(1, $1::int) g join orgs org on org.n = 1 + g % (select count(*) from orgs))
  insert into orientation_offers (id, organization_id, name, care_kind, specialties, age_min, age_max, capacity, free_places, free_places_at,
    commune_insee, latitude, longitude, served_communes, served_keys, contact_phone, active, complete, created_at, updated_at)
  select gen_random_uuid(), id, 'Offre ' || g, ($2::text[])[1 + g % cardinality($2::text[])],
    case when r < 0.6 then array[($3::text[])[1 + (g * 7) % cardinality($3::text[])]] else '{}' end,
    case when r < 0.25 then null when r < 0.55 then 18 when r < 0.9 then 60 else 0 end,
    case when r < 0.9 then null else 17 end,
    10 + g % 110, case when g % 2 = 0 then 0 else 1 + g % 9 end, now(),
    (select code from bench_communes c where c.ord = base.ord), latitude, longitude,
    array(select code from bench_communes b where b.ord >= base.ord and b.ord < base.ord + k order by b.ord),
    array(select ($2::text[])[1 + g % cardinality($2::text[])] || ':' || code from bench_communes b where b.ord >= base.ord and b.ord < base.ord + k order by b.ord),
    '0240000000', true, r < 0.7, now(), now()
  from base`;

export async function seedOffers(url: string, communes: Commune[], organizations: number, offers: number, log: (l: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await loadCommunes(client, communes);
    let t = performance.now();
    await client.query(ORGANIZATIONS_SQL, [organizations, '00000000-0000-4000-8000-000000000001']);
    log(`  ${organizations} organizations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await client.query(OFFERS_SQL, [offers, CARE_KINDS, SPECIALTIES]);
    log(`  ${offers} offers in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await client.query('analyze directory_organizations; analyze orientation_offers');
  } finally {
    await client.end();
  }
}

/** A small region (for its DAC and coordinators), then an API token for one coordinator. */
export async function coordinatorToken(database: Database, log: (l: string) => void): Promise<string> {
  await generateSyntheticRegion(database, { patients: 500, journalEntries: 500, seed: 1, log: (l) => log(`  ${l}`) });
  const rows = ((await database.db.execute(
    sql`select p.email from people p join memberships m on m.person_id = p.id and m.ended_at is null
      where m.role = 'coordinator' order by p.email limit 1`,
  )) as unknown as { rows: { email: string }[] }).rows;
  const base = { actor: systemActor('bench'), now: new Date(), requestId: 'bench-directory', clientIp: null };
  return inTransaction(database, base, (ctx) => createApiTokenFor(ctx, rows[0]!.email, 'bench directory'));
}

export type SearchParams = { careKind: string; commune: string; age: number };

/** Random realistic parameters: any kind, any commune of the region, ages weighted towards the elderly (the DAC's patients). */
export function randomSearch(rng: Rng, communes: Commune[]): SearchParams {
  const age = rng.next() < 0.7 ? 60 + Math.floor(rng.next() * 35) : Math.floor(rng.next() * 60);
  return { careKind: rng.pick(CARE_KINDS), commune: rng.pick(communes).code, age };
}

export function httpSearch(client: HttpClient, token: string, communes: Commune[]): Call {
  return async (_loop, rng) => {
    const p = randomSearch(rng, communes);
    const res = await client.request('GET', `/api/orientation/search?careKind=${p.careKind}&commune=${p.commune}&age=${p.age}&radiusKm=30`, token);
    return res.status === 200 ? true : `HTTP ${res.status} ${res.body.slice(0, 200)}`;
  };
}

const COMMUNE_POINT_SQL = `select avg(latitude) as latitude, avg(longitude) as longitude from directory_organizations
  where commune_insee = $1 and latitude is not null and gone_import_id is null`;

/** The statement searchOffers (src/orientation/repo.ts) builds for careKind + age + commune with a position. */
export const SEARCH_SQL = `
  select o.*, (o.served_keys @> array[$4 || ':' || $1]::text[]) as serves,
    (2 * 6371 * asin(least(1, sqrt(power(sin(radians(o.latitude - $2) / 2), 2)
      + cos(radians($2)) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - $3) / 2), 2))))) as km
  from orientation_offers o
  where o.active = true and o.care_kind = $4 and (o.age_min is null or o.age_min <= $5) and (o.age_max is null or o.age_max >= $5)
    and ((o.served_keys @> array[$4 || ':' || $1]::text[])
      or (o.latitude between $2::float8 - $6::float8 / 111.2 and $2::float8 + $6::float8 / 111.2
        and o.longitude between $3::float8 - $6::float8 / (111.2 * cos(radians($2::float8))) and $3::float8 + $6::float8 / (111.2 * cos(radians($2::float8)))
        and (2 * 6371 * asin(least(1, sqrt(power(sin(radians(o.latitude - $2) / 2), 2)
          + cos(radians($2)) * cos(radians(o.latitude)) * power(sin(radians(o.longitude - $3) / 2), 2))))) <= $6))
  order by serves desc, (coalesce(o.free_places, 0) > 0) desc, km asc nulls last, o.name asc, o.id asc
  limit 20`;

/** Baseline: the same three statements the use case runs (commune position, search, organizations of the hits), no HTTP/auth/ORM/JSON. */
export function sqlSearch(pool: pg.Pool, communes: Commune[]): Call {
  return async (_loop, rng) => {
    const p = randomSearch(rng, communes);
    const point = (await pool.query(COMMUNE_POINT_SQL, [p.commune])).rows[0] as { latitude: number | null; longitude: number | null };
    const hits = (await pool.query(SEARCH_SQL, [p.commune, point.latitude, point.longitude, p.careKind, p.age, 30])).rows as { organization_id: string }[];
    await pool.query('select * from directory_organizations where id = any($1::uuid[])', [[...new Set(hits.map((h) => h.organization_id))]]);
    return true;
  };
}
