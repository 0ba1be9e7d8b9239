// Date helpers for the demo: whole days, Paris office hours, French formatting.
import type { Rng } from './random.ts';

const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const parisHourFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: 'numeric', hourCycle: 'h23' });

/** hours to add to UTC to get Paris time on that date (1 in winter, 2 in summer) */
function parisOffsetHours(date: Date): number {
  const parisHour = Number(parisHourFormat.format(date));
  return (parisHour - date.getUTCHours() + 24) % 24;
}

/** that calendar day (taken in UTC) at the given Paris time */
export function atParisTime(day: Date, hour: number, minute: number): Date {
  const midnightUtc = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const guess = new Date(midnightUtc + (hour * 60 + minute) * 60_000);
  return new Date(guess.getTime() - parisOffsetHours(guess) * 3_600_000);
}

/**
 * A moment in [from, to) during working hours (8:00-19:00 Paris), mostly on weekdays: people write
 * their notes at work (weekends only with the given share). Falls back to any moment in the range
 * when it is too short for that.
 */
export function workingMoment(rng: Rng, from: Date, to: Date, weekendShare = 0): Date {
  const span = to.getTime() - from.getTime();
  if (span <= 0) return new Date(from.getTime());
  for (let attempt = 0; attempt < 8; attempt++) {
    const day = new Date(from.getTime() + rng.next() * span);
    const weekday = day.getUTCDay();
    if ((weekday === 0 || weekday === 6) && !rng.chance(weekendShare)) continue;
    const moment = atParisTime(day, rng.int(8, 18), rng.int(0, 59));
    if (moment >= from && moment < to) return moment;
  }
  return new Date(from.getTime() + Math.floor(rng.next() * span));
}

const longDate = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' });
const weekdayName = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long' });
const clock = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: 'numeric', minute: '2-digit' });

/** "jeudi 14 mars" */
export function frLongDate(date: Date): string {
  // French writes the first of the month as an ordinal: "vendredi 1er août"
  return longDate.format(date).replace(/ 1 /, ' 1er ');
}

/** "jeudi" */
export function frWeekday(date: Date): string {
  return weekdayName.format(date);
}

/** "8 h 30" */
export function frClock(date: Date): string {
  const [h, m] = clock.format(date).split(':');
  return `${Number(h)} h ${m}`;
}
