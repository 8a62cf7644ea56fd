import { recentTexts } from './recent-texts.ts';

/** Longer texts are encoded afresh every time (what the encoder keeps stays small). */
const MAX_SHARED_TEXT = 32 * 1024;

/** How many recent texts are kept, before all are forgotten at once. */
const MAX_TEXTS = 32;

/**
 * The TextEncoder yoga writes its streamed responses with (its `fetchAPI.TextEncoder`), made to
 * give a text it has just encoded the same bytes again instead of a new copy. A live event reaching
 * a thousand subscribers is the same frame for each (`data: <the answer>`, executed and
 * serialised once by shared-event-results.ts), and so are `event: next` and the keep-alive ping:
 * encoded once per subscriber, the copies (outside V8's heap, a kilobyte each) took RSS after ten
 * replies to 1,000 subscribers to 228–230 MB against 221–222 MB without them (two alternating
 * runs each, demo data).
 *
 * Safe because yoga only enqueues what it encodes, to be written to a socket: nothing changes the
 * bytes once made. One encoder class per yoga, whose instances (one per response) share the texts.
 */
export function createFrameEncoder(): typeof TextEncoder {
  const fresh = new TextEncoder();
  const bytesOf = recentTexts(MAX_TEXTS, (text) => fresh.encode(text));
  return class FrameEncoder extends TextEncoder {
    override encode(input = ''): Uint8Array<ArrayBuffer> {
      return input.length > MAX_SHARED_TEXT ? super.encode(input) : bytesOf(input);
    }
  };
}
