// Pure rules of information, consent and objection (R-LEG-3 to R-LEG-5, /shared/domain/rules.md §5).
// Inside the care team, strictly necessary information is shared without consent; outside it, only
// what an active consent covers; an objection stops sharing with everyone but the holding structure.
import { BadInput } from '#src/core/http/errors.ts';

/** `information`: the person was told how their data is used and who the DPO is; `sharing`: consent to share outside the care team; `opposition`: objection to sharing. */
export const CONSENT_KINDS = ['information', 'sharing', 'opposition'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const COLLECTION_CHANNELS = ['oral', 'signed_document', 'electronic'] as const;
export type CollectionChannel = (typeof COLLECTION_CHANNELS)[number];

/**
 * What a sharing consent may cover. `file` is the file itself (who coordinates, the care team): any
 * sharing covers it, since the recipient must know who to talk to.
 */
export const SHARE_CATEGORIES = ['file', 'journal', 'tasks', 'documents'] as const;
export type ShareCategory = (typeof SHARE_CATEGORIES)[number];

/** Which category of information an action on a file reads; actions not listed are never shared by consent. */
const CATEGORY_OF_ACTION: Record<string, ShareCategory> = {
  'file.read': 'file',
  'patient.lifeline': 'file',
  'journal.read': 'journal',
  'task.read': 'tasks',
  'document.read': 'documents',
};

export function categoryOfAction(action: string): ShareCategory | null {
  return CATEGORY_OF_ACTION[action] ?? null;
}

export type ConsentFacts = {
  kind: string;
  recipientStructureId: string | null;
  recipientPersonId: string | null;
  categories: readonly string[];
  collectedAt: Date;
  withdrawnAt: Date | null;
};

export function isActiveAt(consent: Pick<ConsentFacts, 'collectedAt' | 'withdrawnAt'>, at: Date): boolean {
  return consent.collectedAt.getTime() <= at.getTime() && (consent.withdrawnAt === null || at.getTime() < consent.withdrawnAt.getTime());
}

/** Where the patient stands towards one reader at a time: objection, and the categories consented to them. */
export type SharingStanding = { opposed: boolean; categories: ReadonlySet<ShareCategory> };

export function standingFor(consents: readonly ConsentFacts[], reader: { personId: string | null; structureId: string | null }, at: Date): SharingStanding {
  const active = consents.filter((c) => isActiveAt(c, at));
  const opposed = active.some((c) => c.kind === 'opposition');
  const covering = active.filter(
    (c) =>
      c.kind === 'sharing' &&
      ((reader.personId !== null && c.recipientPersonId === reader.personId) || (reader.structureId !== null && c.recipientStructureId === reader.structureId)),
  );
  const categories = new Set(covering.flatMap((c) => c.categories as ShareCategory[]));
  return { opposed, categories };
}

export type NewConsent = {
  kind: ConsentKind;
  recipientStructureId?: string | null | undefined;
  recipientPersonId?: string | null | undefined;
  categories?: readonly ShareCategory[] | undefined;
  collectedAt: Date;
  channel: CollectionChannel;
  documentId?: string | null | undefined;
};

/** A sharing consent names one recipient and what it covers; the other kinds name none; nothing is collected in the future. */
export function checkNewConsent(consent: NewConsent, now: Date): ShareCategory[] {
  if (consent.collectedAt.getTime() > now.getTime()) {
    throw new BadInput('consents.collected_in_future', 'A consent cannot be collected in the future', { collectedAt: 'must not be in the future' });
  }
  if (consent.channel === 'signed_document' && !consent.documentId) {
    throw new BadInput('consents.document_required', 'A signed consent needs its document', { documentId: 'attach the signed document' });
  }
  if (consent.kind !== 'sharing') {
    if (consent.recipientPersonId || consent.recipientStructureId || (consent.categories?.length ?? 0) > 0) {
      throw new BadInput('consents.recipient_not_expected', 'Only a sharing consent names a recipient', { kind: 'only sharing has a recipient and categories' });
    }
    return [];
  }
  const recipients = [consent.recipientPersonId, consent.recipientStructureId].filter(Boolean);
  if (recipients.length !== 1) {
    throw new BadInput('consents.recipient_required', 'Name one recipient: a person or a structure', { recipient: 'one person or one structure' });
  }
  if (!consent.categories || consent.categories.length === 0) {
    throw new BadInput('consents.categories_required', 'Say what the consent covers', { categories: 'at least one category' });
  }
  return [...new Set<ShareCategory>(['file', ...consent.categories])];
}

/** The events a consented reader may see in a timeline: the file's own and its team's, plus those of each category covered. */
const EVENT_PREFIXES: Record<ShareCategory, readonly string[]> = { file: ['file.', 'careTeam.'], journal: ['journal.'], tasks: ['task.'], documents: ['document.'] };

export function eventVisibleThroughConsent(type: string, categories: ReadonlySet<string>): boolean {
  return [...categories].some((category) => (EVENT_PREFIXES[category as ShareCategory] ?? []).some((prefix) => type.startsWith(prefix)));
}
