// The look of a page, in points. One place to tune the typography.
import type { Paper } from '../workspace/model.js';

export const MM = 72 / 25.4;

export const PAPER: Record<Paper, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  letter: { width: 612, height: 792 },
};

export const PAGE = {
  marginSide: 20 * MM,
  marginTop: 22 * MM,
  marginBottom: 22 * MM,
  headerY: 11 * MM,
  footerY: 13 * MM, // distance of the footer baseline area from the bottom edge
};

export const COLORS = {
  text: '#1a1a1a',
  muted: '#5a5a5a',
  faint: '#8a8a8a',
  accent: '#1f4e79',
  rule: '#b9b9b9',
  objectivesBg: '#eef4fa',
  objectivesBorder: '#9ab7d3',
  noteBg: '#fbf3f2',
  noteBar: '#c0504d',
  teacherBg: '#eef6ef',
  teacherBar: '#3f7f4f',
  guidanceBg: '#f3f7f1',
  activityBg: '#f7f5ee',
  activityBar: '#b08d2e',
  link: '#1f4e79',
};

export const TYPE = {
  body: 12.5,
  lineHeight: 1.62,
  title: 20,
  meta: 10.5,
  h1: 14.5,
  h2: 12.5,
  small: 9.5,
  questionMeta: 9,
  running: 9,
  boxTitle: 12,
};

export const SPACE = {
  paragraph: 4,
  afterTitle: 2,
  afterMeta: 10,
  beforeH1: 16,
  afterH1: 4,
  beforeH2: 8,
  box: 8,
  boxPadX: 4 * MM,
  boxPadY: 2.6 * MM,
  passageNumber: 7 * MM,
  listMarker: 6 * MM,
  answerLine: 25,
  question: 12,
  /** side of a QR code square (quiet zone included): about 2 cm, what phones read at arm's length */
  qr: 20 * MM,
  afterNameLine: 10,
  figureMaxHeight: 300,
};
