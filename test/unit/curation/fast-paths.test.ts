// The cheap first tests in front of the curation rules' costly ones must never change an answer.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { anyCue, anyOf, classifyLine } from '../../../server/src/core/curation/boilerplate';
import { findMojibake, MOJIBAKE, repairMojibake } from '../../../server/src/core/curation/mojibake';
import { LANGUAGES } from '../../../server/src/core/data/boilerplate';
import { decodeChunkBytes, firstInvalidUtf8, splitLines, splitOnNewline } from '../../../server/src/core/text';
import { parseChunk } from '../../../server/src/core/parse';

const PATTERNS = LANGUAGES.flatMap((l) => [...l.lines, ...l.phrases].map((p) => p.pattern));
// Lines close to the patterns: their words, bits of them, and prose around them.
const PIECES = ['Partager', 'partagez', "l'article", ' sur ', 'LinkedIn', 'commentaires', '12 ', '0/400', ' / ', 'Voir ', "l’original", 'lire la suite',
  'chargement', '…', 'Scannez pour télécharger', "l'app", 'Share this article', 'on X', ':', 'Loading', 'read more', 'We may earn a commission',
  'contains affiliate links', 'ne fournit aucun conseil financier', 'Création du résumé en cours', 'Le projet ', 'est annoncé. ', 'É', 'é', ' ', '  '];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((xs) => xs.join(''));

/**
 * Every text a pattern made of literals, `[…]` sets without ranges, `(?:…|…)` groups and `?`
 * can match (the phrases' patterns: each matches a finite set of texts); throws on anything else.
 */
function texts(source: string): string[] {
  let at = 0;
  const alternatives = (): string[] => {
    const out: string[] = [];
    for (;;) {
      let seq = [''];
      while (at < source.length && source[at] !== '|' && source[at] !== ')') {
        let atom: string[];
        const c = source[at]!;
        if (c === '^' && at === 0) { at++; continue; }
        if (source.startsWith('(?:', at)) {
          at += 3;
          atom = alternatives();
          assert.equal(source[at], ')');
          at++;
        } else if (c === '[') {
          const end = source.indexOf(']', at);
          const set = [...source.slice(at + 1, end)];
          assert.ok(set.every((x, i) => x !== '-' || i === 0 || i === set.length - 1) && !set.includes('\\') && set[0] !== '^', source);
          atom = set;
          at = end + 1;
        } else {
          assert.ok(!'\\.*+{}()$|?'.includes(c), `cannot list the texts of ${source} (at ${at})`);
          atom = [c];
          at++;
        }
        if (source[at] === '?') { atom = [...atom, '']; at++; }
        assert.ok(at >= source.length || !'*+{'.includes(source[at]!), source);
        seq = seq.flatMap((x) => atom.map((y) => x + y));
      }
      out.push(...seq);
      if (source[at] !== '|') return out;
      at++;
    }
  };
  const all = alternatives();
  assert.equal(at, source.length, source);
  return all;
}

/** ASCII letters lower-cased, and what an `iu` pattern reads as k and s; everything else as it is. */
const foldCue = (s: string) => s.replace(/[A-Z\u212A\u017F]/g, (c) => (c === '\u212A' ? 'k' : c === '\u017F' ? 's' : c.toLowerCase()));

describe('curation fast paths', () => {
  it('each boilerplate phrase cue is in every text its pattern matches', () => {
    let listed = 0;
    for (const lang of LANGUAGES) {
      for (const p of lang.phrases) {
        assert.match(p.cue, /^[a-z ]{3,}$/);
        const all = texts(p.pattern.source);
        listed += all.length;
        for (const t of all) {
          assert.ok(p.pattern.test(t), `${p.pattern} lists ${t}`);
          assert.ok(t.toLowerCase().includes(p.cue), `${p.pattern}: "${t}" lacks its cue "${p.cue}"`);
        }
      }
    }
    assert.ok(listed > 40, `${listed} texts`);
    // The lister is able to find a cue missing.
    assert.throws(() => assert.ok(texts('(?:we|may) earn').every((t) => t.includes('we '))));
  });

  it('finds a cue exactly when a lower-cased copy holds one, whatever the case or the characters around it', () => {
    const cues = ['page peut', 'eil financier', 'affili', 'affiliate links', ' advice', 'earn ', 'buy through ', 'kiss'];
    const has = anyCue(cues);
    const piece = fc.constantFrom('page peut', 'PAGE PEUT', 'Page', ' peut', 'pag', 'e p', 'eil', ' FINANCIER', 'affili', 'AFFILI', 'affil', 'ate links', 'advice', 'Advice', ' ADVICE',
      'earn', 'EARN ', 'buy', ' through ', 'BUY THROUGH ', '\u212A', '\u017F', 'ki', 'KI', 'ss', 's', 'S', 'lin', 'ate lin', 'é', 'É', '’', '\u00a0', '\u202f', '😀', '\ud83d', ' ', 'a', 'e', '\n', '\u0130', '\u0131');
    let found = 0;
    fc.assert(fc.property(fc.oneof(fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')), fc.string()), (s) => {
      const expected = cues.some((c) => foldCue(s).includes(c));
      if (expected) found++;
      assert.equal(has(s), expected, JSON.stringify(s));
    }), { numRuns: 20_000, seed: 20251205 });
    assert.ok(found > 1000, `${found} texts held a cue`);
    assert.equal(anyCue(['ab'])('xyz'), true, 'a cue too short turns the test off');
    assert.equal(anyCue(['abé'])('xyz'), true, 'a cue with another character turns the test off');
  });

  it('finds every cue of a list with more distinct starts than a byte can number', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const cues = Array.from({ length: 600 }, (_, i) => `${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676)]}xq`);
    const has = anyCue(cues);
    for (const c of cues) assert.ok(has(`un texte avec ${c.toUpperCase()} dedans`), c);
    assert.equal(has('un texte sans aucun indice'), false);
  });

  it('classifies lines the same with the phrase cues as with the patterns alone', () => {
    const phrases = LANGUAGES.flatMap((l) => l.phrases);
    const lines = LANGUAGES.flatMap((l) => l.lines);
    const slow = (t: string) => lines.find((p) => p.pattern.test(t))?.kind ?? phrases.find((p) => p.pattern.test(t))?.kind;
    const phrasePiece = fc.constantFrom(...phrases.flatMap((p) => texts(p.pattern.source)));
    const piece = fc.oneof(phrasePiece, phrasePiece.map((t) => t.toUpperCase()), phrasePiece.map((t) => t.replace(/k/g, '\u212A').replace(/s/g, '\u017F')),
      fc.constantFrom('Le projet ', 'est annoncé. ', ' ', 'É', '’', "'", 'x', '\u00a0'));
    let hits = 0;
    fc.assert(fc.property(fc.array(piece, { maxLength: 5 }).map((xs) => xs.join('').trim()), (s) => {
      const expected = slow(s);
      if (phrases.some((p) => p.pattern.test(s))) hits++;
      // classifyLine also strips a bullet and reads tweet signatures: neither occurs here.
      assert.equal(classifyLine(s), expected, JSON.stringify(s));
    }), { numRuns: 20_000, seed: 20251205 });
    assert.ok(hits > 5000, `${hits} lines held a phrase`);
  });

  it('one alternation of the boilerplate patterns matches exactly when one of them does', () => {
    const any = anyOf(PATTERNS);
    let hits = 0;
    fc.assert(fc.property(fc.oneof(line, fc.string()), (s) => {
      const expected = PATTERNS.some((p) => p.test(s));
      if (expected) hits++;
      assert.equal(any(s), expected, JSON.stringify(s));
    }), { numRuns: 20_000, seed: 20251202 });
    assert.ok(hits > 1000, `${hits} lines matched`);
    // And the kind is still the first pattern's, in data order.
    assert.equal(classifyLine('Partager sur LinkedIn'), 'share');
    assert.equal(classifyLine('• Création du résumé en cours…'), 'placeholder');
  });

  it('finds the same mojibake as the pattern alone', () => {
    const piece = fc.constantFrom('Ã©', 'Ã', 'â€™', 'â€', 'Â', 'Â ', 'é', 'ô', 'Ã´', 'ð\u009f', 'ðŸ˜€', 'a', ' ', '’', '\u0080', 'Ã\u00A0');
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((xs) => xs.join('')), (s) => {
      const expected = [...s.matchAll(MOJIBAKE)].flatMap((m) => {
        const repaired = repairMojibake(m[0]);
        return repaired === undefined ? [] : [{ start: m.index, end: m.index + m[0].length, text: m[0], repaired }];
      });
      assert.deepEqual(findMojibake(s), expected, JSON.stringify(s));
    }), { numRuns: 10_000, seed: 20251202 });
  });

  it('makes messages with the same keys, in the same order, with or without a sender', () => {
    const c = parseChunk('file:///c/x.txt', '22/01/2025, 14:26 - Léa: salut\nsuite\n22/01/2025, 14:27 - Les messages sont chiffrés\n[22/01/2025, 2:28:05 PM] +33 6 12 34 56 78: ok');
    const keys = ['line', 'endLine', 'form', 'date', 'time', 'text', 'textRange', 'dateRange'];
    assert.deepEqual(c.messages.map((m) => Object.keys(m)), [[...keys, 'sender', 'senderRange'], keys, [...keys, 'sender', 'senderRange']]);
    assert.deepEqual(c.messages[0], {
      line: 0, endLine: 1, form: 'android', date: { day: 22, month: 1, year: 2025 }, time: '14:26', text: 'salut',
      textRange: { start: { line: 0, character: 25 }, end: { line: 0, character: 30 } }, dateRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
      sender: 'Léa', senderRange: { start: { line: 0, character: 20 }, end: { line: 0, character: 23 } },
    });
    assert.equal(c.messages[2]!.time, '14:28:05');
  });

  it('cuts lines at a line feed exactly as split does', () => {
    const piece = fc.constantFrom('\n', '\n\n', '\r', '\r\n', '\ufeff', 'a', 'é', ' ', '\u00a0', '\u202f', '😀', '\ud83d', '\ude00', 'x'.repeat(20), '22/01/2025, 14:26 - +33 6 12 34 56 78: ok');
    fc.assert(fc.property(fc.oneof(fc.array(piece, { maxLength: 12 }).map((xs) => xs.join('')), fc.string()), (s) => {
      assert.deepEqual(splitOnNewline(s), s.split('\n'), JSON.stringify(s));
      const body = s.startsWith('\ufeff') ? s.slice(1) : s;
      assert.deepEqual(splitLines(s).lines, body.split(/\r\n|\n|\r/), JSON.stringify(s));
    }), { numRuns: 20_000, seed: 20251205 });
    for (const s of ['', '\n', 'a', 'a\n', '\na', 'a\n\nb']) assert.deepEqual(splitOnNewline(s), s.split('\n'), JSON.stringify(s));
  });

  it('reads bytes as UTF-8 exactly when the byte scan finds no bad sequence', () => {
    const bytes = fc.array(fc.oneof(fc.integer({ min: 1, max: 0x7f }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0xc3, 0xa9, 0xe2, 0x80, 0x99, 0xed, 0xa0, 0xf0, 0x9f, 0xf4, 0x90, 0xc0, 0xc1)), { maxLength: 12 })
      .map((xs) => Uint8Array.from(xs));
    let valid = 0;
    fc.assert(fc.property(bytes, (b) => {
      const r = decodeChunkBytes(b);
      const bad = firstInvalidUtf8(b);
      if (bad < 0) valid++;
      assert.equal(r.ok, bad < 0);
      if (r.ok) assert.equal(r.text, new TextDecoder('utf-8', { ignoreBOM: true }).decode(b));
      else assert.match(r.message, new RegExp(`offset ${bad},`));
    }), { numRuns: 20_000, seed: 20251202 });
    assert.ok(valid > 2000, `${valid} valid inputs`);
  });
});
