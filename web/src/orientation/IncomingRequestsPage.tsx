// « Demandes reçues »: the orientation requests addressed to my establishment — who the patient is,
// who asks and why — and the answer (accept, refuse with a reason, waiting list), filtered by state.
import { Button, EmptyState, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import type { OrientationAnswerStatus, OrientationRequestView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { RelativeTime } from '../components/RelativeTime.tsx';
import { fr } from '../i18n/fr.ts';
import { ageInYears, formatBirthDate, formatDateTime } from '../lib/dates.ts';
import { patientName, personWithProfession } from '../lib/names.ts';
import { AnswerModal } from './AnswerModal.tsx';
import { useIncomingRequests, type IncomingFilter } from './api.ts';
import { OrientationError } from './OrientationError.tsx';
import { RequestStatusBadge } from './RequestStatusBadge.tsx';
import { useUrlState } from './useUrlState.ts';

const texts = fr.orientation.incoming;
const answers = fr.orientation.answer;
const FILTERS: IncomingFilter[] = ['sent', 'waiting_list', 'accepted', 'refused', 'cancelled', 'all'];
const filterOptions = FILTERS.map((value) => ({ value, label: texts.filters[value]! }));
const ANSWERABLE = new Set(['sent', 'waiting_list']);

type Answering = { request: OrientationRequestView; status: OrientationAnswerStatus };

function IncomingCard({ request, onAnswer }: { request: OrientationRequestView; onAnswer: (status: OrientationAnswerStatus) => void }) {
  const patient = request.patient;
  const name = patient ? patientName(patient) : texts.unknownPatient;
  const titleId = `incoming-${request.id}`;
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <div style={{ flex: '1 1 14rem', minWidth: 0 }}>
            <Title order={2} size="h4" id={titleId}>
              {name}
            </Title>
            {patient && (
              <Text size="sm">
                {texts.born(formatBirthDate(patient.birthDate), fr.dates.age(ageInYears(patient.birthDate)))}
                {patient.communeName && ` · ${texts.lives(patient.communeName)}`}
              </Text>
            )}
          </div>
          <RequestStatusBadge status={request.status} refusalReason={request.refusalReason} side="incoming" />
        </Group>
        <Text size="sm" fw={600}>
          {texts.offer(request.offer.name)}
        </Text>
        <Text size="sm">
          {texts.requestedBy(personWithProfession(request.requestedBy))} · {texts.received} <RelativeTime iso={request.createdAt} />
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }} bg="gray.0" p="sm" size="sm">
          {request.message}
        </Text>
        {request.answeredBy && request.answeredAt && (
          <Text size="sm">
            {request.answerRecordedByRequester
              ? fr.orientation.file.recordedBy(personWithProfession(request.answeredBy), formatDateTime(request.answeredAt))
              : fr.orientation.file.answeredBy(personWithProfession(request.answeredBy), formatDateTime(request.answeredAt))}
          </Text>
        )}
        {request.answerNote && <Text size="sm">{fr.orientation.file.note(request.answerNote)}</Text>}
        {ANSWERABLE.has(request.status) && (
          <Group gap="xs" justify="flex-end">
            <Button color="#24753a" aria-label={answers.actionLabel(answers.accept, name)} onClick={() => onAnswer('accepted')}>
              {answers.accept}
            </Button>
            {request.status !== 'waiting_list' && (
              <Button variant="outline" aria-label={answers.actionLabel(answers.waitingList, name)} onClick={() => onAnswer('waiting_list')}>
                {answers.waitingList}
              </Button>
            )}
            <Button variant="outline" color="red.9" aria-label={answers.actionLabel(answers.refuse, name)} onClick={() => onAnswer('refused')}>
              {answers.refuse}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function IncomingList({ filter, onAnswer }: { filter: IncomingFilter; onAnswer: (answering: Answering) => void }) {
  const requests = useIncomingRequests(filter);
  if (requests.isPending) return <Loader aria-label={fr.common.loading} />;
  if (requests.isError) return <OrientationError error={requests.error} />;
  if (requests.data.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <EmptyState title={texts.emptyTitle[filter]} description={texts.emptyText} align="left" />
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Text aria-live="polite">{texts.count(requests.data.length)}</Text>
      <Stack
        component="ul"
        gap="sm"
        p={0}
        m={0}
        aria-label={texts.listLabel}
        style={{ listStyle: 'none', opacity: requests.isPlaceholderData ? 0.6 : 1 }}
      >
        {requests.data.map((request) => (
          <IncomingCard key={request.id} request={request} onAnswer={(status) => onAnswer({ request, status })} />
        ))}
      </Stack>
    </Stack>
  );
}

export function IncomingRequestsPage() {
  useDocumentTitle(fr.app.title(texts.pageTitle));
  const me = useCurrentUser();
  const [params, setParams] = useUrlState();
  const [answering, setAnswering] = useState<Answering | null>(null);
  const asked = params.get('status') as IncomingFilter | null;
  const filter: IncomingFilter = asked && FILTERS.includes(asked) ? asked : 'sent';

  return (
    <Stack maw={900}>
      <div>
        <Title order={1}>{texts.heading}</Title>
        <Text>{texts.intro(me.acting?.structureName ?? texts.yourEstablishment)}</Text>
      </div>
      {!me.acting ? (
        <Text>{texts.noActing}</Text>
      ) : (
        <>
          <NativeSelect
            label={texts.filter}
            data={filterOptions}
            value={filter}
            onChange={(event) => setParams({ status: event.currentTarget.value === 'sent' ? undefined : event.currentTarget.value })}
            w={{ base: '100%', sm: 260 }}
          />
          <IncomingList filter={filter} onAnswer={setAnswering} />
        </>
      )}
      <AnswerModal request={answering?.request ?? null} initialStatus={answering?.status ?? null} mode="target" onClose={() => setAnswering(null)} />
    </Stack>
  );
}
