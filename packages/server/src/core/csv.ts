import { stringify } from 'csv-stringify/sync';

/** A cell a spreadsheet would run as a formula (=, +, -, @) is written as text. */
const safe = (value: unknown) => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Rows as CSV (RFC 4180, through csv-stringify), the first being the header. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows.map((row) => row.map(safe)));
}
