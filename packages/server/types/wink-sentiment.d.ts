declare module 'wink-sentiment' {
  interface SentimentResult {
    score: number;
    normalizedScore: number;
  }
  export default function sentiment(text: string): SentimentResult;
}

/** wink-sentiment's emoji and emoticon scores (-5..5), read for the other languages too. */
declare module 'wink-sentiment/src/emojis.js' {
  const scores: Record<string, number>;
  export default scores;
}
declare module 'wink-sentiment/src/emoticons.js' {
  const scores: Record<string, number>;
  export default scores;
}

declare module 'wink-tokenizer' {
  interface Token {
    value: string;
    /** word, number, punctuation, emoji, emoticon, hashtag, mention, url, email, symbol, … */
    tag: string;
  }
  export default function tokenizer(): { tokenize(text: string): Token[] };
}
