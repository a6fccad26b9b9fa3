// Recognises the dated lines of a WhatsApp export, in the Android and iOS forms and their
// locale variants (12-hour clocks, narrow no-break spaces, two-digit years, `.` separators).
import type { ChunkDate, ExportForm } from './model';

export interface DatedLine {
  readonly form: ExportForm;
  readonly date: ChunkDate;
  /** hh:mm or hh:mm:ss on a 24-hour clock. */
  readonly time: string;
  /** Character span of the date as written. */
  readonly dateStart: number;
  readonly dateEnd: number;
  /** Where the rest of the line (sender and text, or a system text) starts. */
  readonly bodyStart: number;
  readonly sender?: string;
  readonly senderStart?: number;
  readonly textStart: number;
}

const SPACE = '[ \\u00A0\\u202F]';
// The separator is group 3 in both forms (after the optional LRM and the day): a numbered group,
// not a named one, spares exec a `groups` object on every dated line.
const DATE = '(\\d{1,2})([/.])(\\d{1,2})\\3(\\d{4}|\\d{2})';
const TIME = `(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:${SPACE}?([AaPp])\\.?\\s?[Mm]\\.?)?`;
const ANDROID = new RegExp(`^(\\u200E?)${DATE},?${SPACE}${TIME}${SPACE}-${SPACE}`);
const IOS = new RegExp(`^(\\u200E?)\\[${DATE},?${SPACE}${TIME}\\]${SPACE}`);

/**
 * A sender is short and holds no colon; a system line has no `Sender: ` prefix. WhatsApp writes
 * `Name: ` with no space before the colon, so French typography's ` : ` in a system line (a group
 * subject) does not make a sender.
 */
const SENDER = /^([^:\n]{0,59}?[^:\s]): /;
/** SENDER from `lastIndex` on (sticky), read in the line itself instead of a slice of it. */
const SENDER_AT = new RegExp(SENDER.source.slice(1), 'y');

/** Days in each month of a common year (February's 29th is asked of the year). */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function isValidDate(d: ChunkDate): boolean {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  // A table made once, not a list of twelve made for every dated line.
  const days = d.month === 2 && isLeap(d.year) ? 29 : MONTH_DAYS[d.month - 1]!;
  return d.day <= days;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function parseDatedLine(text: string): DatedLine | undefined {
  // Both forms start with a digit or `[` (after an optional LRM): most lines fail here, unread.
  const first = text.charCodeAt(text.charCodeAt(0) === 0x200e ? 1 : 0);
  if (first !== 0x5b && !(first >= 0x30 && first <= 0x39)) return undefined;
  let form: ExportForm = 'android';
  let m = ANDROID.exec(text);
  if (!m) {
    m = IOS.exec(text);
    form = 'ios';
  }
  if (!m) return undefined;
  const [, lrm, dd, , mm, yy, hh, min, ss, ampm] = m;
  const yearNum = yy!.length === 2 ? 2000 + Number(yy) : Number(yy);
  const date: ChunkDate = { day: Number(dd), month: Number(mm), year: yearNum };
  if (!isValidDate(date)) return undefined;
  let hour = Number(hh);
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = ampm.toLowerCase() === 'p';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || Number(min) > 59 || (ss !== undefined && Number(ss) > 59)) return undefined;
  const time = `${String(hour).padStart(2, '0')}:${min}${ss !== undefined ? `:${ss}` : ''}`;
  const dateStart = lrm!.length + (form === 'ios' ? 1 : 0);
  const dateEnd = dateStart + dd!.length + 1 + mm!.length + 1 + yy!.length;
  const bodyStart = m[0].length;
  SENDER_AT.lastIndex = bodyStart;
  const s = SENDER_AT.exec(text);
  if (s) {
    const sender = s[1]!.trim();
    return { form, date, time, dateStart, dateEnd, bodyStart, sender, senderStart: bodyStart, textStart: bodyStart + s[0].length };
  }
  return { form, date, time, dateStart, dateEnd, bodyStart, textStart: bodyStart };
}

export function formatDate(d: ChunkDate): string {
  return `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;
}

export function compareDates(a: ChunkDate, b: ChunkDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Reads `dd/mm/yyyy`, strictly; undefined when it is not a real calendar date. */
export function parseHeaderDate(s: string): ChunkDate | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const d = { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  return isValidDate(d) ? d : undefined;
}
