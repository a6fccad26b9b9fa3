// The corpus index over the real server: hover cards, references, workspace symbols and
// document highlights on the samples, and the index following edits and file events.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { copyFolder, ROOT, TestClient } from './lsp-client';

type Hover = { contents: { kind: string; value: string }; range: { start: { line: number; character: number } } } | null;
type Location = { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
const FILES = { '000': '000_06819fdf042cc0f1.txt', '001': '001_e9a7ada696306544.txt', '002': '002_ca120742179b46cf.txt', '003': '003_2fb0a89cc24e84ab.txt', '004': '004_2d39a1a82d06be46.txt' } as const;
const name = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

describe('corpus index: hovers, references, symbols and highlights on the samples', () => {
  let client: TestClient;
  let corpus: { dir: string; cleanup: () => void };
  const uri = (f: keyof typeof FILES | string) => pathToFileURL(join(corpus.dir, f in FILES ? FILES[f as keyof typeof FILES] : f)).toString();
  /** The position of the n-th occurrence of `text` in a sample, plus `offset` characters. */
  const at = (f: keyof typeof FILES, text: string, offset = 1, nth = 0) => {
    const lines = readFileSync(join(ROOT, 'samples', FILES[f]), 'utf8').split('\n');
    let seen = 0;
    for (let line = 0; line < lines.length; line++) {
      let i = lines[line]!.indexOf(text);
      while (i >= 0) {
        if (seen++ === nth) return { line, character: i + offset };
        i = lines[line]!.indexOf(text, i + 1);
      }
    }
    throw new Error(`${text} not in ${f}`);
  };
  const hover = async (f: keyof typeof FILES, text: string, nth = 0) => {
    const h = await client.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: uri(f) }, position: at(f, text, 1, nth) });
    assert.ok(h, `no hover on ${text} in ${f}`);
    return h.contents.value;
  };

  before(async () => {
    corpus = copyFolder(join(ROOT, 'samples'));
    client = await TestClient.start(corpus.dir);
    await client.waitIndexed();
  });
  after(async () => {
    await client.stop();
    corpus.cleanup();
  });

  it('hovering OpenAI in 004 shows its card: kind, 4 chunks, dates, companions, clickable links', async () => {
    const v = await hover('004', 'OpenAI');
    assert.match(v, /\*\*OpenAI\*\* · organisation/);
    assert.match(v, /\d+ mentions in 4 chunks/);
    assert.match(v, /dated 01\/2025 → 22\/01\/2025/);
    assert.match(v, /Most often with: .*Sam Altman/);
    for (const f of ['000', '002', '003', '004'] as const) assert.match(v, new RegExp(`\\[${FILES[f].replace(/_/g, '\\\\_').replace('.', '\\.')}:\\d+\\]\\(file:///[^)]+${FILES[f].replace('.', '\\.')}#L\\d+\\)`), f);
  });

  it('hovering Softbank shows SoftBank, written both ways, in 3 chunks', async () => {
    const v = await hover('002', 'Softbank');
    assert.match(v, /\*\*SoftBank\*\* · organisation/);
    assert.match(v, /Also written: .*`Softbank`/);
    assert.match(v, /in 3 chunks/);
  });

  it('hovering Sam Altman shows a person in 4 chunks, also written Altman', async () => {
    const v = await hover('003', 'Sam Altman');
    assert.match(v, /\*\*Sam Altman\*\* · person/);
    assert.match(v, /Also written: `Altman`/);
    assert.match(v, /in 4 chunks/);
  });

  it('hovering 500 milliards in 000 writes the value out and finds 002', async () => {
    const v = await hover('000', '500 milliards');
    assert.match(v, /`500 000 000 000 \$` · 5 × 10¹¹ \$/);
    assert.match(v, /`milliards` = 10⁹/);
    assert.match(v, /Same figure \(within 1 %\) in 1 chunk:\n- \[002\\_ca120742179b46cf\.txt:1\]\(file:\/\/\/.*#L1\) — `500 milliards de dollars`/);
  });

  it('hovering 1 billion de dollars says it took the French long scale, and names the other reading', async () => {
    const v = await hover('002', '1 billion de dollars');
    assert.match(v, /`1 000 000 000 000 \$` · 1 × 10¹² \$/);
    assert.match(v, /long scale, 10¹²: the sentence is French\. The English short scale would read 10⁹/);
    assert.match(v, /1 000 milliards de dollars/);
  });

  it('hovering $7 trillion in 003 reads the short scale and finds 7 000 milliards de dollars in 004', async () => {
    const v = await hover('003', '$7 trillion de');
    assert.match(v, /`7 000 000 000 000 \$` · 7 × 10¹² \$/);
    assert.match(v, /written the English way/);
    assert.match(v, /004\\_2d39a1a82d06be46\.txt:15\]\([^)]+#L15\) — `7 000 milliards de dollars`/);
  });

  it('hovering 10GW shows 10 000 000 000 W', async () => {
    const v = await hover('001', '10GW');
    assert.match(v, /`10 000 000 000 W` · 1 × 10¹⁰ W/);
  });

  it('hovering 500MM names the other reading of MM', async () => {
    const v = await hover('000', '500MM');
    assert.match(v, /`MM` read as milliards, 10⁹: the sentence is French\. In English finance `MM` means millions, 10⁶/);
  });

  it('hovering a sender and a date gives the participant and the day', async () => {
    const p = await hover('001', 'Rochane');
    assert.match(p, /\*\*Rochane\*\* · participant/);
    assert.match(p, /2 messages in 1 chunk/);
    assert.match(p, /First 22\/01\/2025 18:43, last 22\/01\/2025 18:48/);
    const d = await hover('001', '22/01/2025');
    assert.match(d, /\*\*22\/01\/2025\*\* · day/);
    assert.match(d, /4 messages in 2 chunks/);
  });

  it('references to OpenAI reach all four chunks', async () => {
    const r = await client.connection.sendRequest<Location[]>('textDocument/references', { textDocument: { uri: uri('004') }, position: at('004', 'OpenAI'), context: { includeDeclaration: true } });
    assert.deepEqual([...new Set(r.map((l) => name(l.uri)))], [FILES['000'], FILES['002'], FILES['003'], FILES['004']]);
    const l = r.find((x) => name(x.uri) === FILES['003'])!;
    const text = readFileSync(join(ROOT, 'samples', FILES['003']), 'utf8').split('\n')[l.range.start.line]!;
    assert.equal(text.slice(l.range.start.character, l.range.end.character), 'OpenAI');
  });

  it('workspace/symbol finds Sam Altman from a typo and participants by name', async () => {
    const s = await client.connection.sendRequest<{ name: string; location: Location; containerName: string }[]>('workspace/symbol', { query: 'sam altmn' });
    assert.equal(s[0]!.name, 'Sam Altman');
    assert.match(s[0]!.containerName, /person · 4 chunks/);
    const p = await client.connection.sendRequest<{ name: string }[]>('workspace/symbol', { query: 'rochane' });
    assert.ok(p.some((x) => x.name === 'Rochane'));
  });

  it('documentHighlight marks the other mentions of OpenAI in 004', async () => {
    const h = await client.connection.sendRequest<{ range: Location['range'] }[]>('textDocument/documentHighlight', { textDocument: { uri: uri('004') }, position: at('004', 'OpenAI') });
    assert.equal(h.length, 12);
  });

  it('follows an edit in a buffer and a file created on disk', async () => {
    const text = readFileSync(join(ROOT, 'samples', FILES['004']), 'utf8');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('004'), languageId: 'plaintext', version: 1, text } });
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('004'), version: 2 }, contentChanges: [{ text: text.replace(/OpenAI/g, 'Anthropic') }] });
    await client.waitFor('OpenAI in 3 chunks', async () => /in 3 chunks/.test(await hover('000', 'OpenAI')));
    writeFileSync(join(corpus.dir, '005_new.txt'), 'Selon OpenAI, il faudra 500 milliards de dollars.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('005_new.txt'), type: 1 }] });
    await client.waitFor('OpenAI in 4 chunks again', async () => /in 4 chunks/.test(await hover('000', 'OpenAI')));
    const v = await hover('000', '500 milliards');
    assert.match(v, /Same figure \(within 1 %\) in 2 chunks/);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('004') } });
    await client.waitFor('OpenAI in 5 chunks', async () => /in 5 chunks/.test(await hover('000', 'OpenAI')));
  });
});
