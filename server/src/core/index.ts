// The public face of the analysis library. Imports neither `vscode` nor `vscode-languageserver`.
export * from './model';
export { analyzeBytes, analyzeChunk, analyzeText, type Analysis, type AnalysisOptions, type SeverityOverride } from './analyze';
export { Corpus, folderOf, baseName, isCandidate, isChunkByName, startsWithHeader, type CorpusEntry, type CorpusOptions, type Workspace } from './corpus';
export { parseChunk } from './parse';
export { deriveHeader, estimateTokens, formatPeriod, type ProducerHeader } from './producer';
export { readHeaderValues, type HeaderValues } from './header-values';
export { allRuleInfo, RULES, FILE_UNREADABLE, type RuleInfo } from './rules';
export { decodeChunkBytes, splitLines } from './text';
export { formatDate, parseDatedLine } from './whatsapp';
export { CONFIG_FILE, DEFAULT_CONFIG, parseProjectConfig, type EntityEntry, type EntityKind, type IgnoreEntry, type ProjectConfig } from './config';
export { t } from './l10n';
export { CorpusIndex, buildRecord, type ChunkLink, type ChunkRecord, type DayCard, type EntityCard, type EntityInfo, type FigureCard, type FigureLink, type IndexedFigure, type IndexHit, type MessageRecord, type ParticipantCard } from './corpus-index';
export { EntityRecognizer, type KnownEntity } from './entities/recognizer';
export { extractEntities, type EntityMention, type MentionForm, type MentionKind } from './entities/extract';
export { GAZETTEER, type GazetteerEntry } from './entities/gazetteer';
export { foldKey } from './entities/fold';
export { extractFigures, parseNumber, sameQuantity, valueBucket, type FigureMention, type ScaleReading, type ScaleReason, type UnitFamily } from './figures/extract';
export { detectLanguage, type Language } from './figures/language';
