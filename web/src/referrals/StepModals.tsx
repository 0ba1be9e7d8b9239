// The triage decisions that need words: ask for information, answer it, redirect, close, and accept
// (choose or create the patient, the DAC mission and the support level).
import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { PatientSummary, PatientView, ReferralView } from '../api/types.ts';
import { SearchCombobox } from '../components/SearchCombobox.tsx';
import { fr } from '../i18n/fr.ts';
import { formatBirthDate } from '../lib/dates.ts';
import { patientName } from '../lib/names.ts';
import { notifyError, notifySuccess } from '../lib/notify.ts';
import { PatientForm } from '../patients/PatientForm.tsx';
import { usePatientSearch } from '../patients/api.ts';
import { useReferralStep, type ReferralStep } from './api.ts';

const t = fr.referrals.forms;
const MISSIONS = ['complex_path', 'information_orientation', 'territorial'];
const LEVELS = ['ponctuel', 'soutenu', 'intensif'];
const CLOSE_REASONS = ['not_complex', 'out_of_territory', 'duplicate', 'no_consent', 'handled_by_phone', 'other'];

export type StepKind = 'request-info' | 'add-info' | 'redirect' | 'close' | 'accept';

type Props = { referral: ReferralView; kind: StepKind | null; onClose: () => void; onAccepted: (fileId: string) => void };

function useSend(referral: ReferralView, onDone: (updated: ReferralView) => void) {
  const step = useReferralStep(referral);
  return { pending: step.isPending, send: (input: ReferralStep) => step.mutate(input, { onSuccess: (updated) => { notifySuccess(t.done); onDone(updated); }, onError: notifyError }) };
}

function MessageStep({ referral, kind, onClose }: { referral: ReferralView; kind: 'request-info' | 'add-info' | 'redirect' | 'close'; onClose: () => void }) {
  const [message, setMessage] = useState('');
  const [reason, setReason] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { pending, send } = useSend(referral, onClose);
  const submit = () => {
    const missing: Record<string, string> = {};
    if (!message.trim()) missing.message = t.messageRequired;
    if (kind === 'close' && !reason) missing.reason = t.reasonRequired;
    if (kind === 'redirect' && !name.trim()) missing.name = t.redirectTargetRequired;
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    if (kind === 'close') send({ step: 'close', reason, message: message.trim() });
    else if (kind === 'redirect') send({ step: 'redirect', name: name.trim(), message: message.trim() });
    else send({ step: kind, message: message.trim() });
  };
  return (
    <Stack>
      {kind === 'close' && (
        <NativeSelect
          label={t.closeReason}
          data={[{ value: '', label: fr.common.choose, disabled: true }, ...CLOSE_REASONS.map((r) => ({ value: r, label: fr.referrals.closureReasons[r]! }))]}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
      )}
      {kind === 'redirect' && <TextInput label={t.redirectName} value={name} error={errors.name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />}
      <Textarea
        label={kind === 'add-info' ? t.addInfoLabel : t.message}
        description={kind === 'add-info' ? undefined : t.messageHelp}
        autosize
        minRows={3}
        value={message}
        error={errors.message}
        onChange={(event) => setMessage(event.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {fr.common.cancel}
        </Button>
        <Button loading={pending} onClick={submit}>
          {t.confirm}
        </Button>
      </Group>
    </Stack>
  );
}

function describe(patient: Pick<PatientSummary, 'birthName' | 'givenName' | 'birthDate'> & { communeName?: string | null | undefined }): string {
  return `${patientName(patient)}, ${formatBirthDate(patient.birthDate)}${patient.communeName ? `, ${patient.communeName}` : ''}`;
}

function AcceptStep({ referral, onClose, onAccepted }: { referral: ReferralView; onClose: () => void; onAccepted: (fileId: string) => void }) {
  const [q, setQ] = useState('');
  const [patient, setPatient] = useState<{ id: string; label: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [mission, setMission] = useState('complex_path');
  const [level, setLevel] = useState('');
  const [message, setMessage] = useState(t.acceptMessageDefault);
  const [error, setError] = useState<string | null>(null);
  const search = usePatientSearch({ q, birthDate: '' });
  const { pending, send } = useSend(referral, (updated) => onAccepted(updated.fileId!));
  if (creating) {
    return (
      <PatientForm
        mode="create"
        initialValues={{ birthName: referral.person.familyName, givenName: referral.person.givenName, birthDate: referral.person.birthDate ?? '', phone: referral.personPhone ?? '' }}
        onCancel={() => setCreating(false)}
        onSaved={(created: PatientView) => {
          setPatient({ id: created.id, label: describe(created) });
          setCreating(false);
        }}
      />
    );
  }
  const submit = () => {
    if (!patient) {
      setError(t.patientRequired);
      return;
    }
    send({ step: 'accept', patientId: patient.id, mission, ...(level ? { supportLevel: level } : {}), ...(message.trim() ? { message: message.trim() } : {}) });
  };
  return (
    <Stack>
      <Text size="sm">{t.acceptIntro}</Text>
      <SearchCombobox
        label={t.patient}
        description={patient ? t.chosenPatient(patient.label) : fr.identity.report.otherPatientHelp}
        emptyText={fr.identity.report.noPatientFound}
        required
        error={error}
        results={{ ...search, items: search.data?.items ?? [] }}
        onQueryChange={setQ}
        textOf={patientName}
        onChange={(chosen) => {
          setPatient(chosen ? { id: chosen.id, label: describe(chosen) } : null);
          setError(null);
        }}
        renderOption={(candidate) => <Text size="sm">{describe(candidate)}</Text>}
      />
      <Button variant="subtle" onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>
        {t.createPatient}
      </Button>
      <NativeSelect label={t.mission} description={t.missionHelp} data={MISSIONS.map((m) => ({ value: m, label: fr.referrals.missions[m]! }))} value={mission} onChange={(event) => setMission(event.currentTarget.value)} />
      <NativeSelect
        label={t.supportLevel}
        data={[{ value: '', label: fr.common.choose }, ...LEVELS.map((l) => ({ value: l, label: fr.referrals.supportLevels[l]! }))]}
        value={level}
        onChange={(event) => setLevel(event.currentTarget.value)}
      />
      <Textarea label={t.message} description={t.messageHelp} autosize minRows={2} value={message} onChange={(event) => setMessage(event.currentTarget.value)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {fr.common.cancel}
        </Button>
        <Button loading={pending} onClick={submit}>
          {fr.referrals.detail.accept}
        </Button>
      </Group>
    </Stack>
  );
}

const TITLES: Record<StepKind, string> = {
  'request-info': t.requestInfoTitle,
  'add-info': t.addInfoTitle,
  redirect: t.redirectTitle,
  close: t.closeTitle,
  accept: t.acceptTitle,
};

export function StepModal({ referral, kind, onClose, onAccepted }: Props) {
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind ? TITLES[kind] : ''} size={kind === 'accept' ? 'xl' : 'md'}>
      {kind === 'accept' ? (
        <AcceptStep referral={referral} onClose={onClose} onAccepted={onAccepted} />
      ) : kind ? (
        <MessageStep referral={referral} kind={kind} onClose={onClose} />
      ) : null}
    </Modal>
  );
}
