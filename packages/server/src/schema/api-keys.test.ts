/**
 * Community API keys, end to end over HTTP: a manager makes one (shown once, kept hashed,
 * audited); the brand's server writes members with attributes and reads members and the ranking,
 * each only with the scope for it, in its own community only; a revoked key stops at once; a key
 * is refused from a browser and rate-limited per key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../entities/index.ts';
import { DEFAULT_RATE_LIMITS } from '../rate-limit/rules.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  postThread,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;
let manager: GraphQLClient;
let reader: string;
let writer: string;

const UPSERT = 'mutation ($m: [MemberUpsertInput!]!) { upsertMembers(members: $m) { id displayName } }';

async function makeKey(name: string, scopes: string[], client = manager) {
  const data = await client.data(
    'mutation ($n: String!, $s: [ApiKeyScope!]!) { createApiKey(name: $n, scopes: $s) { key apiKey { id keyStart scopes } } }',
    { variables: { n: name, s: scopes } },
  );
  return data.createApiKey as { key: string; apiKey: { id: string; keyStart: string; scopes: string[] } };
}

beforeAll(async () => {
  server = await startTestServer({
    rateLimits: { ...DEFAULT_RATE_LIMITS, apiCall: [{ per: 'apiKey', limit: 40, windowMs: 60_000 }] },
  });
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
  reader = (await makeKey('Reporting', ['READ_MEMBERS'])).key;
  writer = (await makeKey('CRM sync', ['WRITE_MEMBERS'])).key;
});
afterAll(() => server?.close());

describe('making and revoking keys', () => {
  it('shows a key once, keeps only its hash, and audits who made it', async () => {
    const made = await makeKey('Warehouse', ['READ_MEMBERS', 'WRITE_MEMBERS', 'READ_MEMBERS']);
    expect(made.key).toMatch(/^rk_[A-Za-z0-9_-]{43}$/);
    expect(made.apiKey).toMatchObject({ keyStart: made.key.slice(0, 9), scopes: ['READ_MEMBERS', 'WRITE_MEMBERS'] });
    const listed = await manager.data(
      'query ($s: String!) { community(slug: $s) { apiKeys { id name createdBy { name } } } }',
      {
        variables: { s: brand.slug },
      },
    );
    expect(listed.community.apiKeys[0]).toEqual({
      id: made.apiKey.id,
      name: 'Warehouse',
      createdBy: { name: brand.manager.name },
    });
    expect(JSON.stringify(listed)).not.toContain(made.key);
    const row = await server.em().findOneOrFail(ApiKey, { id: made.apiKey.id }, ALL_COMMUNITIES);
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(made.key);
    const audit = await manager.data(
      'query ($s: String!) { community(slug: $s) { auditLog(first: 5, action: "apiKey") { edges { node { action actor { name } } } } } }',
      { variables: { s: brand.slug } },
    );
    expect(audit.community.auditLog.edges[0].node).toEqual({
      action: 'apiKey.create',
      actor: { name: brand.manager.name },
    });
  });

  it('refuses a key without scopes or a name, with the field at fault', async () => {
    const none = await manager.error('mutation { createApiKey(name: "Nothing", scopes: []) { key } }');
    expect(none).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    const nameless = await manager.error('mutation { createApiKey(name: "  ", scopes: [READ_MEMBERS]) { key } }');
    expect(nameless).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('stops a revoked key at once, and records when a key was last used', async () => {
    const made = await makeKey('Short-lived', ['READ_MEMBERS']);
    await server
      .client()
      .data('query ($s: String!) { community(slug: $s) { members(first: 1) { edges { cursor } } } }', {
        token: made.key,
        variables: { s: brand.slug },
      });
    const used = await server.em().findOneOrFail(ApiKey, { id: made.apiKey.id }, ALL_COMMUNITIES);
    expect(used.lastUsedAt).toBeInstanceOf(Date);
    const revoked = await manager.data(
      'mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt revokedBy { name } } }',
      {
        variables: { id: made.apiKey.id },
      },
    );
    expect(revoked.revokeApiKey.revokedBy.name).toBe(brand.manager.name);
    const refused = await server.client().error('{ viewer { kind } }', { token: made.key });
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', message: 'This API key is unknown or was revoked.' });
  });
});

describe("the brand's server", () => {
  it('writes members with attributes, and a later sign-in is the same member', async () => {
    const data = await server.client().data(UPSERT, {
      token: writer,
      variables: {
        m: [
          {
            externalId: 'crm-ada',
            name: 'Ada Lovelace',
            email: 'ada@customer.example',
            attributes: { plan: 'enterprise', mrr: 990 },
          },
          { externalId: 'crm-bo', name: 'Bo' },
        ],
      },
    });
    expect(data.upsertMembers.map((m: { displayName: string }) => m.displayName)).toEqual(['Ada Lovelace', 'Bo']);
    // A write key reads back ids and names; e-mail and attributes are for READ_MEMBERS keys.
    const token = await ssoToken(brand, { sub: 'crm-ada', name: 'Ada Lovelace', email: 'ada@customer.example' });
    const signedIn = await server.client().data('{ viewer { member { id } } }', { token });
    expect(signedIn.viewer.member.id).toBe(data.upsertMembers[0].id);
    const again = await server.client().data(UPSERT, {
      token: writer,
      variables: { m: [{ externalId: 'crm-ada', attributes: { plan: 'team' } }] },
    });
    expect(again.upsertMembers[0].id).toBe(data.upsertMembers[0].id);
    const read = await server
      .client()
      .data(
        'query ($s: String!) { community(slug: $s) { memberByExternalId(externalId: "crm-ada") { displayName email attributes } } }',
        { token: reader, variables: { s: brand.slug } },
      );
    expect(read.community.memberByExternalId).toEqual({
      displayName: 'Ada Lovelace',
      email: 'ada@customer.example',
      attributes: { plan: 'team' },
    });
  });

  it('writes all of a call or nothing, saying which entry is wrong', async () => {
    const upsert = (m: unknown[]) => server.client().error(UPSERT, { token: writer, variables: { m } });
    const badEmail = await upsert([
      { externalId: 'crm-cy', name: 'Cy' },
      { externalId: 'crm-dee', email: 'not an address' },
    ]);
    expect(badEmail).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members.1.email' });
    const badAttributes = await upsert([{ externalId: 'crm-cy', attributes: { company: { name: 'Acme' } } }]);
    expect(badAttributes).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members.0.attributes' });
    expect(badAttributes.message).toMatch(/"company" must be a string, a number or a boolean/);
    expect(await upsert([{ externalId: 'crm-cy' }, { externalId: 'crm-cy' }])).toMatchObject({ field: 'members' });
    const many = Array.from({ length: 101 }, (_, i) => ({ externalId: `bulk-${i}` }));
    expect(await upsert(many)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'members' });
    const cy = await server
      .client()
      .data('query ($s: String!) { community(slug: $s) { memberByExternalId(externalId: "crm-cy") { id } } }', {
        token: reader,
        variables: { s: brand.slug },
      });
    expect(cy.community.memberByExternalId).toBeNull();
  });

  it('reads members and the ranking with READ_MEMBERS, and nothing its scopes do not give', async () => {
    const read = (query: string, token: string, slug = brand.slug) =>
      server
        .client()
        .request(`query ($s: String!) { community(slug: $s) { ${query} } }`, { token, variables: { s: slug } });
    const members = await read('members(first: 50) { edges { node { externalId attributes } } }', reader);
    expect(members.errors).toBeUndefined();
    expect(
      members.data?.community.members.edges.map((e: { node: { externalId: string } }) => e.node.externalId),
    ).toContain('crm-ada');
    expect((await read('ranking(first: 5) { edges { cursor } }', reader)).errors).toBeUndefined();
    // Not the staff's own notes, not moderation, not writing.
    const code = (r: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
      r.errors?.[0]?.extensions?.code;
    expect(code(await read('members(first: 1) { edges { node { staffContacts { replies } } } }', reader))).toBe(
      'FORBIDDEN',
    );
    expect(code(await read('auditLog(first: 1) { edges { cursor } }', reader))).toBe('FORBIDDEN');
    expect(code(await read('members(first: 1) { edges { cursor } }', writer))).toBe('FORBIDDEN');
    const writeWithReader = await server
      .client()
      .request(UPSERT, { token: reader, variables: { m: [{ externalId: 'x' }] } });
    expect(code(writeWithReader)).toBe('FORBIDDEN');
    // Another community is not there for it.
    expect((await read('name', reader, other.slug)).data?.community).toBeNull();
  });

  it("never changes what another community's visitors are answered", async () => {
    await postThread(server.client(), await ssoToken(other, { sub: 'zed', name: 'Zed' }), { title: 'Elsewhere idea' });
    const LIST = 'query ($s: String!) { community(slug: $s) { name threads(first: 5) { edges { node { title } } } } }';
    // A's key asks for B's list: nothing of B for it, and nothing kept for B's visitors.
    const asKey = await server.client().request(LIST, { token: reader, variables: { s: other.slug } });
    expect(asKey.data?.community).toBeNull();
    const visitor = await server.client().data(LIST, { variables: { s: other.slug } });
    expect(visitor.community.threads.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      'Elsewhere idea',
    ]);
  });

  it('cannot sign in or join as a person', async () => {
    const guest = await server
      .client()
      .error('mutation ($c: String!) { startGuestSession(community: $c, displayName: "Bot") { token } }', {
        token: writer,
        variables: { c: brand.slug },
      });
    expect(guest).toMatchObject({ code: 'FORBIDDEN' });
    const posting = await server
      .client()
      .error('mutation { postThread(input: { kind: IDEA, title: "From a server" }) { id } }', { token: writer });
    expect(posting).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is refused from a browser, and limited per key', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${reader}`,
        origin: 'https://brand.example',
      },
      body: JSON.stringify({ query: '{ viewer { kind } }' }),
    });
    const body = await response.json();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const busy = (await makeKey('Busy', ['READ_MEMBERS'])).key;
    let limited: { code?: string } | undefined;
    for (let i = 0; i < 45 && !limited; i++) {
      const result = await server.client().request('{ viewer { kind } }', { token: busy });
      limited = result.errors?.[0]?.extensions as { code?: string } | undefined;
    }
    expect(limited).toMatchObject({ code: 'RATE_LIMITED' });
    // Another key is counted apart.
    expect((await server.client().request('{ viewer { kind } }', { token: reader })).errors).toBeUndefined();
  });
});
