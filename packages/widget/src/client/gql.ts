/**
 * GraphQL documents as the text the widget sends, typed by what they answer and what they take
 * (the types GraphQL Code Generator makes from each document). Written by hand for the widget's
 * size budget: urql's gql tag parses every document when the widget starts, with a parser that
 * was 16 % of what the page loaded (BENCHMARKS.md); the server parses them anyway.
 */
export class Doc<Result = unknown, Variables = unknown> {
  /** Carries the types only (never set). */
  declare readonly types?: { result: Result; variables: Variables };
  readonly #own: string;
  readonly #fragments: readonly Doc[];
  #text: string | undefined;

  constructor(own: string, fragments: readonly Doc[]) {
    this.#own = own;
    this.#fragments = fragments;
  }

  /** Its text, then each fragment it uses once (a fragment two others use, as Author, is sent once). */
  toString(): string {
    if (this.#text === undefined) {
      const used = new Set<Doc>();
      const add = (doc: Doc) => {
        if (used.has(doc)) return;
        used.add(doc);
        for (const fragment of doc.#fragments) add(fragment);
      };
      add(this);
      this.#text = [...used].map((doc) => doc.#own).join(' ');
    }
    return this.#text;
  }
}

/** A document, with the fragments it uses given as `${FRAGMENT}` anywhere in its text. */
export function gql<Result = unknown, Variables = unknown>(
  text: TemplateStringsArray,
  ...fragments: Doc[]
): Doc<Result, Variables> {
  return new Doc(text.join(''), fragments);
}
