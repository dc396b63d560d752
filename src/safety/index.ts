// Reliability and safety: hostile text, bad files, output that is never lost.
export { sanitizeText, isolate, isolateStrings, describeChar, issueMessage, type TextIssue, type Sanitized } from './text.js';
export { unprintable, canDraw, type Unprintable } from './coverage.js';
export { diagnoseNotUtf8, firstInvalidUtf8 } from './encoding.js';
export { guardBuild, interruptReport } from './interrupt.js';
export { checkOutDir } from './paths.js';
