// The name a reviewer sees for a chunk: the last segment of its id, URI escapes decoded.
export function chunkName(id: string): string {
  const b = id.slice(id.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(b);
  } catch {
    return b;
  }
}
