// What the acting role may ever do, read from the server's rights table so there is one: the web
// shows only the pages and buttons that can work; the server still decides every request. Identity
// vigilance (the queue, merges) also needs the acting membership to be designated identity referent.
import { mayEverDo, type Action } from '../../../src/core/auth/rights.ts';
import type { MeView } from '../api/types.ts';

export function mayDo(me: MeView, action: Action): boolean {
  return mayEverDo(me.acting?.role ?? null, action, me.acting?.identityReferent ?? false);
}
