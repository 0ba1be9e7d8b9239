// « Mettre à jour les places libres »: the most frequent edit of an offer, in one number. Sends only
// the free places with the version read; if someone else changed the offer meanwhile, says the new
// figure and lets the person check it and save again.
import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { isApiError } from '../api/client.ts';
import type { OrientationOfferView } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { notifySuccess } from '../lib/notify.ts';
import { DirectoryError } from './DirectoryError.tsx';
import { whenText } from './format.ts';
import { useUpdateOffer } from './queries.ts';

const texts = fr.offers.places;

type Props = {
  opened: boolean;
  organizationId: string;
  offer: OrientationOfferView;
  onClose: () => void;
  /** once closed (the focus is back on the button that opened it) */
  onExited: () => void;
  onReload: () => Promise<OrientationOfferView | null>;
};

export function FreePlacesModal({ opened, organizationId, offer: opening, onClose, onExited, onReload }: Props) {
  const hintId = useId();
  const inputId = useId();
  const update = useUpdateOffer(organizationId);
  // the offer as read when the dialog opened: its version is the one sent
  const [offer, setOffer] = useState(opening);
  const [value, setValue] = useState<string | number>(offer.freePlaces ?? '');
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const current = typeof value === 'number' ? value : Number(value) || 0;
  const step = (delta: number) => setValue(Math.max(0, current + delta));

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const free = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
    if (!Number.isInteger(free) || free < 0) return setError(fr.offers.validation.count);
    if (offer.capacity !== null && free > offer.capacity) return setError(fr.offers.validation.freeOverCapacity);
    setError(null);
    update.mutate(
      { id: offer.id, version: offer.version, changes: { freePlaces: free } },
      {
        onSuccess: (saved) => {
          notifySuccess(texts.saved(saved.name, saved.freePlaces ?? free));
          onClose();
        },
        onError: async (failure) => {
          if (isApiError(failure, 409)) {
            const fresh = await onReload();
            if (!fresh) return onClose();
            setOffer(fresh);
            setStale(true);
          } else if (isApiError(failure, 400) && failure.code === 'orientation.free_places') {
            setError(fr.offers.validation.freeOverCapacity);
          }
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={onExited} title={`${texts.title} — ${offer.name}`} size="sm">
      <form onSubmit={save} noValidate>
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert">
              {texts.stale(offer.freePlaces === null ? fr.offers.facts.placesUnknown.toLowerCase() : String(offer.freePlaces))}
            </Alert>
          )}
          {update.isError && !stale && !error && <DirectoryError error={update.error} />}
          <Text component="label" htmlFor={inputId} fw={600} size="lg">
            {texts.label}
          </Text>
          <Group gap="xs" align="flex-end" wrap="nowrap" mt={-8}>
            <Button size="lg" variant="default" px="md" onClick={() => step(-1)} disabled={current === 0} aria-label={texts.less}>
              −
            </Button>
            <NumberInput
              id={inputId}
              value={value}
              onChange={setValue}
              min={0}
              max={offer.capacity ?? undefined}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              size="lg"
              inputMode="numeric"
              data-autofocus
              style={{ flex: 1 }}
              styles={{ input: { textAlign: 'center', fontWeight: 700 } }}
              aria-describedby={hintId}
              error={error ? ' ' : undefined}
            />
            <Button size="lg" variant="default" px="md" onClick={() => step(1)} disabled={offer.capacity !== null && current >= offer.capacity} aria-label={texts.more}>
              +
            </Button>
          </Group>
          {error && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {error}
            </Text>
          )}
          <Text size="sm" id={hintId}>
            {offer.capacity !== null ? `${texts.of(offer.capacity)} ` : ''}
            {offer.freePlacesAt ? texts.lastUpdate(whenText(offer.freePlacesAt)) : texts.never}
          </Text>
          <Group justify="space-between" gap="xs">
            <Button variant="default" onClick={() => setValue(0)}>
              {texts.full}
            </Button>
            <Group gap="xs">
              <Button variant="subtle" onClick={onClose}>
                {fr.common.cancel}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {texts.save}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
