import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, signInStaff, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let manager: GraphQLClient;

const UPDATE = 'mutation ($i: UpdateCommunityInput!) { updateCommunity(input: $i) { name theme { property value } } }';

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
});
afterAll(() => server?.close());

it('renames the community and sets the widget theme, which anyone can read', async () => {
  const updated = await manager.data(UPDATE, {
    variables: {
      i: {
        name: 'Brand Outdoors',
        theme: [
          { property: '--rapport-accent', value: '#0a6e46' },
          { property: '--rapport-radius', value: '2px' },
        ],
      },
    },
  });
  expect(updated.updateCommunity).toEqual({
    name: 'Brand Outdoors',
    theme: [
      { property: '--rapport-accent', value: '#0a6e46' },
      { property: '--rapport-radius', value: '2px' },
    ],
  });
  const public_ = await server
    .client()
    .data('query ($s: String!) { community(slug: $s) { name theme { property value } } }', {
      variables: { s: brand.slug },
    });
  expect(public_.community.theme).toHaveLength(2);
  // What the widget asks for: with a dark-scheme accent derived from the brand's green.
  const widget = await server
    .client()
    .data('query ($s: String!) { community(slug: $s) { theme(derived: true) { property value } } }', {
      variables: { s: brand.slug },
    });
  const dark = widget.community.theme.find((t: { property: string }) => t.property === '--rapport-accent-dark');
  expect(dark.value).toMatch(/^#[0-9a-f]{6}$/);
  expect(dark.value).not.toBe('#0a6e46');
});

it('refuses a theme whose text would be unreadable in either scheme, and says which and how much', async () => {
  const yellow = await manager.error(UPDATE, {
    variables: { i: { theme: [{ property: '--rapport-accent', value: '#ffd400' }] } },
  });
  expect(yellow).toMatchObject({ code: 'BAD_USER_INPUT', field: 'theme.--rapport-accent' });
  expect(yellow.message).toMatch(/Text on buttons.* in light mode reaches 1\.\d\d:1; at least 4\.5:1/);
  const dark = await manager.error(UPDATE, {
    variables: { i: { theme: [{ property: '--rapport-bg-dark', value: '#f0f0f0' }] } },
  });
  expect(dark).toMatchObject({ code: 'BAD_USER_INPUT', field: 'theme.--rapport-bg-dark' });
  expect(dark.message).toContain('in dark mode');
  // Readable pairs in both schemes pass, and so does a colour the page's own dark colours set.
  await manager.data(UPDATE, {
    variables: {
      i: {
        theme: [
          { property: '--rapport-accent', value: '#ffd400' },
          { property: '--rapport-accent-text', value: '#1c1e21' },
          { property: '--rapport-bg', value: '#1c1e21' },
          { property: '--rapport-text', value: '#f4f4f4' },
          { property: '--rapport-surface', value: '#2a2d31' },
          { property: '--rapport-muted', value: '#b8bec8' },
          { property: '--rapport-danger', value: '#ff8a80' },
        ],
      },
    },
  });
});

it.each([
  ['an unknown property', { property: 'color', value: 'red' }, 'theme'],
  [
    'a value that ends the declaration',
    { property: '--rapport-accent', value: 'red; } body { display: none' },
    'theme.--rapport-accent',
  ],
  ['a URL', { property: '--rapport-bg', value: 'url(https://evil.example/x.png)' }, 'theme.--rapport-bg'],
  ['a comment', { property: '--rapport-bg', value: 'red /* */' }, 'theme.--rapport-bg'],
  ['a colour that is not one', { property: '--rapport-text', value: 'bold' }, 'theme.--rapport-text'],
  [
    'a value that fetches',
    { property: '--rapport-font', value: 'image-set("//host/t.png" 1x)' },
    'theme.--rapport-font',
  ],
  [
    'a prefixed one',
    { property: '--rapport-radius', value: '-webkit-image-set("//h/t.png" 1x)' },
    'theme.--rapport-radius',
  ],
])('refuses a theme with %s, naming the input at fault', async (_label, value, field) => {
  expect(await manager.error(UPDATE, { variables: { i: { theme: [value] } } })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field,
  });
});

it('sets embed origins and rotates SSO keys, showing a new secret once', async () => {
  const origins = await manager.data(
    'mutation { setAllowedOrigins(origins: ["https://shop.brand.example", "http://localhost:8080/"]) { allowedOrigins } }',
  );
  expect(origins.setAllowedOrigins.allowedOrigins).toEqual(['https://shop.brand.example', 'http://localhost:8080']);
  const rotated = await manager.data('mutation { rotateSsoKey { keyId secret } }');
  const keys = await manager.data('query ($s: String!) { community(slug: $s) { ssoKeys { keyId } } }', {
    variables: { s: brand.slug },
  });
  expect(keys.community.ssoKeys.map((k: any) => k.keyId)).toEqual([brand.ssoKeyId, rotated.rotateSsoKey.keyId]);
  const token = await ssoToken(
    { ssoKeyId: rotated.rotateSsoKey.keyId, ssoSecret: rotated.rotateSsoKey.secret },
    { sub: 'x', name: 'X' },
  );
  expect((await server.client().data('{ viewer { kind } }', { token })).viewer.kind).toBe('CUSTOMER');
  await manager.data('mutation ($k: String!) { retireSsoKey(keyId: $k) { id } }', { variables: { k: brand.ssoKeyId } });
  const left = await manager.data('query ($s: String!) { community(slug: $s) { ssoKeys { keyId } } }', {
    variables: { s: brand.slug },
  });
  expect(left.community.ssoKeys.map((k: any) => k.keyId)).toEqual([rotated.rotateSsoKey.keyId]);
});

it('keeps an audit log of what managers did, filterable', async () => {
  const log = await manager.data(
    `query ($s: String!) { community(slug: $s) {
    auditLog(first: 20) { edges { node { action actor { name } before after } } }
  } }`,
    { variables: { s: brand.slug } },
  );
  const actions = log.community.auditLog.edges.map((e: any) => e.node.action);
  expect(actions).toEqual(
    expect.arrayContaining(['community.update', 'community.origins', 'sso.rotate', 'sso.retire']),
  );
  const update = log.community.auditLog.edges.find((e: any) => e.node.action === 'community.update').node;
  expect(update.actor).toEqual({ name: 'Mia' });
  expect(update.after.name).toBe('Brand Outdoors');
  const filtered = await manager.data(
    `query ($s: String!) { community(slug: $s) { auditLog(first: 20, action: "sso.") { edges { node { action } } } } }`,
    {
      variables: { s: brand.slug },
    },
  );
  expect(filtered.community.auditLog.edges.map((e: any) => e.node.action).sort()).toEqual(['sso.retire', 'sso.rotate']);
});
