// The identity status and the vigilance attributes as badges: words first, colour only as a second cue.
import { Badge, Group, type BadgeProps } from '@mantine/core';
import type { IdentityAttribute, IdentityStatus } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';

// Grey, blue, teal, green: from provisional to qualified. Shades dark enough for 4.5:1 under white text.
const STATUS_COLORS: Record<IdentityStatus, string> = {
  PROV: 'gray.7',
  RECUP: 'blue.9',
  VALI: 'teal.9',
  QUAL: '#24753a',
};

// Alerts in dark red or orange, homonyms in grey.
const ATTRIBUTE_COLORS: Record<IdentityAttribute, string> = {
  DOUT: 'red.9',
  FICT: 'grape.9',
  HOMD: 'gray.7',
  HOMA: 'gray.7',
  DPOT: '#b03a0c',
  DOUA: 'red.9',
  COLP: '#b03a0c',
  COLV: 'red.9',
};

export function IdentityBadge({ status, size = 'lg' }: { status: IdentityStatus; size?: BadgeProps['size'] }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="filled" size={size}>
      {fr.patients.identityStatus[status]}
    </Badge>
  );
}

export function AttributeBadges({ attributes, size = 'md' }: { attributes: readonly IdentityAttribute[]; size?: BadgeProps['size'] }) {
  if (attributes.length === 0) return null;
  return (
    <Group gap={6} component="ul" aria-label={fr.identity.attributesLabel} p={0} m={0} style={{ listStyle: 'none' }}>
      {attributes.map((attribute) => (
        <Badge key={attribute} component="li" color={ATTRIBUTE_COLORS[attribute]} variant="filled" size={size}>
          {fr.identity.attributes[attribute]}
        </Badge>
      ))}
    </Group>
  );
}
