/**
 * The encoder yoga writes streamed responses with gives a text it has just encoded the same bytes,
 * from any of its instances, and bytes that decode to the text; a long text is encoded afresh.
 */
import { expect, it } from 'vitest';
import { createFrameEncoder } from './frame-encoder.ts';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

it('gives the same bytes for a text encoded again, by any of its instances', () => {
  const FrameEncoder = createFrameEncoder();
  const frame = 'data: {"data":{"threadEvents":{"reply":{"body":"Grüße, ✓"}}}}\n\n';
  const first = new FrameEncoder().encode(frame);
  // Made anew, as yoga's own template string makes it for each subscriber.
  const again = new FrameEncoder().encode(`data: ${frame.slice(6)}`);
  expect(again).toBe(first);
  expect(decode(first)).toBe(frame);
  expect(new FrameEncoder().encode('event: next\n')).not.toBe(first);
  // Another yoga's encoder shares nothing with this one.
  expect(new (createFrameEncoder())().encode(frame)).not.toBe(first);
});

it('encodes a long text afresh, and stays right once it has forgotten what it kept', () => {
  const encoder = new (createFrameEncoder())();
  const long = `data: ${'x'.repeat(40_000)}\n\n`;
  expect(encoder.encode(long)).not.toBe(encoder.encode(long));
  expect(decode(encoder.encode(long))).toBe(long);
  const texts = Array.from({ length: 100 }, (_, i) => `data: ${i}\n\n`);
  for (const text of texts) expect(decode(encoder.encode(text))).toBe(text);
  expect(decode(encoder.encode(''))).toBe('');
});
