// Files hiwar cannot use, with the exact message each gets in English
// (tests/faults/bad-files.test.ts), run again in Arabic by tests/i18n/arabic.test.ts.

/** Arabic text in Windows-1256 bytes (the inverse of the decoder Node ships). */
export function encode1256(text: string): Buffer {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  return Buffer.from([...text].map((c) => table.get(c) ?? 0x3f));
}

export const SAVE_AS = '  hint: open it in your editor and save it as "UTF-8" (in Notepad: Save As → Encoding: UTF-8)';

// [name, file content, the exact message]
export const refused: Array<[string, string | Buffer, string]> = [
  ['an empty file', '', 'l.yaml:1:1: error: this file is empty\n  hint: run `hiwar new ID --article PATH` for a lesson to start from'],
  ['only blank lines and comments', '\n  \n# nothing yet\n', 'l.yaml:1:1: error: this file is empty\n  hint: run `hiwar new ID --article PATH` for a lesson to start from'],
  [
    'a PNG image',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    'l.yaml:1:1: error: cannot read this file: this is not a text file: it looks like a PNG image\n  hint: give hiwar the .yaml or .md text file; to bring in an article, copy its text into a plain text file and run `hiwar import`',
  ],
  ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), 'l.yaml:1:1: error: cannot read this file: this is not a text file: it looks like a PDF file'],
  ['a Word .docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), Buffer.alloc(40, 0xa5)]), 'l.yaml:1:1: error: cannot read this file: this is not a text file: it looks like a ZIP archive (a .docx, .odt or .xlsx file is one)'],
  ['random binary', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919) % 256)), 'l.yaml:1:1: error: cannot read this file: this is not a text file (it holds binary data)'],
  [
    'Arabic saved as Windows-1256',
    Buffer.concat([Buffer.from('id: demo\ntitle: "'), encode1256('الخلافة الافتراضية: ماذا بقي بعد الهزيمة؟'), Buffer.from('"\n')]),
    `l.yaml:1:1: error: cannot read this file: this file is not UTF-8: it looks like Arabic text saved as Windows-1256 (Arabic Windows)\n${SAVE_AS}`,
  ],
  ['UTF-16 with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: demo\ntitle: "درس"\n', 'utf16le')]), `l.yaml:1:1: error: cannot read this file: this text file is saved as UTF-16 LE ("Unicode" in Windows), not UTF-8\n${SAVE_AS}`],
  ['UTF-16 without one', Buffer.from('id: demo\ntitle: "lesson"\narticle: a.md\n', 'utf16le'), `l.yaml:1:1: error: cannot read this file: this text file looks like UTF-16 ("Unicode" in Windows), not UTF-8\n${SAVE_AS}`],
  [
    'UTF-8 with one damaged byte',
    Buffer.concat([Buffer.from('id: demo\ntitle: "درس"\nobjectives: ["هدف'), Buffer.from([0xd9]), Buffer.from('"]\n')]),
    'l.yaml:3:18: error: cannot read this file: byte 0xD9 on line 3 is not UTF-8: the file mixes UTF-8 with another encoding, or was cut off\n  hint: look at line 3, column 18; retype what is there, then save the file as UTF-8',
  ],
  [
    'YAML "billion laughs"',
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(9).fill('*' + 'abcdefgh'[i]).join(',')}]`)].join('\n'),
    'l.yaml:1:1: error: YAML aliases (`*name`) expand too much\n  hint: at most 50 expansions are allowed; write the text out instead',
  ],
];
