// One result of « Trouver une ressource »: the offer and its establishment, where it is and how far,
// its free places and how fresh that figure is, why it is proposed, whom to call, and, from a file,
// the request to send.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'react-router';
import type { OrientationRequestView, OrientationResult } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { distanceOf, formatKm, formatPhone, placesFact, reasonChips } from './format.ts';
import { careKindLabels, labelOf } from './labels.ts';
import { ReasonChips } from './ReasonChips.tsx';
import { RequestStatusBadge } from './RequestStatusBadge.tsx';

const texts = fr.orientation.result;
const PLACES_COLORS = { free: '#24753a', full: 'red.9', unknown: 'gray.7' } as const;

type Props = {
  result: OrientationResult;
  /** From a file: sends a request to this offer. */
  onRequest?: () => void;
  /** The file's latest request to this offer, still alive (sent, waiting list or accepted). */
  existing?: OrientationRequestView;
};

export function OfferResultCard({ result, onRequest, existing }: Props) {
  const titleId = useId();
  const { offer } = result;
  const organization = offer.organization;
  const places = placesFact(result.reasons);
  const km = distanceOf(result.reasons);
  const where = [organization.communeName, km !== null ? formatKm(km) : null].filter(Boolean).join(' · ');
  const phone = offer.contactPhone ?? organization.phone;

  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <Title order={3} size="h4" id={titleId}>
              {offer.name}
            </Title>
            <Anchor component={Link} to={`/directory/organizations/${organization.id}`} fw={600}>
              {organization.name}
            </Anchor>
            <Text size="sm">
              {labelOf(careKindLabels, offer.careKind)}
              {where && ` · ${where}`}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end" style={{ flex: '0 1 auto', textAlign: 'right' }}>
            <Text fw={700} c={PLACES_COLORS[places.kind]}>
              {places.text}
            </Text>
            {places.updated && (
              <Text size="xs" c="dimmed">
                {places.updated}
              </Text>
            )}
          </Stack>
        </Group>
        <ReasonChips chips={reasonChips(result.reasons)} label={texts.reasonsLabel(offer.name)} />
        {offer.description && (
          <Text size="sm" lineClamp={2}>
            {offer.description}
          </Text>
        )}
        {(phone || onRequest || existing) && (
          <Group justify="space-between" gap="xs" mt={4}>
            {phone ? (
              <Anchor href={`tel:${phone.replace(/[\s.-]/g, '')}`}>
                {texts.phone(formatPhone(phone))}
              </Anchor>
            ) : (
              <span />
            )}
            {existing ? (
              <Group gap="xs">
                <Text size="sm">{texts.alreadyRequested}</Text>
                <RequestStatusBadge status={existing.status} size="md" />
              </Group>
            ) : (
              onRequest && (
                <Button onClick={onRequest} aria-label={texts.requestLabel(offer.name, organization.name)}>
                  {texts.request}
                </Button>
              )
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
