// Public API of the text engine: styled paragraphs in, positioned glyph runs out.
export type * from './types.js';
export { loadFamily, loadFaceFromFile, familyFromFaces, isBundledFamily, type BundledFamily } from './fonts.js';
export { layoutParagraph, layoutLine, measureText, type SingleLine } from './paragraph.js';
export { resolveLevels, lineLevels, visualOrder, visualString, mirrorCodePoint, findUrls, type Direction, type ParagraphLevels } from './bidi.js';
export { itemize, resolveScripts, type Item } from './itemize.js';
export { shapeText, shapeStats, clearShapeCache, setShapeCacheLimit, cachedShapes, type Shaped, type ShapeStats } from './shape.js';
export { breakLines, breakOpportunities, type BreakPiece, type BreakOpportunity } from './breakLines.js';
