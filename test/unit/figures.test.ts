import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFigures, parseChunk, sameQuantity, type FigureMention } from '../../server/src/core';

const figures = (text: string) => extractFigures(parseChunk('x', text));
const brief = (f: FigureMention) => ({ surface: f.surface, value: f.value, family: f.family, reason: f.scale?.reason ?? null });
const close = (a: number, b: number) => Math.abs(a - b) <= Math.abs(b) * 1e-9;

describe('figure extractor: a table of French and English forms', () => {
  const FR = 'Le projet annoncé dans la presse prévoit';
  const EN = 'The company says that it will invest';
  const table: [string, string, string, number, string, string | null][] = [
    // name, sentence, surface, value, family, scale reason
    ['milliards de $', `${FR} 500 milliards de $ pour les clusters.`, '500 milliards de $', 5e11, 'currency:USD', 'word'],
    ['milliards de dollars', `${FR} 500 milliards de dollars pour les clusters.`, '500 milliards de dollars', 5e11, 'currency:USD', 'word'],
    ['$ billion, English sentence', `${EN} $500 billion over the next four years.`, '$500 billion', 5e11, 'currency:USD', 'short-scale'],
    ['MM$ in French text', `${FR} un investissement de 100MM$ pour les clusters.`, '100MM$', 1e11, 'currency:USD', 'mm-milliards'],
    ['MM without unit', `${FR} non pas 100 mais 500MM pour les clusters.`, '500MM', 5e11, 'number', 'mm-milliards'],
    ['$ trillion in French text', `${FR} jusqu'à $7 trillion de capital privé.`, '$7 trillion', 7e12, 'currency:USD', 'english-form'],
    ['$ trillions in French text', 'La question des $7 trillions : Sam Altman peut-il réussir ?', '$7 trillions', 7e12, 'currency:USD', 'english-form'],
    ['billion de dollars, French long scale', 'Les analystes avaient prédit 1 billion de dollars d’investissements dans les centres.', '1 billion de dollars', 1e12, 'currency:USD', 'long-scale'],
    ['billion dollars, English short scale', `${EN} 1 billion dollars in the new plant.`, '1 billion dollars', 1e9, 'currency:USD', 'short-scale'],
    ['$ millions', 'Former GPT-4 a déjà coûté plus de $100 millions à la société.', '$100 millions', 1e8, 'currency:USD', 'word'],
    ['k jobs', `${FR} 100k jobs pour les Américains.`, '100k jobs', 1e5, 'people', 'word'],
    ['emplois with a space', 'Cela va créer plus de 100 000 emplois dans le pays.', '100 000 emplois', 1e5, 'people', null],
    ['personnes', 'Un exode de 67 000 personnes est prévu.', '67 000 personnes', 67000, 'people', null],
    ['~GW', 'Il faut une puissance de ~10GW pour les clusters.', '~10GW', 1e10, 'power', null],
    ['percent with a space', 'Les coûts chuteront de 75 % par an.', '75 %', 75, 'percent', null],
    ['percent without space', 'Un outil 100% gratuit pour tous.', '100%', 100, 'percent', null],
    ['milliards without unit', 'Le marché devrait atteindre 1 000 milliards à la fin.', '1 000 milliards', 1e12, 'number', 'word'],
    ['no-break space separator', 'Le marché devrait atteindre 1\u00a0000 milliards à la fin.', '1\u00a0000 milliards', 1e12, 'number', 'word'],
    ['narrow no-break space separator', 'Cela va créer 100\u202f000 emplois dans le pays.', '100\u202f000 emplois', 1e5, 'people', null],
    ['French decimal comma', 'Le fonds a levé 1,5 milliard d’euros cette année.', '1,5 milliard d’euros', 1.5e9, 'currency:EUR', 'word'],
    ['decimal comma percent', 'La croissance est de 2,5 % par an.', '2,5 %', 2.5, 'percent', null],
    ['English thousands comma', 'The plant employs 1,200 people in the state.', '1,200 people', 1200, 'people', null],
    ['MM in English text', 'The fund raised $100MM last year from the investors.', '$100MM', 1e8, 'currency:USD', 'mm-millions'],
  ];
  for (const [name, text, surface, value, family, reason] of table) {
    it(name, () => {
      const fs = figures(text);
      assert.equal(fs.length, 1, JSON.stringify(fs.map(brief)));
      const f = fs[0]!;
      assert.equal(f.surface, surface);
      assert.ok(close(f.value, value), `${f.value} ≠ ${value}`);
      assert.equal(f.family, family);
      assert.equal(f.scale?.reason ?? null, reason);
    });
  }

  it('reads a range with a shared unit as two figures', () => {
    const fs = figures('Cela pourrait exiger entre 5 000 et 7 000 milliards de dollars, selon lui.');
    assert.deepEqual(fs.map(brief), [
      { surface: '5 000', value: 5e12, family: 'currency:USD', reason: 'word' },
      { surface: '7 000 milliards de dollars', value: 7e12, family: 'currency:USD', reason: 'word' },
    ]);
    assert.equal(fs[0]!.inRange, true);
  });

  it('names the other reading of an ambiguous scale word', () => {
    assert.equal(figures('Les analystes avaient prédit 1 billion de dollars pour les centres.')[0]!.scale!.alternative, 1e9);
    assert.equal(figures('On parlait alors d’un investissement de 100MM$ pour les centres.')[0]!.scale!.alternative, 1e6);
  });

  it('takes dates, times, phone numbers, hashtags and bare numbers for no figure', () => {
    const negatives = [
      '22/01/2025, 18:43 - Rochane: on se voit à 18:43 le 22/01/2025',
      'Appelle le +33 6 39 98 00 07 ou le 06 39 98 00 01.',
      'Le 31 octobre 2024, puis January 21, 2025, et 2025-01-22.',
      'Voir hashtag#2025 et #100k et @33639980008 sur le sujet.',
      'Il y a 10 ans, GPT-4 et 0/400 commentaires, les 4 prochaines années, 100 fois plus.',
      'Voir https://t.co/12345 et pic.twitter.com/500MM pour la suite.',
    ];
    for (const n of negatives) assert.deepEqual(figures(n).map(brief), [], n);
  });

  it('knows the same quantity within rounding, in the same unit family', () => {
    assert.ok(sameQuantity({ value: 7e12, family: 'currency:USD' }, { value: 7.05e12, family: 'currency:USD' }));
    assert.ok(!sameQuantity({ value: 7e12, family: 'currency:USD' }, { value: 7.2e12, family: 'currency:USD' }));
    assert.ok(!sameQuantity({ value: 1e10, family: 'power' }, { value: 1e10, family: 'currency:USD' }));
    assert.ok(sameQuantity({ value: 5e11, family: 'number' }, { value: 5e11, family: 'currency:USD' }));
  });
});
