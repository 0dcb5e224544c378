declare module 'hyphen/da' {
  /** Inserts soft hyphens (U+00AD) at the Danish hyphenation points of each word. */
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}
