// A short, stable fingerprint of a finding's flagged text, so "ignore this finding" survives
// the finding moving within its file or to another file.

/** FNV-1a over the UTF-16 code units, two 32-bit lanes, as 16 hex digits. */
function fnv64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Fingerprint of a finding: its code and its flagged text, whitespace runs folded. */
export function fingerprint(code: string, flaggedText: string): string {
  return fnv64(`${code}\u0000${flaggedText.replace(/\s+/g, ' ').trim()}`);
}
