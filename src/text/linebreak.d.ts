// The linebreak package (UAX #14) ships no type declarations.
declare module 'linebreak' {
  export interface Break {
    /** index where the next line may start */
    position: number;
    /** a mandatory break (after a newline) */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
