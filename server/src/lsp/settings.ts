// Settings are pulled from the client with workspace/configuration (per workspace folder) and
// merged over the defaults; a client without that capability gets the defaults.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type ChunkReviewSettings } from '../protocol';

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function normalizeSettings(raw: unknown): ChunkReviewSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const corpus = (r.corpus && typeof r.corpus === 'object' ? r.corpus : {}) as Record<string, unknown>;
  const include = Array.isArray(corpus.include) ? corpus.include.filter((x): x is string => typeof x === 'string') : [];
  const severity: Record<string, ChunkReviewSettings['severity'][string]> = {};
  if (r.severity && typeof r.severity === 'object') {
    for (const [code, level] of Object.entries(r.severity as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level)) severity[code] = level as ChunkReviewSettings['severity'][string];
    }
  }
  return {
    corpus: { include },
    severity,
    docsBaseUrl: typeof r.docsBaseUrl === 'string' ? r.docsBaseUrl : DEFAULT_SETTINGS.docsBaseUrl,
  };
}

export async function pullSettings(connection: Connection, supported: boolean, scopeUri: string | undefined): Promise<ChunkReviewSettings> {
  if (!supported) return DEFAULT_SETTINGS;
  try {
    const raw: unknown = await connection.workspace.getConfiguration({ section: 'chunkReview', ...(scopeUri ? { scopeUri } : {}) });
    return normalizeSettings(raw);
  } catch {
    return DEFAULT_SETTINGS;
  }
}
