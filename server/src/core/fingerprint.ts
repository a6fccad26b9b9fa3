// What the corpus keeps of a scanned file instead of its bytes, to know them again when the
// file is read anew (see `Workspace.readFileNow`).

export interface Fingerprint {
  readonly size: number;
  readonly hash: number;
}

/** FNV-1a over the bytes, 32 bits, with the size beside it. */
export function fingerprint(bytes: Uint8Array): Fingerprint {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return { size: bytes.length, hash: h >>> 0 };
}
