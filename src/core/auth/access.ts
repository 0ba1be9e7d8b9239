// Asks the rights table on behalf of a use case; a refusal on patient data is audited.
import type { Ctx } from '../context.ts';
import { AuditedRefusal } from '../context.ts';
import type { AuditFacts } from '../audit/audit.ts';
import { isAllowed, type AccessTarget, type Action } from './rights.ts';
import { Forbidden } from '../http/errors.ts';

export function canDo(ctx: Ctx, action: Action, target: AccessTarget = {}): boolean {
  if (ctx.actor.kind === 'system') return true;
  const acting = ctx.actor.acting;
  return isAllowed({ role: acting?.role ?? null, structureId: acting?.structureId ?? null, identityReferent: acting?.identityReferent ?? false }, action, target);
}

/**
 * Throws 403 unless the action is allowed. When `audit` names the patient data at stake,
 * the refusal is written to the audit log even though the transaction rolls back.
 */
export function assertAllowed(
  ctx: Ctx,
  action: Action,
  target: AccessTarget = {},
  audit?: Omit<AuditFacts, 'action' | 'outcome'>,
): void {
  if (canDo(ctx, action, target)) return;
  const code = `access.${action}`;
  const message = `Not allowed: ${action}`;
  if (!audit) throw new Forbidden(code, message);
  throw new AuditedRefusal(code, message, { ...audit, action, outcome: 'denied' });
}
