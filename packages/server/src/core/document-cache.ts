/**
 * What `make` gives for a text, kept for the next time the same text comes: for texts that many
 * requests or subscribers send or are sent alike. At most `max` texts are kept; past that, all are
 * forgotten at once (cheaper than keeping an order, and a text that comes often is soon back).
 */
export function recentTexts<V>(max: number, make: (text: string) => V): (text: string) => V {
  let kept = new Map<string, V>();
  return (text) => {
    let value = kept.get(text);
    if (value === undefined) {
      if (kept.size >= max) kept = new Map();
      value = make(text);
      kept.set(text, value);
    }
    return value;
  };
}
