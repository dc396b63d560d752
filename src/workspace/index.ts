// The workspace layer's public face: load, validate and resolve a teacher's files.
export { resolveFile, DEFAULT_OPTIONS, type ResolveResult } from './resolve.js';
export { parseArticle, splitParagraphs, type Article, type Paragraph } from './article.js';
export { splitSentences, type Sentence } from './sentences.js';
export { parseRef, resolveRef, resolveAnchor, formatRef, type Ref } from './refs.js';
export { analyzeRaw, importRawText, renderArticle, type ImportedArticle, type RawAnalysis, type DroppedLine, type RawMeta } from './import.js';
export { checkFiles, type CheckResult } from './check.js';
export { jsonSchemas } from './jsonschema.js';
export * from './model.js';
export { formatDiagnostic, UserError, type Diagnostic } from './diagnostics.js';
