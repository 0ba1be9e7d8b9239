// Calendar days as people in France live them: a due day or an event day is a day in Europe/Paris.

/** Today's date (YYYY-MM-DD) in Europe/Paris: half past midnight in Paris is already the next day. */
export function todayInParis(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
