// The offers an establishment describes (ROR): each with what a coordinator needs to orient a patient
// (kind of care, public, free places and how fresh, area, contact, hours) and whether its description
// is complete; the establishment's own completeness; for its staff, describing and editing them, and
// the quick update of free places (the most frequent edit).
import { Alert, Anchor, Badge, Button, EmptyState, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import type { DirectoryOrganizationView, OrientationOfferView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import classes from './directory.module.css';
import { DirectoryError } from './DirectoryError.tsx';
import { FreePlacesModal } from './FreePlacesModal.tsx';
import { ageText, hoursText, phoneText, placesFact, telHref } from './format.ts';
import { careKindLabels, conditionLabels, labelOf, missingText, specialtyLabels } from './labels.ts';
import { OfferFormModal } from './OfferFormModal.tsx';
import { useOffers } from './queries.ts';

const texts = fr.offers;
const PLACES_COLORS = { free: '#24753a', full: 'red.9', unknown: 'gray.7' } as const;

/** Whether an offer's description is complete, and what it lacks: in words, the colour a second cue (4.5:1 under white). */
export function CompletenessBadge({ offer }: { offer: Pick<OrientationOfferView, 'missing'> }) {
  const complete = offer.missing.length === 0;
  return (
    <Badge color={complete ? '#24753a' : '#b03a0c'} variant="filled" style={{ whiteSpace: 'normal', height: 'auto', maxWidth: '100%' }}>
      {complete ? texts.complete : texts.incomplete(missingText(offer.missing))}
    </Badge>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text span size="sm" fw={600}>
        {label}
        {'\u00a0: '}
      </Text>
      <Text span size="sm">
        {children}
      </Text>
    </div>
  );
}

type CardProps = { offer: OrientationOfferView; canManage: boolean; onEdit: () => void; onPlaces: () => void };

function OfferCard({ offer, canManage, onEdit, onPlaces }: CardProps) {
  const titleId = useId();
  const places = placesFact(offer);
  const age = ageText(offer.ageMin, offer.ageMax);
  const hours = hoursText(offer.openingHours);
  const contacts = [offer.contactPhone, offer.contactEmail, offer.contactMssante].filter(Boolean);
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-labelledby={titleId} bg={offer.active ? undefined : 'gray.0'}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
            <Title order={3} size="h5" id={titleId}>
              {offer.name}
            </Title>
            <Text size="sm">{labelOf(careKindLabels, offer.careKind)}</Text>
          </Stack>
          <Stack gap={0} align="flex-end" style={{ flex: '0 1 auto', textAlign: 'right', marginLeft: 'auto' }}>
            <Text fw={700} c={PLACES_COLORS[places.tone]}>
              {places.text}
            </Text>
            {places.updated && (
              <Text size="xs" c="dimmed">
                {places.updated}
              </Text>
            )}
          </Stack>
        </Group>
        <Group gap={6}>
          <CompletenessBadge offer={offer} />
          {!offer.active && (
            <Badge color="gray" variant="outline" title={texts.inactiveHelp}>
              {texts.inactive}
            </Badge>
          )}
        </Group>
        <Stack gap={2}>
          {offer.specialties.length > 0 && <Fact label={texts.facts.specialties}>{offer.specialties.map((s) => labelOf(specialtyLabels, s)).join(', ')}</Fact>}
          {age && <Fact label={texts.facts.population}>{age}</Fact>}
          {offer.conditions.length > 0 && <Fact label={texts.facts.conditions}>{offer.conditions.map((c) => labelOf(conditionLabels, c)).join(', ')}</Fact>}
          {offer.servedCommunes.length > 0 && <Fact label={texts.facts.area}>{texts.facts.areaCount(offer.servedCommunes.length)}</Fact>}
          {hours && <Fact label={texts.facts.hours}>{hours}</Fact>}
          {contacts.length > 0 && (
            <Fact label={texts.facts.contact}>
              {offer.contactPhone && (
                <Anchor href={telHref(offer.contactPhone)} size="sm">
                  {phoneText(offer.contactPhone)}
                </Anchor>
              )}
              {offer.contactEmail && (
                <>
                  {offer.contactPhone && ' · '}
                  <Anchor href={`mailto:${offer.contactEmail}`} size="sm">
                    {offer.contactEmail}
                  </Anchor>
                </>
              )}
              {offer.contactMssante && (
                <>
                  {(offer.contactPhone || offer.contactEmail) && ' · '}
                  {`${fr.directory.mssante} ${offer.contactMssante}`}
                </>
              )}
            </Fact>
          )}
        </Stack>
        {offer.description && <Text size="sm">{offer.description}</Text>}
        {canManage && (
          <Group gap="xs" mt={4}>
            <Button size="sm" onClick={onPlaces} aria-label={texts.updatePlacesLabel(offer.name)}>
              {texts.updatePlaces}
            </Button>
            <Button size="sm" variant="light" onClick={onEdit} aria-label={texts.editLabel(offer.name)}>
              {texts.edit}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function OffersSection({ organization }: { organization: DirectoryOrganizationView }) {
  const offers = useOffers(organization.id);
  // the dialog stays mounted until it has closed, then the focus goes back to the button that opened it
  const [dialog, setDialog] = useState<{ kind: 'form' | 'places'; offerId: string | null } | null>(null);
  const [opened, setOpened] = useState(false);
  const list = offers.data;
  // active offers first, then in the order they were described
  const items = [...(list?.items ?? [])].sort((a, b) => Number(b.active) - Number(a.active));
  // Mantine returns the focus only for a dialog mounted closed: this one mounts open, so the section does it
  const trigger = useRef<HTMLElement | null>(null);
  const open = (kind: 'form' | 'places', offerId: string | null) => {
    trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDialog({ kind, offerId });
    setOpened(true);
  };
  const close = () => setOpened(false);
  const closed = () => {
    setDialog(null);
    trigger.current?.focus();
  };
  const reload = async (id: string | null) => (await offers.refetch()).data?.items.find((o) => o.id === id) ?? null;
  const dialogOffer = dialog?.offerId ? (list?.items.find((o) => o.id === dialog.offerId) ?? null) : null;

  return (
    <Stack gap="sm" component="section" aria-labelledby="organization-offers">
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: '1 1 16rem' }}>
          <Title order={2} size="h4" id="organization-offers">
            {texts.heading}
          </Title>
          <Text size="sm" c="dimmed">
            {texts.intro}
          </Text>
        </div>
        {list?.canManage && items.length > 0 && <Button onClick={() => open('form', null)}>{texts.describe}</Button>}
      </Group>
      {offers.isPending && <Loader size="sm" aria-label={fr.common.loading} />}
      {offers.isError && <DirectoryError error={offers.error} />}
      {list && list.structureComplete !== null && items.length > 0 && (
        <Alert color={list.structureComplete ? 'teal' : 'orange'} variant="light" title={list.structureComplete ? texts.structureComplete : texts.structureIncomplete}>
          {list.structureComplete
            ? texts.structureCompleteHelp
            : !items.some((o) => o.active)
              ? texts.noActiveOffer
              : list.canManage
                ? texts.structureIncompleteHelp
                : texts.structureIncompleteReader}
        </Alert>
      )}
      {list && items.length === 0 && (
        <EmptyState title={texts.emptyTitle} description={list.canManage ? texts.emptyTextManager : texts.emptyText}>
          {list.canManage && (
            <EmptyState.Actions>
              <Button onClick={() => open('form', null)}>{texts.describe}</Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      )}
      {items.length > 0 && (
        <Stack component="ul" gap="sm" className={classes.plainList} aria-label={texts.listLabel}>
          {items.map((offer) => (
            <OfferCard key={offer.id} offer={offer} canManage={Boolean(list?.canManage)} onEdit={() => open('form', offer.id)} onPlaces={() => open('places', offer.id)} />
          ))}
        </Stack>
      )}
      {list?.canManage && dialog?.kind === 'form' && (
        <OfferFormModal
          opened={opened}
          onClose={close}
          onExited={closed}
          organization={organization}
          offer={dialogOffer}
          onReload={() => reload(dialog.offerId)}
          key={dialog.offerId ?? 'new'}
        />
      )}
      {list?.canManage && dialog?.kind === 'places' && dialogOffer && (
        <FreePlacesModal
          key={dialogOffer.id}
          opened={opened}
          onClose={close}
          onExited={closed}
          organizationId={organization.id}
          offer={dialogOffer}
          onReload={() => reload(dialog.offerId)}
        />
      )}
    </Stack>
  );
}
