import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';

const startedAt = Date.now();

export async function registerHealthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/health', { config: { access: 'public' } }, async () => {
    await app.database.db.execute(sql`select 1`);
    return {
      status: 'ok',
      database: app.database.kind,
      version: process.env.npm_package_version ?? '0.1.0',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  });
}
