// What a coordinator does to an identity: call INSi, record the identity document checked, mark it
// doubtful or fictitious (and clear that), report a duplicate or a collision to the identity referent.
import { Button, Group, Menu, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { DOCUMENT_KINDS, MINOR_ONLY_DOCUMENTS, type DocumentKind, type PatientSummary, type PatientView, type SuspicionKind } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ReasonModal } from '../components/ReasonModal.tsx';
import { fr } from '../i18n/fr.ts';
import { notifySuccess } from '../lib/notify.ts';
import { useDocumentCheck, useIdentityFlag, useInsiRetrieval, useReportSuspicion, type InsiResult } from './api.ts';
import { isMinor } from './format.ts';
import { IdentityTraits } from './IdentityTraits.tsx';
import { PatientPicker } from './PatientPicker.tsx';

const texts = fr.identity;

/** What the last INSi call answered; `version` is the record's version it speaks about. */
export type InsiAnswer = ({ result: InsiResult } | { error: unknown }) & { version: number };

export function blocksInsi(patient: PatientView): string | null {
  const attributes = patient.identity.attributes;
  if (attributes.includes('DOUT') || attributes.includes('FICT')) return texts.actions.insiForbidden;
  if (patient.sex === 'U') return texts.actions.insiNeedsSex;
  return null;
}

export function InsiButton({ patient, onAnswer }: { patient: PatientView; onAnswer: (answer: InsiAnswer) => void }) {
  const insi = useInsiRetrieval(patient);
  const blocked = blocksInsi(patient);
  return (
    <Button
      variant={patient.identity.retrieved ? 'outline' : 'filled'}
      disabled={blocked !== null}
      loading={insi.isPending}
      onClick={() =>
        insi.mutate(undefined, {
          onSuccess: (result) => onAnswer({ result, version: result.patient?.version ?? patient.version }),
          onError: (error) => onAnswer({ error, version: patient.version }),
        })
      }
    >
      {texts.actions.insi}
    </Button>
  );
}

function DocumentCheckModal({ patient, opened, onClose }: { patient: PatientView; opened: boolean; onClose: () => void }) {
  const check = useDocumentCheck(patient);
  const [document, setDocument] = useState<DocumentKind | ''>('');
  const [missing, setMissing] = useState(false);
  const minor = isMinor(patient.birthDate);
  const documents = DOCUMENT_KINDS.filter((kind) => minor || !MINOR_ONLY_DOCUMENTS.includes(kind));
  const close = () => {
    setDocument('');
    setMissing(false);
    check.reset();
    onClose();
  };
  const confirm = () => {
    if (!document) {
      setMissing(true);
      return;
    }
    check.mutate(document, {
      onSuccess: (updated) => {
        notifySuccess(texts.document.done(fr.patients.identityStatus[updated.identityStatus]));
        close();
      },
    });
  };
  return (
    <Modal opened={opened} onClose={close} title={texts.document.title} size="lg">
      <Stack>
        <Text>{texts.document.intro}</Text>
        <IdentityTraits patient={patient} compact />
        {check.isError && <ErrorAlert error={check.error} />}
        <Radio.Group
          label={texts.document.kind}
          description={minor ? texts.document.minorHelp : undefined}
          value={document}
          onChange={(value) => {
            setDocument(value as DocumentKind);
            setMissing(false);
          }}
          error={missing ? texts.document.required : undefined}
          required
          withAsterisk={false}
        >
          <Stack gap="xs" mt="xs">
            {documents.map((kind) => (
              <Radio key={kind} value={kind} label={texts.documents[kind]} />
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {fr.common.cancel}
          </Button>
          <Button loading={check.isPending} onClick={confirm}>
            {texts.document.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type Flag = { attribute: 'DOUT' | 'FICT'; set: boolean };

function FlagModal({ patient, flag, onClose }: { patient: PatientView; flag: Flag | null; onClose: () => void }) {
  const change = useIdentityFlag(patient);
  const close = () => {
    change.reset();
    onClose();
  };
  const attribute = flag?.attribute ?? 'DOUT';
  const set = flag?.set ?? true;
  return (
    <ReasonModal
      opened={flag !== null}
      onClose={close}
      title={set ? texts.flag.setTitle[attribute] : texts.flag.clearTitle[attribute]}
      text={set ? texts.flag.setText[attribute] : texts.flag.clearText}
      reasonLabel={texts.flag.reason}
      reasonHelp={texts.flag.reasonHelp}
      confirmLabel={set ? texts.flag.setConfirm[attribute] : texts.flag.clearConfirm[attribute]}
      destructive={set}
      loading={change.isPending}
      error={change.error}
      onConfirm={(reason) =>
        change.mutate(
          { attribute, set, reason },
          {
            onSuccess: () => {
              notifySuccess(set ? texts.flag.setDone[attribute] : texts.flag.clearDone[attribute]);
              close();
            },
          },
        )
      }
    />
  );
}

function ReportModal({ patient, kind, onClose }: { patient: PatientView; kind: SuspicionKind | null; onClose: () => void }) {
  const report = useReportSuspicion();
  const [other, setOther] = useState<PatientSummary | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ other?: string; note?: string }>({});
  const close = () => {
    setOther(null);
    setNote('');
    setErrors({});
    report.reset();
    onClose();
  };
  const duplicate = kind === 'duplicate';
  const send = () => {
    const problems = {
      ...(duplicate && !other ? { other: texts.report.otherRequired } : {}),
      ...(note.trim().length < 3 ? { note: texts.reasonTooShort } : {}),
    };
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !kind) return;
    report.mutate(
      { kind, patientId: patient.id, ...(duplicate && other ? { otherPatientId: other.id } : {}), note: note.trim() },
      {
        onSuccess: () => {
          notifySuccess(texts.report.done);
          close();
        },
      },
    );
  };
  return (
    <Modal opened={kind !== null} onClose={close} title={duplicate ? texts.report.duplicateTitle : texts.report.collisionTitle} size="lg">
      <Stack>
        <Text>{duplicate ? texts.report.duplicateIntro : texts.report.collisionIntro}</Text>
        {report.isError && <ErrorAlert error={report.error} />}
        {duplicate && <PatientPicker excludeId={patient.id} value={other} onChange={setOther} error={errors.other} />}
        <Textarea
          label={texts.report.note}
          description={texts.report.noteHelp}
          required
          withAsterisk={false}
          autosize
          minRows={2}
          value={note}
          error={errors.note}
          data-autofocus={duplicate ? undefined : true}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setErrors((previous) => ({ ...previous, note: undefined }));
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {fr.common.cancel}
          </Button>
          <Button loading={report.isPending} onClick={send}>
            {texts.report.submit}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Clearing « douteuse » or « fictive », offered next to the alert that says it is set. */
export function ClearFlagButton({ patient, attribute }: { patient: PatientView; attribute: 'DOUT' | 'FICT' }) {
  const [flag, setFlag] = useState<Flag | null>(null);
  return (
    <>
      <Button variant="outline" size="xs" onClick={() => setFlag({ attribute, set: false })}>
        {attribute === 'DOUT' ? texts.actions.clearDOUT : texts.actions.clearFICT}
      </Button>
      <FlagModal patient={patient} flag={flag} onClose={() => setFlag(null)} />
    </>
  );
}

type Props = { patient: PatientView; onInsiAnswer: (answer: InsiAnswer) => void; onEdit?: () => void };

export function IdentityActions({ patient, onInsiAnswer, onEdit }: Props) {
  const [documentOpened, documentModal] = useDisclosure(false);
  const [flag, setFlag] = useState<Flag | null>(null);
  const [report, setReport] = useState<SuspicionKind | null>(null);
  const attributes = patient.identity.attributes;
  const flagged = attributes.includes('DOUT') || attributes.includes('FICT');
  const blocked = blocksInsi(patient);
  return (
    <Stack gap="xs">
      <Group gap="sm" aria-label={texts.actions.label} role="group">
        <InsiButton patient={patient} onAnswer={onInsiAnswer} />
        <Button variant={patient.identity.retrieved && !patient.identity.checked ? 'filled' : 'outline'} onClick={documentModal.open}>
          {texts.actions.document}
        </Button>
        <Menu position="bottom-start" width={260}>
          <Menu.Target>
            <Button variant="outline">{texts.actions.more}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {!flagged && <Menu.Item onClick={() => setFlag({ attribute: 'DOUT', set: true })}>{texts.actions.markDOUT}</Menu.Item>}
            {!flagged && <Menu.Item onClick={() => setFlag({ attribute: 'FICT', set: true })}>{texts.actions.markFICT}</Menu.Item>}
            <Menu.Item onClick={() => setReport('duplicate')}>{texts.actions.reportDuplicate}</Menu.Item>
            <Menu.Item onClick={() => setReport('collision')}>{texts.actions.reportCollision}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        {onEdit && (
          <Button variant="subtle" onClick={onEdit}>
            {texts.actions.edit}
          </Button>
        )}
      </Group>
      {blocked && <Text size="sm">{blocked}</Text>}
      <DocumentCheckModal patient={patient} opened={documentOpened} onClose={documentModal.close} />
      <FlagModal patient={patient} flag={flag} onClose={() => setFlag(null)} />
      <ReportModal patient={patient} kind={report} onClose={() => setReport(null)} />
    </Stack>
  );
}
