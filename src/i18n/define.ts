// The shape of a catalogue entry, apart from the catalogue itself so that the
// message files can import it without a cycle.

/** A message as an English and an Arabic template with `{name}` placeholders. */
export interface MessagePair {
  en: string;
  ar: string;
}

/** A catalogue entry: the message, and optionally a hint in both languages. */
export interface MessageEntry extends MessagePair {
  hint?: MessagePair;
}

/** Keeps the literal codes of a record of messages (for typed look-ups). */
export function defineMessages<T extends Record<string, MessageEntry>>(messages: T): T {
  return messages;
}
