// A deterministic corpus generator for benchmarks: N chat and article chunks with French-like
// text, named entities, figures in French and English forms, chat chunks that overlap the
// previous one by a line (as the producer does), and planted near-duplicates of articles.
// Parametric and seedable; writes to a temporary folder (or `dir`) and says what it wrote.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GenerateOptions {
  readonly count: number;
  readonly seed?: number;
  /** Share of chat chunks (the rest are articles). */
  readonly chatShare?: number;
  /** Share of articles that are near copies of an earlier one. */
  readonly duplicateShare?: number;
  /** Files per sub-folder (a corpus spreads over folders). */
  readonly perFolder?: number;
  /** Approximate number of lines of content per chunk. */
  readonly lines?: number;
  readonly dir?: string;
}

export interface GeneratedCorpus {
  readonly dir: string;
  readonly files: readonly string[];
  readonly bytes: number;
  readonly chats: number;
  readonly articles: number;
  readonly duplicates: number;
  /** Planted near copies: [copy, original] file paths. */
  readonly pairs: readonly (readonly [string, string])[];
}

/** mulberry32: small, fast, good enough to make the same corpus from the same seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES = ['OpenAI', 'hashtag#OpenAI', 'd’OpenAI', 'SoftBank', 'Softbank', 'Oracle', 'Microsoft', 'Nvidia', 'TSMC', 'Sam Altman', 'Altman', 'Donald Trump', 'Trump', 'Joe Biden', 'Elon Musk', 'Jensen Huang', 'la Chine', 'les États-Unis', 'les USA', 'l’Europe', 'la France', 'Mistral', 'Kyutai', 'Stargate', 'ChatGPT', 'l’IA', 'Anthropic', 'Google', 'Meta', 'Masayoshi Son', 'Bloomberg', 'le Texas'];
const NAMES = ['Rochane', 'Camille', 'Julien', 'Inès', 'Marc', 'Sofia', 'Hugo', 'Léa', 'Karim', 'Nadia'];
const FIGURES = ['500 milliards de $', '500 milliards de dollars', '$500 billion', '100MM$', '500MM', '$7 trillion', '7 000 milliards de dollars', 'entre 5 000 et 7 000 milliards de dollars', '1 billion de dollars', '$100 millions', '100k jobs', '100 000 emplois', '67 000 personnes', '~10GW', '75 %', '1 000 milliards', '2,5 milliards d’euros', '300 millions de dollars', '40 %', '12 000 emplois'];
const WORDS = 'le la les un une des de du et en dans pour sur avec par plus mais donc ainsi alors projet annonce investissement puissance calcul centre données modèle recherche marché semi-conducteurs énergie réacteurs nucléaires infrastructure stratégie concurrence gouvernement entreprise budget capital croissance talents usines puces course monde pays avenir analyse rapport article semaine année décision accord partenariat lancement déploiement'.split(' ');
const VERBS = 'annonce prévoit investit construit déploie accélère finance propose affirme estime dépasse soutient critique rejoint'.split(' ');

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

// A French-looking lexicon of 60 000 words drawn from syllables, used with Zipf-like
// frequencies, so the corpus has a real vocabulary: a few words everywhere, most words rare.
const SYLLABLES = 'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo ai au eau ou oi an en in on un ch tr pl br gr cl fl qu gn ion ment eur ique age ette ais'.split(' ');
const LEXICON: string[] = (() => {
  const r = random(20251125);
  const out = new Set<string>();
  while (out.size < 60_000) {
    const n = 2 + Math.floor(r() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
    if (r() < 0.15) w = w.replace(/e/, 'é');
    out.add(w);
  }
  return [...out];
})();

/** Zipf-like: the k-th word is drawn about 1/k as often as the first. */
function lexiconWord(r: () => number): string {
  return LEXICON[Math.min(LEXICON.length - 1, Math.floor(Math.exp(r() * Math.log(LEXICON.length))) - 1)]!;
}

function sentence(r: () => number): string {
  const words: string[] = [];
  const n = 8 + Math.floor(r() * 14);
  for (let i = 0; i < n; i++) words.push(r() < 0.45 ? pick(r, WORDS) : lexiconWord(r));
  const s = `${pick(r, ENTITIES)} ${pick(r, VERBS)} ${words.slice(0, n / 2).join(' ')}`;
  const tail = r() < 0.45 ? ` ${pick(r, ['pour', 'avec', 'soit', 'contre'])} ${pick(r, FIGURES)}` : '';
  const second = r() < 0.5 ? `, selon ${pick(r, ENTITIES)}` : '';
  return `${s[0]!.toUpperCase()}${s.slice(1)} ${words.slice(n / 2).join(' ')}${tail}${second}.`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function chat(r: () => number, lines: number, previousLast: string | undefined, day: number): { text: string; last: string } {
  const body: string[] = previousLast ? [previousLast] : [];
  let minute = Math.floor(r() * 600);
  while (body.length < lines) {
    minute += 1 + Math.floor(r() * 20);
    const d = `${pad(1 + (day % 28))}/${pad(1 + (Math.floor(day / 28) % 12))}/2025, ${pad(Math.floor(minute / 60) % 24)}:${pad(minute % 60)}`;
    const sender = r() < 0.3 ? `+33 6 39 98 ${pad(Math.floor(r() * 100))} ${pad(Math.floor(r() * 100))}` : pick(r, NAMES);
    body.push(`${d} - ${sender}: ${sentence(r)}`);
    if (r() < 0.4) body.push(sentence(r));
  }
  const header = ['=== MÉTADONNÉES CHUNK ===', 'Période: null → null', 'Participants: ', 'Topics: ', `Tokens: ${body.reduce((n, l) => n + Math.ceil(l.trim().length / 4), 0)}`, `Messages: ${body.length}`, '', '=== CONTENU ==='];
  return { text: `${[...header, ...body].join('\n')}\n`, last: body[body.length - 1]! };
}

function article(r: () => number, lines: number): string {
  const out: string[] = r() < 0.5 ? [` date 2025-${pad(1 + Math.floor(r() * 12))} ${sentence(r)}`] : [];
  while (out.length < lines) out.push(Array.from({ length: 1 + Math.floor(r() * 3) }, () => sentence(r)).join(' '), '');
  return `${out.join('\n')}\nPartager l'article :\n`;
}

/** A near copy: a few words changed and the last paragraph dropped. */
function nearCopy(r: () => number, text: string): string {
  const lines = text.split('\n');
  lines.splice(Math.max(1, lines.length - 3), 1);
  return lines.map((l) => (r() < 0.1 ? l.replace(/\b(projet|marché|annonce)\b/, 'programme') : l)).join('\n');
}

export function generateCorpus(o: GenerateOptions): GeneratedCorpus {
  const r = random(o.seed ?? 1);
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'chunk-review-bench-'));
  const perFolder = o.perFolder ?? 1000;
  const lines = o.lines ?? 12;
  const files: string[] = [];
  const articles: { text: string; file: string }[] = [];
  const pairs: [string, string][] = [];
  let bytes = 0;
  let chats = 0;
  let duplicates = 0;
  let last: string | undefined;
  for (let i = 0; i < o.count; i++) {
    const folder = join(dir, `part-${String(Math.floor(i / perFolder)).padStart(3, '0')}`);
    if (i % perFolder === 0) mkdirSync(folder, { recursive: true });
    let text: string;
    let copyOf: string | undefined;
    if (r() < (o.chatShare ?? 0.5)) {
      const c = chat(r, lines, last, Math.floor(i / 20));
      text = c.text;
      last = c.last;
      chats++;
    } else if (articles.length > 0 && r() < (o.duplicateShare ?? 0.03)) {
      const original = pick(r, articles);
      text = nearCopy(r, original.text);
      copyOf = original.file;
      duplicates++;
    } else {
      text = article(r, lines);
    }
    const file = join(folder, `${String(i).padStart(6, '0')}_${Math.floor(r() * 0xffffffff).toString(16).padStart(8, '0')}.txt`);
    if (copyOf) pairs.push([file, copyOf]);
    else if (!text.startsWith('=== ') && articles.length < 500) articles.push({ text, file });
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  return { dir, files, bytes, chats, articles: o.count - chats, duplicates, pairs };
}

// Run as a script (`tsx bench/generate.ts N [seed]`). Not when bundled into another bench entry
// (scripts/bench.mjs), where `require.main === module` holds for the whole bundle.
if (require.main === module && /generate\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  const count = Number(process.argv[2] ?? 1000);
  const g = generateCorpus({ count, seed: Number(process.argv[3] ?? 1) });
  console.log(JSON.stringify({ dir: g.dir, files: g.files.length, bytes: g.bytes, chats: g.chats, articles: g.articles, duplicates: g.duplicates }));
}
