// Who acts in a request: a person through one of their memberships, or the platform itself (jobs, demo loading).
import type { Role } from './rights.ts';

export type Membership = { id: string; structureId: string; structureName: string; role: Role; identityReferent: boolean };

export type Actor = {
  kind: 'person' | 'system' | 'anonymous';
  personId: string | null;
  displayName: string;
  /** The membership the person acts through now: it sets the acting role and structure. */
  acting: Membership | null;
  memberships: Membership[];
};

/** The platform acting on its own (demo loading, jobs): named so the audit says who did it. */
export function systemActor(name: string): Actor {
  return { kind: 'system', personId: null, displayName: `system:${name}`, acting: null, memberships: [] };
}

/** Before login: may do nothing but log in. */
export const anonymousActor: Actor = { kind: 'anonymous', personId: null, displayName: 'anonymous', acting: null, memberships: [] };
