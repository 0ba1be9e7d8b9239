// The one argument every use case takes first: who acts, in which transaction, at what time.
import type { Actor } from './auth/actor.ts';
import type { Database, Db } from './db/connect.ts';
import { appendAudit, type AuditFacts } from './audit/audit.ts';
import { Forbidden } from './http/errors.ts';

export type Ctx = {
  db: Db;
  actor: Actor;
  now: Date;
  requestId: string;
  clientIp: string | null;
};

export type CtxBase = Omit<Ctx, 'db'>;

/** A refusal that must stay in the audit log although the request's transaction rolls back. */
export class AuditedRefusal extends Forbidden {
  readonly audit: AuditFacts;
  constructor(code: string, message: string, audit: AuditFacts) {
    super(code, message);
    this.audit = audit;
  }
}

/** Runs a use case in one transaction; a refused access is then logged in a transaction of its own. */
export async function inTransaction<T>(database: Database, base: CtxBase, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  try {
    return await database.db.transaction((tx) => work({ ...base, db: tx as unknown as Db }));
  } catch (error) {
    if (error instanceof AuditedRefusal) {
      await database.db.transaction((tx) => appendAudit({ ...base, db: tx as unknown as Db }, error.audit));
    }
    throw error;
  }
}
