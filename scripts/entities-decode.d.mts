/** Base64 to 16-bit little-endian words, as entities' own decodeBase64. */
export function decodeBase64(input: string): Uint16Array;
