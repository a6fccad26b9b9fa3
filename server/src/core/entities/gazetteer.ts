// The shipped gazetteer: the seeds' entities plus common AI, tech and geography names, in
// French and English. Curated and modest on purpose: a corpus adds or corrects entries in
// `.chunkreview.json` (`entities`), and capitalised names outside this list are still found
// by the heuristics of the extractor.

/** The kinds of the project config, plus `topic` for things like AI that are none of them. */
export type EntityKind = 'person' | 'organisation' | 'place' | 'product' | 'topic';

export interface GazetteerEntry {
  /** Canonical name, shown in hovers. */
  readonly name: string;
  readonly kind: EntityKind;
  /** Other names of the same thing (any case or accents; `-` and spaces are the same). */
  readonly aliases?: readonly string[];
}

export const GAZETTEER: readonly GazetteerEntry[] = [
  // Organisations
  { name: 'OpenAI', kind: 'organisation', aliases: ['Open AI'] },
  { name: 'SoftBank', kind: 'organisation', aliases: ['Softbank', 'SoftBank Group'] },
  { name: 'Oracle', kind: 'organisation' },
  { name: 'MGX', kind: 'organisation' },
  { name: 'Microsoft', kind: 'organisation', aliases: ['MSFT'] },
  { name: 'Google', kind: 'organisation', aliases: ['Alphabet'] },
  { name: 'Google DeepMind', kind: 'organisation', aliases: ['DeepMind'] },
  { name: 'Amazon', kind: 'organisation', aliases: ['AWS', 'Amazon Web Services'] },
  { name: 'Meta', kind: 'organisation', aliases: ['Facebook'] },
  { name: 'Tesla', kind: 'organisation' },
  { name: 'xAI', kind: 'organisation' },
  { name: 'Apple', kind: 'organisation' },
  { name: 'Nvidia', kind: 'organisation', aliases: ['NVIDIA'] },
  { name: 'Intel', kind: 'organisation' },
  { name: 'AMD', kind: 'organisation' },
  { name: 'Samsung', kind: 'organisation' },
  { name: 'TSMC', kind: 'organisation', aliases: ['Taiwan Semiconductor'] },
  { name: 'Anthropic', kind: 'organisation' },
  { name: 'Mistral AI', kind: 'organisation', aliases: ['Mistral'] },
  { name: 'Kyutai', kind: 'organisation' },
  { name: 'Hugging Face', kind: 'organisation', aliases: ['HuggingFace'] },
  { name: 'DeepSeek', kind: 'organisation' },
  { name: 'Baidu', kind: 'organisation' },
  { name: 'Alibaba', kind: 'organisation' },
  { name: 'Huawei', kind: 'organisation' },
  { name: 'Blackstone', kind: 'organisation' },
  { name: 'Ark Invest', kind: 'organisation', aliases: ['ARK Invest'] },
  { name: 'Bloomberg', kind: 'organisation' },
  { name: 'CNBC', kind: 'organisation' },
  { name: 'Wall Street Journal', kind: 'organisation', aliases: ['WSJ'] },
  { name: 'Gate', kind: 'organisation', aliases: ['Gate.io'] },
  { name: 'LinkedIn', kind: 'organisation' },
  { name: 'Union européenne', kind: 'organisation', aliases: ['UE', 'EU', 'European Union', 'Union Europeenne'] },
  { name: 'Commission européenne', kind: 'organisation', aliases: ['European Commission'] },
  { name: 'Maison-Blanche', kind: 'organisation', aliases: ['Maison Blanche', 'White House'] },
  // People
  { name: 'Donald Trump', kind: 'person', aliases: ['Trump', 'President Trump', 'Président Trump'] },
  { name: 'Joe Biden', kind: 'person', aliases: ['Biden'] },
  { name: 'Sam Altman', kind: 'person', aliases: ['Altman'] },
  { name: 'Larry Ellison', kind: 'person', aliases: ['Ellison'] },
  { name: 'Masayoshi Son', kind: 'person' },
  { name: 'Elon Musk', kind: 'person', aliases: ['Musk'] },
  { name: 'Jensen Huang', kind: 'person' },
  { name: 'Satya Nadella', kind: 'person', aliases: ['Nadella'] },
  { name: 'Sundar Pichai', kind: 'person', aliases: ['Pichai'] },
  { name: 'Mark Zuckerberg', kind: 'person', aliases: ['Zuckerberg'] },
  { name: 'Dario Amodei', kind: 'person', aliases: ['Amodei'] },
  { name: 'Demis Hassabis', kind: 'person', aliases: ['Hassabis'] },
  { name: 'Arthur Mensch', kind: 'person' },
  { name: 'Emmanuel Macron', kind: 'person', aliases: ['Macron'] },
  { name: 'Vladimir Poutine', kind: 'person', aliases: ['Poutine', 'Putin', 'Vladimir Putin'] },
  { name: 'Xi Jinping', kind: 'person' },
  { name: 'Tahnoun bin Zayed al Nahyan', kind: 'person', aliases: ['Tahnoun bin Zayed', 'Tahnoun'] },
  { name: 'Hayden Field', kind: 'person' },
  // Places
  { name: 'États-Unis', kind: 'place', aliases: ['Etats-Unis', 'USA', 'US', 'U.S.', 'United States', 'Amérique', 'America'] },
  { name: 'Chine', kind: 'place', aliases: ['China'] },
  { name: 'France', kind: 'place' },
  { name: 'Europe', kind: 'place' },
  { name: 'Royaume-Uni', kind: 'place', aliases: ['UK', 'United Kingdom', 'Grande-Bretagne'] },
  { name: 'Allemagne', kind: 'place', aliases: ['Germany'] },
  { name: 'Japon', kind: 'place', aliases: ['Japan'] },
  { name: 'Taïwan', kind: 'place', aliases: ['Taiwan'] },
  { name: 'Corée du Sud', kind: 'place', aliases: ['South Korea'] },
  { name: 'Inde', kind: 'place', aliases: ['India'] },
  { name: 'Russie', kind: 'place', aliases: ['Russia'] },
  { name: 'Émirats arabes unis', kind: 'place', aliases: ['Emirats Arabes Unis', 'EAU', 'UAE', 'United Arab Emirates'] },
  { name: 'Moyen-Orient', kind: 'place', aliases: ['Middle East'] },
  { name: 'Texas', kind: 'place' },
  { name: 'Silicon Valley', kind: 'place', aliases: ['SiliconValley'] },
  { name: 'Paris', kind: 'place' },
  // Products and programmes
  { name: 'ChatGPT', kind: 'product', aliases: ['Chat GPT'] },
  { name: 'GPT-4', kind: 'product', aliases: ['GPT4', 'GPT-4o'] },
  { name: 'Stargate', kind: 'product', aliases: ['Stargate Project', 'Projet Stargate'] },
  { name: 'NotebookLM', kind: 'product' },
  { name: 'Gemini', kind: 'product' },
  { name: 'Claude', kind: 'product' },
  { name: 'Llama', kind: 'product' },
  { name: 'Copilot', kind: 'product' },
  { name: 'CHIPS Act', kind: 'product', aliases: ['loi CHIPS', 'CHIPS'] },
  { name: 'Hyperarme', kind: 'product' },
  // Topics
  { name: 'IA', kind: 'topic', aliases: ['AI', 'intelligence artificielle', 'artificial intelligence'] },
  { name: 'AGI', kind: 'topic', aliases: ['intelligence générale artificielle', 'artificial general intelligence'] },
];
