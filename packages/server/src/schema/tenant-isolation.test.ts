/**
 * Tenant isolation, tried from the attacker's side for every operation of the schema (the list is
 * read from the schema, so a new operation is covered the day it is added): with a token or staff
 * session of community A, or anonymously through A's slug, and every argument pointing at
 * community B's data. Nothing of B may appear in any answer, and B's rows must not change.
 */
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities, tenantEntities } from '../entities/index.ts';
import {
  createTestCommunity,
  guestToken,
  postThread,
  STAFF_PASSWORD,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { subscribe } from '../testing/sse.ts';
import { schema } from './index.ts';

let server: TestServer;
let a: TestCommunity;
let b: TestCommunity;
const SECRET = 'b-secret';
const bIds = { thread: '', reply: '' };

/** Strings that exist only in community B: none may appear in an answer to A. */
function secrets(): string[] {
  return [SECRET, `@${b.slug}.example`, b.ssoSecret];
}

/** All of B's rows, as one string: compared before and after each attack. */
async function snapshotOfB(): Promise<string> {
  const em = server.em();
  const parts: unknown[] = [];
  for (const entity of tenantEntities) {
    const [key] = em.getMetadata(entity as never).primaryKeys;
    parts.push(
      await em.find(
        entity as never,
        {},
        { filters: { tenant: { communityId: b.community.id } }, orderBy: { [String(key)]: 'asc' } as never },
      ),
    );
  }
  parts.push(await em.find(entities[0] as never, { id: b.community.id } as never));
  return JSON.stringify(parts);
}

type Mode = 'token of A' | 'staff of A' | 'anonymous via A' | 'API key of A';

let signingIn = false;

function argValue(name: string, type: GraphQLInputType, mode: Mode): unknown {
  if (isNonNullType(type)) return argValue(name, type.ofType, mode);
  if (isListType(type)) return [argValue(name, type.ofType, mode)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, argValue(f.name, f.type, mode)]));
  }
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return values.includes('PLANNED') ? 'PLANNED' : values[0];
  }
  switch (type.name) {
    case 'ID':
      return /reply/i.test(name) ? bIds.reply : bIds.thread;
    case 'String':
      if (name === 'community' || name === 'slug') return mode === 'anonymous via A' ? a.slug : b.slug;
      // B's staff e-mail where it is a key (signing in to B); elsewhere it would only be echoed back.
      if (name === 'email') return signingIn ? b.staff.email : 'probe@probe.example';
      if (name === 'password') return STAFF_PASSWORD;
      return `Probe text for ${name}`;
    case 'Int':
      return 5;
    case 'Float':
      return 50;
    case 'Boolean':
      return true;
    case 'DateTime':
      return new Date().toISOString();
    case 'JSONObject':
      return { probe: `value for ${name}` };
    case 'AttributeValue':
      return `probe for ${name}`;
    default:
      throw new Error(`no value for ${type.name}`);
  }
}

/** Variables definitions and arguments for a field, every argument a variable. */
function argumentsOf(field: GraphQLField<unknown, unknown>, mode: Mode, prefix: string) {
  const definitions: string[] = [];
  const args: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && !['first', 'id', 'slug'].includes(arg.name)) continue;
    const variable = `${prefix}${arg.name}`;
    definitions.push(`$${variable}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${variable}`);
    variables[variable] = arg.name === 'first' ? 3 : argValue(arg.name, arg.type, mode);
  }
  return { definitions, args: args.length ? `(${args.join(', ')})` : '', variables };
}

/** A selection of everything reachable a few levels down, to give a leak every chance to show. */
function selection(
  type: GraphQLOutputType,
  mode: Mode,
  depth: number,
  acc: { definitions: string[]; variables: Record<string, unknown> },
  path: string,
): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth > 3) return '{ __typename }';
  if (isUnionType(named) || isInterfaceType(named)) {
    const members = isUnionType(named) ? named.getTypes() : schema.getPossibleTypes(named);
    return `{ __typename ${members.map((m) => `... on ${m.name} ${selection(m, mode, depth + 1, acc, `${path}_${m.name}`)}`).join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields()).map((field) => {
    const { definitions, args, variables } = argumentsOf(field, mode, `${path}_${field.name}_`);
    acc.definitions.push(...definitions);
    Object.assign(acc.variables, variables);
    return `${field.name}${args} ${selection(field.type, mode, depth + 1, acc, `${path}_${field.name}`)}`;
  });
  return `{ __typename ${fields.join(' ')} }`;
}

function operationFor(kind: 'query' | 'mutation' | 'subscription', field: GraphQLField<unknown, unknown>, mode: Mode) {
  signingIn = field.name === 'staffSignIn';
  const top = argumentsOf(field, mode, 'v_');
  const acc = { definitions: [...top.definitions], variables: { ...top.variables } };
  const body = selection(field.type, mode, 1, acc, 's');
  const defs = acc.definitions.length ? `(${acc.definitions.join(', ')})` : '';
  return { query: `${kind} Probe${defs} { ${field.name}${top.args} ${body} }`, variables: acc.variables };
}

const ROOTS = [
  ['query', schema.getQueryType()],
  ['mutation', schema.getMutationType()],
  ['subscription', schema.getSubscriptionType()],
] as const;
const OPERATIONS = ROOTS.flatMap(([kind, type]) =>
  type ? Object.values(type.getFields()).map((field) => ({ kind, field })) : [],
);
const MODES: Mode[] = ['token of A', 'staff of A', 'anonymous via A', 'API key of A'];
/** A's key for its own servers, with every scope. */
let aKey = '';

beforeAll(async () => {
  server = await startTestServer();
  a = await createTestCommunity(server.em());
  b = await createTestCommunity(server.em());
  // B's data, marked so any trace of it in an answer is recognisable.
  const bGuest = server.client();
  const token = await guestToken(bGuest, b.slug, `Member ${SECRET}`);
  bIds.thread = await postThread(bGuest, token, { title: `Thread ${SECRET}`, body: `Body ${SECRET}` });
  const reply = await bGuest.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token,
    variables: { i: { threadId: bIds.thread, body: `Reply ${SECRET}` } },
  });
  bIds.reply = reply.reply.id;
  await bGuest.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token, variables: { id: bIds.thread } });
  const bStaff = server.client();
  await signInStaff(bStaff, b.slug, b.staff);
  await bStaff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    variables: { i: { threadId: bIds.thread, status: 'UNDER_REVIEW', note: `Note ${SECRET}` } },
  });
  const aManager = server.client();
  await signInStaff(aManager, a.slug, a.manager);
  const made = await aManager.data(
    'mutation { createApiKey(name: "A servers", scopes: [READ_MEMBERS, WRITE_MEMBERS]) { key } }',
  );
  aKey = made.createApiKey.key;
});
afterAll(() => server?.close());

async function attacker(mode: Mode): Promise<{ client: GraphQLClient; token?: string }> {
  const client = server.client();
  if (mode === 'token of A')
    return { client, token: await ssoToken(a, { sub: `attacker-${Math.random()}`, name: 'Mallory' }) };
  if (mode === 'staff of A') await signInStaff(client, a.slug, a.manager);
  if (mode === 'API key of A') return { client, token: aKey };
  return { client };
}

it('probes every root operation of the schema', () => {
  expect(OPERATIONS.map((o) => o.field.name).length).toBeGreaterThanOrEqual(17);
});

describe.each(MODES)('as %s', (mode) => {
  it.each(OPERATIONS.map((o) => [`${o.kind} ${o.field.name}`, o] as const))(
    '%s leaks and changes nothing of B',
    async (_name, { kind, field }) => {
      const { query, variables } = operationFor(kind, field, mode);
      const who = await attacker(mode);
      const before = await snapshotOfB();
      let answer: string;
      if (kind === 'subscription') {
        const live = subscribe(server.endpoint, query, { token: who.token, cookie: who.client.cookie, variables });
        try {
          answer = JSON.stringify(await live.ready);
        } finally {
          live.close();
        }
      } else {
        const response = await who.client.raw(query, { token: who.token, variables });
        answer = await response.text();
      }
      for (const secret of secrets()) expect(answer, `${field.name} answered with B's data`).not.toContain(secret);
      expect(await snapshotOfB(), `${field.name} changed B's data`).toBe(before);
    },
  );
});
