// The state of an orientation request in words, with a colour as a second cue (shades dark enough
// for 4.5:1 under white text); a refusal says its reason.
import { Badge, type BadgeProps } from '@mantine/core';
import type { OrientationRequestStatus } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { labelOf, refusalReasonLabels } from './labels.ts';

const COLORS: Record<OrientationRequestStatus, string> = {
  sent: 'blue.9',
  accepted: '#24753a',
  refused: 'red.9',
  waiting_list: '#b03a0c',
  cancelled: 'gray.7',
};

type Props = {
  status: OrientationRequestStatus;
  refusalReason?: string | null;
  /** `incoming`: as the establishment reads it (a request sent is one to handle). */
  side?: 'requester' | 'incoming';
  size?: BadgeProps['size'];
};

export function RequestStatusBadge({ status, refusalReason, side = 'requester', size = 'lg' }: Props) {
  const label = side === 'incoming' && status === 'sent' ? fr.orientation.incoming.toHandle : (fr.orientation.statuses[status] ?? status);
  const reason = status === 'refused' && refusalReason ? ` (${labelOf(refusalReasonLabels, refusalReason).toLowerCase()})` : '';
  return (
    <Badge color={COLORS[status] ?? 'gray.7'} variant="filled" size={size} style={{ flexShrink: 0, maxWidth: '100%' }}>
      {label}
      {reason}
    </Badge>
  );
}
