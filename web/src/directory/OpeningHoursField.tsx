// The opening hours of an offer: rows of day + opening + closing time, with the two shortcuts that
// describe most offers (« Lun–Ven 9 h–17 h », « Tous les jours, 24 h/24 »).
import { Button, CloseButton, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { fr } from '../i18n/fr.ts';
import { hourText } from './format.ts';

const texts = fr.offers.form;
const DAYS = [1, 2, 3, 4, 5, 6, 7];

export type HoursRow = { day: string; opens: string; closes: string };

/** Every half hour, 24 h (a native time field shows AM/PM in some browsers); « minuit » closes a day. */
const HALF_HOURS = Array.from({ length: 48 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);
const MIDNIGHT = '23:59';

function timeOptions(current: string, closing: boolean) {
  const times = closing ? [...HALF_HOURS.slice(1), MIDNIGHT] : HALF_HOURS;
  const all = times.includes(current) || !current ? times : [...times, current].sort();
  return all.map((time) => ({ value: time, label: hourText(time) }));
}

export const WEEKDAYS_9_17: HoursRow[] = [1, 2, 3, 4, 5].map((day) => ({ day: String(day), opens: '09:00', closes: '17:00' }));
export const EVERY_DAY_ALL_DAY: HoursRow[] = DAYS.map((day) => ({ day: String(day), opens: '00:00', closes: '23:59' }));

type Props = {
  value: HoursRow[];
  onChange: (rows: HoursRow[]) => void;
  /** the form's errors, by path (`openingHours.2.closes`) */
  errors: Record<string, React.ReactNode>;
};

export function OpeningHoursField({ value, onChange, errors }: Props) {
  // « Mercredi » does not fit beside two times on a phone: « Mer »
  const narrow = useMediaQuery('(max-width: 30em)');
  const dayNames = narrow ? fr.offers.days : fr.offers.daysLong;
  const set = (index: number, patch: Partial<HoursRow>) => onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const add = () => {
    const last = value.at(-1);
    const day = last ? String(Math.min(7, Number(last.day) + 1)) : '1';
    onChange([...value, { day, opens: last?.opens ?? '09:00', closes: last?.closes ?? '17:00' }]);
  };
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {texts.hoursHelp}
      </Text>
      <Group gap="xs">
        <Button size="compact-sm" variant="light" onClick={() => onChange(WEEKDAYS_9_17)}>
          {texts.weekdays}
        </Button>
        <Button size="compact-sm" variant="light" onClick={() => onChange(EVERY_DAY_ALL_DAY)}>
          {texts.allWeek}
        </Button>
        {value.length > 0 && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => onChange([])}>
            {texts.clearHours}
          </Button>
        )}
      </Group>
      {value.length === 0 && <Text size="sm">{texts.noHours}</Text>}
      {value.length > 0 && (
        <Group gap="xs" wrap="nowrap" aria-hidden pr={34}>
          {[texts.day, texts.opens, texts.closes].map((label, i) => (
            <Text key={label} size="sm" fw={600} style={{ flex: i === 0 ? '1 1 7rem' : '1 1 6rem' }}>
              {label}
            </Text>
          ))}
        </Group>
      )}
      {value.length > 0 && (
        <Stack gap={6} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {value.map((row, i) => (
            <Group component="li" key={i} gap="xs" wrap="nowrap" align="flex-start">
              <NativeSelect
                aria-label={texts.dayLabel(i)}
                value={row.day}
                onChange={(event) => set(i, { day: event.currentTarget.value })}
                data={DAYS.map((day) => ({ value: String(day), label: dayNames[day]! }))}
                style={{ flex: '1 1 7rem' }}
                error={errors[`openingHours.${i}.day`]}
              />
              <NativeSelect
                aria-label={texts.opensLabel(i)}
                value={row.opens}
                onChange={(event) => set(i, { opens: event.currentTarget.value })}
                data={timeOptions(row.opens, false)}
                style={{ flex: '1 1 6rem' }}
                error={errors[`openingHours.${i}.opens`]}
              />
              <NativeSelect
                aria-label={texts.closesLabel(i)}
                value={row.closes}
                onChange={(event) => set(i, { closes: event.currentTarget.value })}
                data={timeOptions(row.closes, true)}
                style={{ flex: '1 1 6rem' }}
                error={errors[`openingHours.${i}.closes`]}
              />
              <CloseButton mt={4} aria-label={texts.removeRange(i)} onClick={() => onChange(value.filter((_, j) => j !== i))} />
            </Group>
          ))}
        </Stack>
      )}
      <Group>
        <Button size="compact-sm" variant="default" onClick={add}>
          {texts.addRange}
        </Button>
      </Group>
    </Stack>
  );
}
