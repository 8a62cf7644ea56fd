/**
 * Similar threads alike in meaning, not only in words (services/search/meaning.ts): a post worded
 * differently finds the thread it repeats, on SQLite and PostgreSQL; a community writing another
 * language than the word vectors' (English) is ranked by its words alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCommunity, postThread, signInStaff, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const SIMILAR = `query ($c: String!, $t: String!, $b: String, $first: Int) {
  community(slug: $c) { similarThreads(title: $t, body: $b, first: $first) { id title } }
}`;

/**
 * Keyboard shortcuts, among threads about other things that share the one word of the post any of
 * them holds ("app"), each in its title: by words alone, one of six alike, and by the engine's
 * relevance (its longer text) the last.
 */
async function shopWithShortcutsThread(): Promise<{ shop: TestCommunity; shortcuts: string }> {
  const shop = await createTestCommunity(server.em());
  const api = server.client();
  const cy = await ssoToken(shop, { sub: 'cy', name: 'Cy' });
  const post = (title: string, body: string) => postThread(api, cy, { title, body });
  const shortcuts = await post(
    'Keyboard shortcuts for power users of the app',
    'Let me create tasks, move between columns and find things without touching the pointer once.',
  );
  await post('App icon looks blurry', 'On my home screen the icon is pixelated.');
  await post('Dark theme for the app', 'White screens hurt my eyes at night.');
  await post('App crashes when uploading photos', 'It closes itself on large images.');
  await post('Translate the app into Polish', 'My team reads Polish better.');
  await post('App login takes too long', 'The password page hangs for a minute.');
  return { shop, shortcuts };
}

const POST = { t: 'Hotkeys for common actions in the app', b: 'Using the mouse for everything is slow.' };

describe('similar threads alike in meaning', () => {
  it('puts the thread a post repeats in other words first, above ones sharing its words', async () => {
    const { shop, shortcuts } = await shopWithShortcutsThread();
    const data = await server.client().data(SIMILAR, { variables: { c: shop.slug, ...POST } });
    expect(data.community.similarThreads[0]?.id).toBe(shortcuts);
  });

  it('ranks by words alone where the community writes another language than English', async () => {
    const { shop, shortcuts } = await shopWithShortcutsThread();
    const manager = server.client();
    await signInStaff(manager, shop.slug, shop.manager);
    await manager.data('mutation { updateCommunity(input: { defaultLocale: "de" }) { id } }');
    const data = await server.client().data(SIMILAR, { variables: { c: shop.slug, ...POST, first: 10 } });
    const found = data.community.similarThreads.map((t: { id: string }) => t.id);
    expect(found).toHaveLength(6);
    expect(found.at(-1)).toBe(shortcuts);
  });
});
