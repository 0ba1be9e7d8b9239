// The French sentence of each domain event, shared by a file's timeline and a patient's life line.
import type { CareTeamRole, JournalCategory, PersonRef } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { personName } from '../lib/names.ts';

const texts = fr.timeline;

export type EventLike = { type: string; actor: PersonRef | null; payload: Record<string, unknown> };

/** Reads a text field of an event payload (docs/api.md names personId, role, personName, entryId, category, authorName). */
function payloadText(item: EventLike, key: string): string | undefined {
  const value = item.payload[key];
  return typeof value === 'string' ? value : undefined;
}

function roleLabel(role: string | undefined): string {
  if (!role) return fr.roles.careTeam.other;
  return fr.roles.careTeam[role as CareTeamRole] ?? role;
}

function categoryLabel(category: string | undefined): string {
  return fr.journal.categories[(category ?? 'note') as JournalCategory] ?? category;
}

/** One event of a file or of a patient's life line, as a French sentence; an unknown type stays sober. */
export function describeEvent(item: EventLike): string {
  const actorName = item.actor ? personName(item.actor) : texts.unknownPerson;
  const memberName = payloadText(item, 'personName') ?? texts.unknownPerson;
  switch (item.type) {
    case 'file.opened':
      return texts.fileOpened;
    case 'file.updated':
      return texts.fileUpdated;
    case 'file.closed':
      return texts.fileClosed;
    case 'file.reopened':
      return texts.fileReopened;
    case 'careTeam.memberAdded':
      return texts.memberAdded(memberName, roleLabel(payloadText(item, 'role')));
    case 'careTeam.memberEnded':
      return texts.memberEnded(memberName, roleLabel(payloadText(item, 'role')));
    case 'file.patientChanged':
      return texts.patientChanged;
    case 'orientation.requested':
      return texts.orientationRequested(payloadText(item, 'offerName') ?? '?', payloadText(item, 'organizationName') ?? '?');
    case 'orientation.answered': {
      const status = payloadText(item, 'status') ?? '';
      return texts.orientationAnswered(texts.orientationStatuses[status] ?? status);
    }
    case 'orientation.cancelled':
      return texts.orientationCancelled;
    case 'journal.entryWritten':
      return texts.entryWritten(categoryLabel(payloadText(item, 'category')), payloadText(item, 'authorName') ?? actorName);
    case 'file.suspended':
      return texts.fileSuspended;
    case 'referral.accepted':
      return texts.referralAccepted(payloadText(item, 'requesterName') ?? '?');
    case 'task.created':
      return texts.taskCreated(payloadText(item, 'title') ?? '?', payloadText(item, 'assigneeName'));
    case 'task.completed':
      return texts.taskCompleted(payloadText(item, 'title') ?? '?');
    case 'task.cancelled':
      return texts.taskCancelled(payloadText(item, 'title') ?? '?');
    case 'task.reopened':
    case 'task.updated':
      return texts.taskUpdated(payloadText(item, 'title') ?? '?');
    case 'task.commented':
      return texts.taskCommented(payloadText(item, 'title') ?? '?');
    case 'document.added':
      return texts.documentAdded(payloadText(item, 'title') ?? '?', payloadText(item, 'typeLabel') ?? '');
    case 'document.versionAdded':
      return texts.documentVersion(payloadText(item, 'title') ?? '?');
    case 'document.visibilityChanged':
    case 'document.updated':
      return texts.documentUpdated(payloadText(item, 'title') ?? '?');
    case 'document.deleted':
      return texts.documentDeleted(payloadText(item, 'title') ?? '?');
    case 'consent.recorded':
      return texts.consentRecorded(fr.consents.kinds[payloadText(item, 'kind') ?? ''] ?? '', payloadText(item, 'recipientName'));
    case 'consent.withdrawn':
      return texts.consentWithdrawn(fr.consents.kinds[payloadText(item, 'kind') ?? ''] ?? '');
    case 'breakdown.recorded':
    case 'breakdown.updated':
      return texts.breakdownRecorded(fr.breakdowns.kinds[payloadText(item, 'kind') ?? ''] ?? '');
    default:
      return texts.other;
  }
}

