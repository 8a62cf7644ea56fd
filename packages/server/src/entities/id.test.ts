import { expect, it } from 'vitest';
import { newId } from './id.ts';

it('makes RFC 9562 version 7 UUIDs that sort by creation time', async () => {
  const first = newId();
  await new Promise((r) => setTimeout(r, 2));
  const second = newId();
  for (const id of [first, second])
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(first < second).toBe(true);
  expect(new Set(Array.from({ length: 1000 }, newId)).size).toBe(1000);
});
