// « Identité et INS » on the patient page: the status and what it takes to qualify it, the alerts, the
// traits, the INS (shown only once the identity is qualified, R-INS-1), and the coordinator's actions.
import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { IdentityAttribute, PatientView } from '../api/types.ts';
import { errorMessage } from '../api/errors.ts';
import { fr } from '../i18n/fr.ts';
import { formatDate, formatDateTime } from '../lib/dates.ts';
import { IdentityBadge } from './badges.tsx';
import { ClearFlagButton, IdentityActions, type InsiAnswer } from './IdentityActions.tsx';
import { formatMatricule, traitNames } from './format.ts';
import { IdentityTraits } from './IdentityTraits.tsx';

const texts = fr.identity;
const ALERT_COLORS: Partial<Record<IdentityAttribute, string>> = { DOUT: 'red', FICT: 'grape', DPOT: 'orange', COLP: 'orange' };

function InsBlock({ patient }: { patient: PatientView }) {
  const { ins, insOnRecord, receivedInsPending } = patient.identity;
  if (ins) {
    return (
      <div>
        <Text size="sm" c="dimmed">
          {texts.ins.label}
        </Text>
        <Code fz="lg" fw={700}>
          {formatMatricule(ins.matricule)}
        </Code>
        <Text size="sm">
          {texts.ins.kind(ins.kind)} · {texts.ins.oid(ins.oid)}
        </Text>
      </div>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm">{insOnRecord ? texts.ins.stored : texts.ins.none}</Text>
      {receivedInsPending && <Text size="sm">{texts.ins.receivedPending}</Text>}
    </Stack>
  );
}

function InsiAnswerAlert({ answer, onClose }: { answer: InsiAnswer; onClose: () => void }) {
  const common = { title: texts.insi.title, withCloseButton: true, closeButtonLabel: fr.common.close, onClose, role: 'status' } as const;
  if ('error' in answer) {
    return (
      <Alert color="red" {...common}>
        {errorMessage(answer.error)}
      </Alert>
    );
  }
  const { result } = answer;
  if (result.outcome !== 'found') {
    return (
      <Alert color={result.outcome === 'unavailable' ? 'red' : 'orange'} {...common}>
        {texts.insi[result.outcome]}
      </Alert>
    );
  }
  const corrected = traitNames(result.correctedTraits);
  return (
    <Alert color="teal" {...common}>
      <Stack gap={4}>
        <Text size="sm">{texts.insi.found(fr.patients.identityStatus[result.patient?.identityStatus ?? 'RECUP'])}</Text>
        <Text size="sm">{corrected.length > 0 ? texts.insi.corrected(corrected) : texts.insi.nothingCorrected}</Text>
        {result.documentCheckLost && <Text size="sm">{texts.insi.checkLost}</Text>}
      </Stack>
    </Alert>
  );
}

function AttributeAlerts({ patient, canManage }: { patient: PatientView; canManage: boolean }) {
  const shown = patient.identity.attributes.filter((attribute) => texts.attributeHelp[attribute]);
  if (shown.length === 0) return null;
  return (
    <Stack gap="xs">
      {shown.map((attribute) => (
        <Alert key={attribute} color={ALERT_COLORS[attribute] ?? 'gray'} title={texts.attributes[attribute]}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{texts.attributeHelp[attribute]}</Text>
            {canManage && (attribute === 'DOUT' || attribute === 'FICT') && <ClearFlagButton patient={patient} attribute={attribute} />}
          </Stack>
        </Alert>
      ))}
    </Stack>
  );
}

type Props = { patient: PatientView; canManage: boolean; onEdit?: () => void };

export function IdentityPanel({ patient, canManage, onEdit }: Props) {
  const [answer, setAnswer] = useState<InsiAnswer | null>(null);
  const { identity } = patient;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="identity-heading">
      <Stack gap="md">
        <Group justify="space-between" align="center" gap="xs">
          <Title order={2} size="h3" id="identity-heading">
            {texts.heading}
          </Title>
          <IdentityBadge status={identity.status} />
        </Group>
        <Text>{texts.statusHelp[identity.status]}</Text>
        <AttributeAlerts patient={patient} canManage={canManage} />
        {/* Once the record changes again (a document checked, say), the answer no longer describes it. */}
        {answer && answer.version === patient.version && <InsiAnswerAlert answer={answer} onClose={() => setAnswer(null)} />}
        <IdentityTraits patient={patient} />
        <InsBlock patient={patient} />
        {(identity.validationMode || identity.insiCalledAt) && (
          <Stack gap={2}>
            {identity.validationMode && identity.validatedAt && (
              <Text size="sm">{texts.checkedWith(texts.documents[identity.validationMode], formatDate(identity.validatedAt))}</Text>
            )}
            {identity.insiCalledAt && <Text size="sm">{texts.insiCalledAt(formatDateTime(identity.insiCalledAt))}</Text>}
          </Stack>
        )}
        {canManage ? (
          <IdentityActions patient={patient} onInsiAnswer={setAnswer} onEdit={onEdit} />
        ) : (
          onEdit && (
            <Group>
              <Button variant="subtle" onClick={onEdit}>
                {texts.actions.edit}
              </Button>
            </Group>
          )
        )}
      </Stack>
    </Paper>
  );
}
