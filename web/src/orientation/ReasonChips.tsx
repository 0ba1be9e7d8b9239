// Why a result is proposed, as short chips under it: words first, colour only as a second cue.
import { Group, Text } from '@mantine/core';
import type { ReasonChip } from './format.ts';

const TONES: Record<ReasonChip['tone'], { c: string; bg: string; mark: string }> = {
  // dark enough for 4.5:1 on their tinted backgrounds (Mantine's orange.9 is not)
  good: { c: '#24753a', bg: 'green.0', mark: '✓' },
  warning: { c: '#b03a0c', bg: 'orange.0', mark: '!' },
  neutral: { c: 'gray.8', bg: 'gray.1', mark: '' },
};

export function ReasonChips({ chips, label }: { chips: ReasonChip[]; label: string }) {
  if (chips.length === 0) return null;
  return (
    <Group component="ul" gap={6} aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
      {chips.map((chip) => {
        const tone = TONES[chip.tone];
        return (
          <Text
            key={chip.key}
            component="li"
            size="sm"
            fw={500}
            c={tone.c}
            bg={tone.bg}
            px="sm"
            py={2}
            style={{ borderRadius: 'var(--mantine-radius-xl)' }}
          >
            {tone.mark && (
              <span aria-hidden="true" style={{ marginRight: 4 }}>
                {tone.mark}
              </span>
            )}
            {chip.text}
          </Text>
        );
      })}
    </Group>
  );
}
