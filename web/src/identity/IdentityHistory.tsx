// « Historique de l'identité »: how the identity reached its status, newest first, in French: when,
// who, what, and the status before → after.
import { Anchor, Button, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { DocumentKind, IdentityAttribute, IdentityEvent } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { fr } from '../i18n/fr.ts';
import { personName } from '../lib/names.ts';
import { useIdentityHistory } from './api.ts';
import { traitNames } from './format.ts';

const texts = fr.identity.history;
/** Shown before « Voir tout l'historique ». */
const FIRST_EVENTS = 8;

function detail(event: IdentityEvent, key: string): string | undefined {
  const value = event.details[key];
  return typeof value === 'string' ? value : undefined;
}

function detailList(event: IdentityEvent, key: string): string[] {
  const value = event.details[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function describe(event: IdentityEvent): string {
  switch (event.kind) {
    case 'created':
      return texts.created;
    case 'traits_edited':
      return texts.traitsEdited(traitNames(detailList(event, 'traits')));
    case 'insi_called':
      return texts.insi[detail(event, 'outcome') ?? ''] ?? texts.insi.found;
    case 'document_checked': {
      const mode = detail(event, 'mode') as DocumentKind | undefined;
      return texts.documentChecked(mode ? fr.identity.documents[mode] : '');
    }
    case 'attribute_set':
    case 'attribute_cleared': {
      const attribute = detail(event, 'attribute') as IdentityAttribute | undefined;
      const name = attribute ? (fr.identity.attributes[attribute] ?? attribute) : '';
      return event.kind === 'attribute_set' ? texts.attributeSet(name) : texts.attributeCleared(name);
    }
    case 'ins_received':
      return texts.insReceived;
    case 'merged_into':
      return texts.mergedInto;
    case 'merged_from':
      return texts.mergedFrom;
    case 'unmerged':
      return texts.unmerged;
    default:
      return event.kind;
  }
}

function EventDetails({ event }: { event: IdentityEvent }) {
  const corrected = event.kind === 'insi_called' ? traitNames(detailList(event, 'correctedTraits')) : [];
  const reason = detail(event, 'reason');
  const other = detail(event, 'otherPatientId');
  const status = fr.patients.identityStatus;
  return (
    <Stack gap={2}>
      {corrected.length > 0 && <Text size="sm">{texts.insiCorrected(corrected)}</Text>}
      {reason && <Text size="sm">{texts.reason(reason)}</Text>}
      {event.statusBefore && event.statusBefore !== event.statusAfter ? (
        <Text size="sm" fw={600}>
          {texts.status(status[event.statusBefore], status[event.statusAfter])}
        </Text>
      ) : (
        event.kind === 'created' && <Text size="sm">{texts.initial(status[event.statusAfter])}</Text>
      )}
      <Text size="sm" c="dimmed">
        <RelativeTime iso={event.at} /> · {texts.by(event.by ? personName(event.by) : texts.system)}
      </Text>
      {other && (
        <Anchor component={Link} to={`/patients/${other}`} size="sm">
          {texts.otherRecord}
        </Anchor>
      )}
    </Stack>
  );
}

export function IdentityHistory({ patientId }: { patientId: string }) {
  const history = useIdentityHistory(patientId);
  const [all, setAll] = useState(false);
  const content = () => {
    if (history.isPending) return <Loader aria-label={fr.common.loading} />;
    if (history.isError) return <ErrorAlert error={history.error} />;
    const events = history.data.items;
    if (events.length === 0) return <Text>{texts.empty}</Text>;
    const shown = all ? events : events.slice(0, FIRST_EVENTS);
    return (
      <Stack>
        <Timeline bulletSize={14} lineWidth={2} active={shown.length} aria-label={texts.label}>
          {shown.map((event) => (
            <Timeline.Item key={event.id} title={describe(event)}>
              <EventDetails event={event} />
            </Timeline.Item>
          ))}
        </Timeline>
        {!all && events.length > FIRST_EVENTS && (
          <Button variant="light" onClick={() => setAll(true)}>
            {texts.showAll(events.length)}
          </Button>
        )}
      </Stack>
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="identity-history-heading">
      <Stack>
        <Title order={2} size="h3" id="identity-history-heading">
          {texts.heading}
        </Title>
        {content()}
      </Stack>
    </Paper>
  );
}
