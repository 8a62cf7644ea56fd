/**
 * Tenant isolation, tried from the attacker's side for every operation of the schema (the list is
 * read from the schema, so a new operation is covered the day it is added): with a token or staff
 * session of community A, or anonymously through A's slug, and every argument pointing at
 * community B's data. Nothing of B may appear in any answer, and B's rows must not change.
 */
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
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
const bIds = { thread: '', reply: '', ask: '' };

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

/**
 * Who attacks, and through which community's slug: B's, except anonymously and for "staff of A via
 * A", which reads A's own community with B's ids (an ask, a thread) in every argument.
 */
type Mode = 'token of A' | 'staff of A' | 'staff of A via A' | 'anonymous via A' | 'API key of A';

let signingIn = false;
/** The field whose arguments are being written: the `id` of an ask's field is B's ask, else B's thread. */
let probing = '';

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
      if (/ask/i.test(probing) && name === 'id') return bIds.ask;
      return /reply/i.test(name) ? bIds.reply : bIds.thread;
    case 'String':
      if (name === 'community' || name === 'slug')
        return mode === 'anonymous via A' || mode === 'staff of A via A' ? a.slug : b.slug;
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
  probing = field.name;
  for (const arg of field.args) {
    if (!isNonNullType(arg.type) && !['first', 'id', 'slug'].includes(arg.name)) continue;
    const variable = `${prefix}${arg.name}`;
    definitions.push(`$${variable}: ${String(arg.type)}`);
    args.push(`${arg.name}: $${variable}`);
    variables[variable] = arg.name === 'first' ? 3 : argValue(arg.name, arg.type, mode);
  }
  return { definitions, args: args.length ? `(${args.join(', ')})` : '', variables };
}

/** How deep a probe selects: as deep as the query limits let it (see `probe`). */
let maxDepth = 3;

/** A selection of everything reachable a few levels down, to give a leak every chance to show. */
function selection(
  type: GraphQLOutputType,
  mode: Mode,
  depth: number,
  acc: { definitions: string[]; variables: Record<string, unknown> },
  path: string,
  only?: string,
): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth > maxDepth) return '{ __typename }';
  if (isUnionType(named) || isInterfaceType(named)) {
    const members = isUnionType(named) ? named.getTypes() : schema.getPossibleTypes(named);
    return `{ __typename ${members.map((m) => `... on ${m.name} ${selection(m, mode, depth + 1, acc, `${path}_${m.name}`)}`).join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const fields = Object.values(named.getFields())
    .filter((field) => only === undefined || field.name === only)
    .map((field) => {
      const { definitions, args, variables } = argumentsOf(field, mode, `${path}_${field.name}_`);
      acc.definitions.push(...definitions);
      Object.assign(acc.variables, variables);
      return `${field.name}${args} ${selection(field.type, mode, depth + 1, acc, `${path}_${field.name}`)}`;
    });
  return `{ __typename ${fields.join(' ')} }`;
}

function operationFor(
  kind: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
  mode: Mode,
  only?: string,
) {
  signingIn = field.name === 'staffSignIn';
  const top = argumentsOf(field, mode, 'v_');
  const acc = { definitions: [...top.definitions], variables: { ...top.variables } };
  const body = selection(field.type, mode, 1, acc, 's', only);
  const defs = acc.definitions.length ? `(${acc.definitions.join(', ')})` : '';
  return { query: `${kind} Probe${defs} { ${field.name}${top.args} ${body} }`, variables: acc.variables };
}

const ROOTS = [
  ['query', schema.getQueryType()],
  ['mutation', schema.getMutationType()],
  ['subscription', schema.getSubscriptionType()],
] as const;
/**
 * Every root operation; the community's fields one at a time (all of them at once would be refused
 * as too broad, and read nothing).
 */
const OPERATIONS: {
  kind: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
  only?: string;
}[] = ROOTS.flatMap(([kind, type]) =>
  type
    ? Object.values(type.getFields()).flatMap((field) =>
        kind === 'query' && field.name === 'community'
          ? Object.keys((getNamedType(field.type) as GraphQLObjectType).getFields()).map((only) => ({
              kind,
              field,
              only,
            }))
          : [{ kind, field }],
      )
    : [],
);
const MODES: Mode[] = ['token of A', 'staff of A', 'staff of A via A', 'anonymous via A', 'API key of A'];
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
  // B asks everyone a poll, and B's member answers it.
  const asked = await bStaff.data('mutation ($i: AskInput!) { createAsk(input: $i) { id } }', {
    variables: {
      i: {
        question: `Ask ${SECRET}`,
        choices: ['Yes', `Choice ${SECRET}`],
        allowText: true,
        closesAt: new Date(Date.now() + 86_400_000),
      },
    },
  });
  bIds.ask = asked.createAsk.id;
  await bStaff.data('mutation ($id: ID!) { publishAsk(id: $id) { id } }', { variables: { id: bIds.ask } });
  await bGuest.data('mutation ($id: ID!) { answerAsk(id: $id, choices: [1], text: "Answer b-secret") { id } }', {
    token,
    variables: { id: bIds.ask },
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
  if (mode === 'staff of A' || mode === 'staff of A via A') await signInStaff(client, a.slug, a.manager);
  if (mode === 'API key of A') return { client, token: aKey };
  return { client };
}

it('probes every root operation of the schema', () => {
  expect(OPERATIONS.map((o) => o.field.name).length).toBeGreaterThanOrEqual(17);
});

describe.each(MODES)('as %s', (mode) => {
  it.each(OPERATIONS.map((o) => [`${o.kind} ${o.field.name}${o.only ? `.${o.only}` : ''}`, o] as const))(
    '%s leaks and changes nothing of B',
    async (_name, { kind, field, only }) => {
      const who = await attacker(mode);
      const before = await snapshotOfB();
      let answer = '';
      // As deep as the limits allow: a probe refused as too broad is refused before it runs.
      for (maxDepth = 3; maxDepth >= 1; maxDepth--) {
        const { query, variables } = operationFor(kind, field, mode, only);
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
        if (!answer.includes('QUERY_TOO_COMPLEX')) break;
      }
      // B's rows reached but failing further in (a loader of A) would hide a leak behind an error.
      expect(answer, `${field.name}${only ? `.${only}` : ''} failed inside`).not.toContain('INTERNAL_SERVER_ERROR');
      // A probe refused as too broad would read nothing: it would pass without trying anything.
      expect(answer, `${field.name}${only ? `.${only}` : ''} was not tried`).not.toContain('QUERY_TOO_COMPLEX');
      for (const secret of secrets()) expect(answer, `${field.name} answered with B's data`).not.toContain(secret);
      expect(await snapshotOfB(), `${field.name} changed B's data`).toBe(before);
    },
  );
});
