// One request for support: the person, the situation, who asks, the timed story of its triage, and
// — for the receiving structure's staff — the decisions; for its requester, the answer.
import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ReferralView } from '../api/types.ts';
import { useCurrentUser } from '../auth/api.ts';
import { LoadFailure } from '../components/StatusPages.tsx';
import { fr } from '../i18n/fr.ts';
import { formatWait } from '../i18n/fr-referrals.ts';
import { formatBirthDate, formatDateTime } from '../lib/dates.ts';
import { personName } from '../lib/names.ts';
import { notifyError } from '../lib/notify.ts';
import { useReferral, useReferralStep } from './api.ts';
import { personOf, ReferralStatusBadge, UrgencyBadge } from './ReferralCard.tsx';
import { StepModal, type StepKind } from './StepModals.tsx';

const texts = fr.referrals;
const d = texts.detail;
const OPEN = new Set(['received', 'info_requested']);

function Actions({ referral, onStep }: { referral: ReferralView; onStep: (kind: StepKind) => void }) {
  const me = useCurrentUser();
  const assign = useReferralStep(referral);
  if (referral.permissions.canTriage && OPEN.has(referral.status)) {
    return (
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {d.actions}
          </Title>
          <Group gap="xs">
            <Button onClick={() => onStep('accept')}>{d.accept}</Button>
            {referral.status === 'received' && (
              <Button variant="outline" onClick={() => onStep('request-info')}>
                {d.requestInfo}
              </Button>
            )}
            <Button variant="outline" onClick={() => onStep('redirect')}>
              {d.redirect}
            </Button>
            <Button variant="outline" color="gray.8" onClick={() => onStep('close')}>
              {d.close}
            </Button>
            {referral.assignee?.id !== me.id && (
              <Button variant="subtle" loading={assign.isPending} onClick={() => assign.mutate({ step: 'assign', assigneeId: me.id }, { onError: notifyError })}>
                {d.assignToMe}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    );
  }
  if (referral.status === 'info_requested' && !referral.permissions.canTriage) {
    return <Button onClick={() => onStep('add-info')}>{d.addInfo}</Button>;
  }
  return null;
}

function Outcome({ referral }: { referral: ReferralView }) {
  if (!referral.outcomeMessage && !referral.fileId && !referral.redirectedToName) return null;
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <Stack gap={4}>
        <Title order={2} size="h4">
          {d.outcome}
        </Title>
        {referral.redirectedToName && <Text>{d.redirectedTo(referral.redirectedToName)}</Text>}
        {referral.closureReason && <Text>{texts.closureReasons[referral.closureReason]}</Text>}
        {referral.outcomeMessage && <Text style={{ whiteSpace: 'pre-wrap' }}>{referral.outcomeMessage}</Text>}
        {referral.fileId && referral.permissions.canTriage && (
          <Anchor component={Link} to={`/files/${referral.fileId}`}>
            {d.openFile}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

function Details({ referral }: { referral: ReferralView }) {
  const requesterCategory = texts.requesterCategories[referral.requesterCategory] ?? referral.requesterCategory;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md" radius="md">
        <Stack gap={6}>
          <Title order={2} size="h4">
            {d.person}
          </Title>
          <Text fw={600}>{personOf(referral)}</Text>
          {referral.person.birthDate && <Text size="sm">{d.born(formatBirthDate(referral.person.birthDate))}</Text>}
          {referral.personPhone && <Text size="sm">{referral.personPhone}</Text>}
          <Text size="sm">{referral.consentToContact ? d.consentToContact : d.noConsentToContact}</Text>
        </Stack>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack gap={6}>
          <Title order={2} size="h4">
            {d.requester}
          </Title>
          <Text fw={600}>
            {referral.requesterName} — {requesterCategory}
          </Text>
          {referral.requesterPhone && <Text size="sm">{referral.requesterPhone}</Text>}
          {referral.requesterEmail && <Text size="sm">{referral.requesterEmail}</Text>}
          <Text size="sm">
            {d.channel}
            {'\u00a0:'} {texts.channels[referral.channel]} · {formatDateTime(referral.receivedAt)}
          </Text>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}

function Story({ referral }: { referral: ReferralView }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="sm">
        {d.story}
      </Title>
      <Timeline active={referral.steps.length - 1} bulletSize={14} lineWidth={2}>
        {referral.steps.map((step, index) => (
          <Timeline.Item key={`${step.kind}-${index}`} title={texts.steps[step.kind] ?? step.kind}>
            <Text size="sm">
              {formatDateTime(step.at)}
              {step.actor && ` · ${personName(step.actor)}`}
              {index > 0 && ` · +${formatWait(Math.max(0, Math.floor((Date.parse(step.at) - Date.parse(referral.receivedAt)) / 60_000)))}`}
            </Text>
            {step.message && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {step.message}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}

function ReferralContent({ referral }: { referral: ReferralView }) {
  const navigate = useNavigate();
  const [step, setStep] = useState<StepKind | null>(null);
  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/referrals">
        {d.back}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{d.title(personOf(referral))}</Title>
        <Group gap={6}>
          <UrgencyBadge urgency={referral.urgency} />
          <ReferralStatusBadge status={referral.status} />
        </Group>
      </Group>
      <Actions referral={referral} onStep={setStep} />
      <Outcome referral={referral} />
      <Details referral={referral} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {d.situation}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{referral.situation}</Text>
          {referral.criteria.length > 0 && (
            <>
              <Text fw={600} size="sm">
                {d.criteria}
              </Text>
              <Group gap={6}>
                {referral.criteria.map((c) => (
                  <Badge key={c} variant="outline" color="gray.8">
                    {texts.criteria[c] ?? c}
                  </Badge>
                ))}
              </Group>
            </>
          )}
          <Text size="sm">
            {d.urgency}
            {'\u00a0:'} {texts.urgencies[referral.urgency]}
          </Text>
          {referral.mission && <Text size="sm">{texts.missions[referral.mission]}</Text>}
        </Stack>
      </Paper>
      <Story referral={referral} />
      <StepModal referral={referral} kind={step} onClose={() => setStep(null)} onAccepted={(fileId) => navigate(`/files/${fileId}`)} />
    </Stack>
  );
}

export function ReferralPage() {
  const { referralId = '' } = useParams();
  const referral = useReferral(referralId);
  useDocumentTitle(fr.app.title(referral.data ? d.title(personOf(referral.data)) : texts.queue.pageTitle));
  if (referral.isPending) return <Loader aria-label={fr.common.loading} />;
  if (referral.isError) return <LoadFailure error={referral.error} notFoundTitle={d.notFoundTitle} notFoundText={d.notFoundText} />;
  return <ReferralContent referral={referral.data} />;
}
