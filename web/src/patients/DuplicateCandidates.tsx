// The records that may be the person being typed (identity vigilance, R-INS-7), shown above the save
// button: each can be opened, or set aside with « Ce n'est pas la même personne ».
import { Anchor, Badge, Checkbox, Group, Loader, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, type Ref } from 'react';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../api/types.ts';
import { fr } from '../i18n/fr.ts';
import { IdentityBadge } from '../identity/badges.tsx';
import { isVeryLikely, likeness, reasonsText } from '../identity/format.ts';
import { ageInYears, formatBirthDate } from '../lib/dates.ts';
import { patientName } from '../lib/names.ts';

const texts = fr.patients.duplicates;

function CandidateItem({ candidate, reviewed, onReview }: { candidate: DuplicateCandidate; reviewed: boolean; onReview: (checked: boolean) => void }) {
  const nameId = useId();
  const { patient } = candidate;
  const born = fr.patients.banner.born(patient.sex, formatBirthDate(patient.birthDate), fr.dates.age(ageInYears(patient.birthDate)));
  const reasons = reasonsText(candidate.reasons);
  return (
    <Paper component="li" withBorder p="sm" radius="md" bg={reviewed ? 'gray.0' : 'white'}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Text fw={700} id={nameId}>
              {patientName(patient)}
            </Text>
            {patient.usedName && <Text size="sm">{fr.patients.banner.usedName(patient.usedName.toUpperCase())}</Text>}
            <Text size="sm">
              {born}
              {patient.communeName && ` · ${patient.communeName}`}
            </Text>
          </div>
          <Group gap={6}>
            <IdentityBadge status={patient.identityStatus} size="md" />
            <Badge color={isVeryLikely(candidate.score) ? '#b03a0c' : 'gray.7'} variant="filled" size="md">
              {likeness(candidate.score)}
            </Badge>
          </Group>
        </Group>
        {reasons && <Text size="sm">{texts.reasons(reasons)}</Text>}
        <Group justify="space-between" gap="sm">
          <Anchor component={Link} to={`/patients/${patient.id}`} aria-describedby={nameId}>
            {texts.open}
          </Anchor>
          <Checkbox
            label={texts.notSame}
            checked={reviewed}
            aria-describedby={nameId}
            onChange={(event) => onReview(event.currentTarget.checked)}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

type Props = {
  candidates: DuplicateCandidate[];
  reviewed: ReadonlySet<string>;
  onReview: (patientId: string, checked: boolean) => void;
  searching: boolean;
  /** Said when the user tries to save before reviewing every candidate. */
  reviewError: boolean;
  editing: boolean;
  /** The heading takes focus when a save is stopped, so the user lands on what to review. */
  headingRef: Ref<HTMLHeadingElement>;
};

export function DuplicateCandidates({ candidates, reviewed, onReview, searching, reviewError, editing, headingRef }: Props) {
  const headingId = useId();
  // Said to screen readers as the list changes while typing; the list itself is not a live region.
  const announcement = (
    <VisuallyHidden role="status">{searching || candidates.length === 0 ? '' : texts.found(candidates.length)}</VisuallyHidden>
  );
  if (candidates.length === 0) {
    return (
      <>
        {announcement}
        {searching && (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">{texts.searching}</Text>
          </Group>
        )}
      </>
    );
  }
  return (
    <>
      {announcement}
      <Paper component="section" aria-labelledby={headingId} withBorder p="md" radius="md" bg="orange.0" style={{ borderColor: 'var(--mantine-color-orange-7)', borderWidth: 2 }}>
        <Stack gap="sm">
          <div>
            <Title order={3} size="h4" id={headingId} ref={headingRef} tabIndex={-1}>
              {texts.heading}
            </Title>
            <Text size="sm">{editing ? texts.editIntro : texts.intro}</Text>
          </div>
          {reviewError && (
            <Text c="red.9" fw={600} role="alert">
              {texts.reviewFirst}
            </Text>
          )}
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={texts.listLabel}>
            {candidates.map((candidate) => (
              <CandidateItem
                key={candidate.patient.id}
                candidate={candidate}
                reviewed={reviewed.has(candidate.patient.id)}
                onReview={(checked) => onReview(candidate.patient.id, checked)}
              />
            ))}
          </Stack>
          <Text size="sm">{texts.queued}</Text>
        </Stack>
      </Paper>
    </>
  );
}
