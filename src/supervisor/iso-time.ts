/**
 * An entry's time as the CSV export writes it: Date.prototype.toISOString's text, or the number
 * itself when it is no date. An export writes 100,000 of these in time order, so the date part
 * (`YYYY-MM-DDT`) is kept from the last call and only the time of day is made, from tables:
 * about a third of what a Date and its toISOString cost per entry (P7, docs/performance.md).
 */
const DAY_MS = 86_400_000;
/** From 1970 to the end of year 9999: toISOString writes a six-digit signed year outside it. */
const LAST_PLAIN_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

let cachedDay = Number.NaN;
let cachedDate = '';

export function isoTimeText(time: number): string {
  if (!(time >= 0 && time <= LAST_PLAIN_MS) || !Number.isInteger(time)) {
    const date = new Date(time);
    return Number.isNaN(date.getTime()) ? String(time) : date.toISOString();
  }
  const day = Math.floor(time / DAY_MS);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(time).toISOString().slice(0, 11);
  }
  let rest = time - day * DAY_MS;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  const hours = (rest - minutes) / 60;
  return `${cachedDate}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[ms]}Z`;
}
