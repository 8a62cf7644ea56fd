declare module 'wink-sentiment' {
  interface SentimentResult {
    score: number;
    normalizedScore: number;
  }
  export default function sentiment(text: string): SentimentResult;
}
