// Runs a use case for an HTTP request: one transaction, the caller as actor, the request's id and address.
import type { FastifyRequest } from 'fastify';
import { anonymousActor } from '../auth/actor.ts';
import { inTransaction, type Ctx } from '../context.ts';
import type { Database } from '../db/connect.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}

export function runUseCase<T>(request: FastifyRequest, work: (ctx: Ctx) => Promise<T>): Promise<T> {
  const actor = request.caller?.actor ?? anonymousActor;
  return inTransaction(request.server.database, { actor, now: new Date(), requestId: request.id, clientIp: request.ip }, work);
}
