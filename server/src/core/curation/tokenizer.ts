// A real tokenizer's count (o200k_base, the encoding of current OpenAI models), loaded on first
// use only: its tables weigh megabytes, and only chunks over budget need it.
type Counter = (text: string) => number;
let counter: Counter | undefined;

export function countO200k(text: string): number {
  if (!counter) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('gpt-tokenizer/encoding/o200k_base') as { countTokens: Counter };
    counter = mod.countTokens;
  }
  return counter(text);
}
