/**
 * Dates typed the way the page's locale writes them ("03.03.2026" in German, "3/3/2026" in US
 * English). Chromium's `<input type="date">` shows the browser's own format whatever the page's
 * language (a German page in an English browser reads mm/dd/yyyy), so the supervisor's filters
 * are text fields that read and write the locale's order through `Intl`. Values inside the page
 * stay ISO `YYYY-MM-DD` (audit-filter.ts).
 */
type Part = 'day' | 'month' | 'year';

export interface DatePattern {
  order: Part[];
  separator: string;
}

export function datePattern(locale: string): DatePattern {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(2026, 10, 22));
  const order = parts.flatMap((part) => (part.type === 'day' || part.type === 'month' || part.type === 'year' ? [part.type] : []));
  const separator = parts.find((part) => part.type === 'literal')?.value.trim() || '/';
  return { order: order.length === 3 ? order : ['year', 'month', 'day'], separator };
}

/** "TT.MM.JJJJ": the pattern with the language's letters for day, month and year. */
export function datePlaceholder(locale: string, letters: Record<Part, string>): string {
  const { order, separator } = datePattern(locale);
  return order.map((part) => letters[part]).join(separator);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** ISO `YYYY-MM-DD` → the locale's text ("" stays ""). */
export function formatDateText(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/**
 * The locale's text (any of . / - or spaces between the numbers; a two-digit year is 20xx) or
 * an ISO date → ISO `YYYY-MM-DD`; "" for an empty box; null when it is not a real date.
 */
export function parseDateText(text: string, locale: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const numbers = trimmed.split(/[\s./-]+/).filter(Boolean);
  if (numbers.length !== 3 || !numbers.every((n) => /^\d+$/.test(n))) return null;
  const order: Part[] = /^\d{4}$/.test(numbers[0]!) ? ['year', 'month', 'day'] : datePattern(locale).order;
  const value: Record<Part, number> = { day: 0, month: 0, year: 0 };
  order.forEach((part, i) => (value[part] = Number(numbers[i])));
  if (value.year < 100) value.year += 2000;
  const date = new Date(value.year, value.month - 1, value.day);
  if (date.getFullYear() !== value.year || date.getMonth() !== value.month - 1 || date.getDate() !== value.day) return null;
  return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`;
}
