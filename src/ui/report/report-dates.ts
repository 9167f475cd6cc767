// Dates on the report, in the reader's own language and time zone.

/** A day, without the time. */
export function reportDay(iso: string | Date): string {
  return new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** The time of day. */
export function reportTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });
}
