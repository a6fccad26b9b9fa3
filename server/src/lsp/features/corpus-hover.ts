// Hover cards drawn from the whole corpus index: an entity (name, kind, the ways it is written,
// mentions and chunks, dates, the entities it comes with, links), a figure (value written out,
// scientific form, how its scale word was read, the chunks quoting the same quantity or a
// different one for the same subject), a participant and a day. Answers from whatever is
// indexed so far; never waits for the start-up scan.
import type { Hover } from 'vscode-languageserver';
import { chunkName, t, type ChunkLink, type CorpusIndex, type EntityCard, type FigureMention, type IndexedFigure, type MentionKind, type Range } from '../../core';
import type { Feature } from '../context';

export function kindLabel(kind: MentionKind | 'participant'): string {
  switch (kind) {
    case 'person': return t('person');
    case 'organisation': return t('organisation');
    case 'place': return t('place');
    case 'product': return t('product');
    case 'topic': return t('topic');
    case 'participant': return t('participant');
    default: return t('name (found by capitalisation)');
  }
}

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** A command-free link VS Code opens at the line: `[000_….txt:9](file:///…#L9)`. */
export function chunkLink(id: string, line: number): string {
  return `[${escapeMd(chunkName(id))}:${line + 1}](${id.replace(/\)/g, '%29').replace(/ /g, '%20')}#L${line + 1})`;
}

export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return d ? `${d}/${m}/${y}` : `${m}/${y}`;
}

const count = (n: number, one: string, many: string) => (n === 1 ? t(one) : t(many, n));
const mentionsText = (n: number) => count(n, '1 mention', '{0} mentions');
const chunksText = (n: number) => count(n, '1 chunk', '{0} chunks');
const messagesText = (n: number) => count(n, '1 message', '{0} messages');

function linkList(links: readonly ChunkLink[], total: number, what: (n: number) => string): string[] {
  const out = links.map((l) => `- ${chunkLink(l.id, l.line)} — ${l.count === 0 ? t('article date') : what(l.count)}`);
  if (total > links.length) out.push(`- ${t('… and {0} more', total - links.length)}`);
  return out;
}

function dateRange(first: string | undefined, last: string | undefined): string | undefined {
  if (!first || !last) return undefined;
  return first === last ? formatDay(first) : `${formatDay(first)} → ${formatDay(last)}`;
}

export function entityMarkdown(card: EntityCard, index: CorpusIndex): string {
  const lines = [`**${escapeMd(card.name)}** · ${kindLabel(card.kind)}`, ''];
  const written = card.seen.filter((s) => s !== card.name);
  if (written.length > 0) lines.push(t('Also written: {0}', written.slice(0, 8).map((s) => `\`${s}\``).join(' · ')), '');
  let summary = t('{0} in {1}', mentionsText(card.mentions), chunksText(card.chunks));
  const dates = dateRange(card.firstDate, card.lastDate);
  if (dates) summary += ` · ${t('dated {0}', dates)}`;
  lines.push(summary, '');
  if (card.participant) {
    const p = index.participantCard(card.participant);
    if (p) lines.push(t('Also a participant: {0} in {1}.', messagesText(p.messages), chunksText(p.links.length)), '');
  }
  if (card.with.length > 0) lines.push(t('Most often with: {0}', card.with.map((w) => `${escapeMd(w.name)} (${w.chunks})`).join(', ')), '');
  lines.push(...linkList(card.links, card.chunks, mentionsText));
  return lines.join('\n');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n: number) => String(n).replace('-', '⁻').replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);

/** `10⁹`, `10¹²`. */
export function powerOfTen(multiplier: number): string {
  return `10${superscript(Math.round(Math.log10(multiplier)))}`;
}

/** `500 000 000 000`, `2,5`: digits grouped by three, spaces between groups. */
export function writtenOut(value: number, decimalComma: boolean): string {
  const fixed = Number.isInteger(value) || Math.abs(value) >= 1000 ? Math.round(value).toString() : value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  const [int, frac] = fixed.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return frac ? `${grouped}${decimalComma ? ',' : '.'}${frac}` : grouped;
}

/** `5 × 10¹¹`. */
export function scientific(value: number, decimalComma: boolean): string {
  if (value === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(value)));
  const mantissa = Number((value / 10 ** exp).toPrecision(3));
  const m = String(mantissa).replace('.', decimalComma ? ',' : '.');
  return exp === 0 ? m : `${m} × 10${superscript(exp)}`;
}

function unitText(f: Pick<FigureMention, 'unit' | 'family'>): string {
  return f.unit ? ` ${f.unit}` : '';
}

function readingText(f: FigureMention): string | undefined {
  const s = f.scale;
  if (!s) return undefined;
  const pow = powerOfTen(s.multiplier);
  const alt = s.alternative !== undefined ? powerOfTen(s.alternative) : '';
  switch (s.reason) {
    case 'long-scale': return t('`{0}` read on the French long scale, {1}: the sentence is French. The English short scale would read {2}.', s.word, pow, alt);
    case 'short-scale': return t('`{0}` read on the English short scale, {1}: the sentence is English. The French long scale would read {2}.', s.word, pow, alt);
    case 'english-form': return t('`{0}` read on the English short scale, {1}: written the English way, the currency sign before the number, in a French sentence. The French long scale would read {2}.', s.word, pow, alt);
    case 'mm-milliards': return t('`MM` read as milliards, {0}: the sentence is French. In English finance `MM` means millions, {1}.', pow, alt);
    case 'mm-millions': return t('`MM` read as millions, {0}: the sentence is English. In French writing `MM` means milliards, {1}.', pow, alt);
    default: return t('`{0}` = {1}.', s.word, pow);
  }
}

export function figureMarkdown(id: string, figure: IndexedFigure, index: CorpusIndex, locale: string): string {
  const comma = locale.startsWith('fr');
  const card = index.figureCard(id, figure);
  const lines = [
    `**${escapeMd(figure.surface)}** · ${t('figure')}`,
    '',
    `\`${writtenOut(figure.value, comma)}${unitText(figure)}\` · ${scientific(figure.value, comma)}${unitText(figure)}`,
    '',
  ];
  const reading = readingText(figure);
  if (reading) lines.push(reading, '');
  if (figure.scale && figure.scale.alternative !== undefined) {
    lines.push(t('The other reading gives {0}.', `\`${writtenOut((figure.value / figure.scale.multiplier) * figure.scale.alternative, comma)}${unitText(figure)}\``), '');
  }
  if (figure.inRange) lines.push(t('First number of a range: it takes its scale and unit from the second.'), '');
  if (figure.approximate) lines.push(t('Written as an approximation or a bound.'), '');
  if (card.same.length === 0) lines.push(t('No other chunk quotes this quantity.'));
  else {
    lines.push(t('Same figure (within 1 %) in {0}:', chunksText(card.same.length)));
    for (const s of card.same) lines.push(`- ${chunkLink(s.id, s.figure.line)} — \`${s.figure.surface}\``);
  }
  if (card.different.length > 0) {
    lines.push('', t('Different figures for the same subject:'));
    for (const d of card.different) lines.push(`- ${escapeMd(d.subjectName)}: \`${d.figure.surface}\` (${scientific(d.figure.value, comma)}${unitText(d.figure)}) — ${chunkLink(d.id, d.figure.line)}`);
  }
  return lines.join('\n');
}

export function participantMarkdown(sender: string, index: CorpusIndex): string | undefined {
  const p = index.participantCard(sender);
  if (!p) return undefined;
  const lines = [`**${escapeMd(sender)}** · ${kindLabel('participant')}`, '', t('{0} in {1}', messagesText(p.messages), chunksText(index.participants().find((x) => x.sender === sender)?.chunks ?? p.links.length))];
  if (p.first && p.last) lines.push('', t('First {0}, last {1}.', `${formatDay(p.first.day)} ${p.first.time}`, `${formatDay(p.last.day)} ${p.last.time}`));
  lines.push('', ...linkList(p.links, p.links.length, messagesText));
  return lines.join('\n');
}

export function dayMarkdown(day: string, index: CorpusIndex): string {
  const d = index.dayCard(day);
  const lines = [`**${formatDay(day)}** · ${day.length === 7 ? t('month') : t('day')}`, '', t('{0} in {1}', messagesText(d.messages), chunksText(d.links.length)), ''];
  lines.push(...linkList(d.links, d.links.length, messagesText));
  return lines.join('\n');
}

export const corpusHover: Feature = (ctx) => {
  ctx.addHoverProvider((entry, params): Hover | null => {
    const index = ctx.corpus().index;
    const hit = index.at(entry.id, params.position);
    if (!hit) return null;
    let value: string | undefined;
    let range: Range;
    switch (hit.type) {
      case 'entity': {
        const card = index.entityCard(hit.mention.entity);
        value = card && entityMarkdown(card, index);
        range = { start: { line: hit.mention.line, character: hit.mention.start }, end: { line: hit.mention.line, character: hit.mention.end } };
        break;
      }
      case 'figure':
        value = figureMarkdown(entry.id, hit.figure, index, ctx.locale());
        range = { start: { line: hit.figure.line, character: hit.figure.start }, end: { line: hit.figure.line, character: hit.figure.end } };
        break;
      case 'sender':
        value = participantMarkdown(hit.sender, index);
        range = hit.range;
        break;
      case 'date':
        value = dayMarkdown(hit.day, index);
        range = hit.range;
        break;
    }
    return value ? { contents: { kind: 'markdown', value }, range } : null;
  });
};
