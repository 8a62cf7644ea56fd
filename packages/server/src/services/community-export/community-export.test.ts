/**
 * A brand leaves a host (or an agency) with its relationships intact: the whole community is
 * exported, imported into an empty database and exported again, byte for byte the same; on the new
 * database staff sign in with their passwords and guests keep their identity. A file that is cut
 * short, malformed, from a newer Rapport or clashing with what is there is refused with a clear
 * error and leaves nothing behind. Runs on SQLite and (with DATABASE_URL) on PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.ts';
import { bindEm } from '../../core/scope.ts';
import type { Orm } from '../../db/em.ts';
import { migrate, openOrm } from '../../db/orm.ts';
import { Activity, Community, InboundEmail, Member } from '../../entities/index.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/database.ts';
import {
  createTestCommunity,
  globalId,
  guestToken,
  postThread,
  rawId,
  STAFF_PASSWORD,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../../testing/fixtures.ts';
import type { GraphQLClient } from '../../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../../testing/server.ts';
import { replyCodeFor } from '../mail/reply-address.ts';
import { domainSubscribers } from '../subscribers.ts';
import { exportCommunity } from './export.ts';
import { importCommunity } from './import.ts';
import { ALL_ENTITIES, EXPORTED, NOT_EXPORTED } from './tables.ts';

let source: TestServer;
let brand: TestCommunity;
let target: TestDatabase;
let targetOrm: Orm;
let exported: string;
/** A thread of another brand on the source host. */
let foreignThread: string;
const tokens: Record<string, string> = {};

async function exportToText(orm: Orm, communityId: string): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await exportCommunity(orm.em.fork(), communityId, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

const importText = (text: string) => importCommunity(targetOrm.em.fork(), Readable.from([text]));

async function importError(text: string): Promise<AppError> {
  const error = await importText(text).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  // Nothing of a refused file stays behind.
  expect(await targetOrm.em.fork().count(Community, {})).toBe(0);
  return error as AppError;
}

/** Some of everything a community holds, made through the API as customers and staff would. */
async function fillCommunity(): Promise<void> {
  const api = source.client();
  const staff: Record<string, GraphQLClient> = {};
  for (const name of ['staff', 'manager'] as const) {
    staff[name] = source.client();
    await signInStaff(staff[name], brand.slug, brand[name]);
  }
  const as = (name: string) => staff[name] as GraphQLClient;
  for (const name of ['Ada', 'Bob', 'Cy']) tokens[name] = await guestToken(api, brand.slug, name);
  // A customer signed in by the brand, with what the brand says about her.
  tokens.Dee = await ssoToken(brand, { sub: 'dee', name: 'Dee', attributes: { plan: 'enterprise', mrr: 990 } });
  await api.data('{ viewer { member { id } } }', { token: tokens.Dee });
  await as('manager').data('mutation { createApiKey(name: "CRM sync", scopes: [WRITE_MEMBERS]) { key } }');
  const segment = await as('manager').data(
    'mutation { saveSegment(name: "Enterprise", rules: { attributes: [{ key: "plan", equals: "enterprise" }] }) { id } }',
  );
  // An ask to the segment, answered by Dee.
  const ask = await as('manager').data('mutation ($i: AskInput!) { createAsk(input: $i) { id } }', {
    variables: {
      i: {
        question: 'Would you pay for offline maps?',
        choices: ['Yes', 'No'],
        allowText: true,
        segmentId: segment.saveSegment.id,
        closesAt: new Date(Date.now() + 86_400_000),
      },
    },
  });
  await as('manager').data('mutation ($id: ID!) { publishAsk(id: $id) { id } }', {
    variables: { id: ask.createAsk.id },
  });
  await api.data('mutation ($id: ID!) { answerAsk(id: $id, choices: [0], text: "On trips") { id } }', {
    token: tokens.Dee,
    variables: { id: ask.createAsk.id },
  });
  const older = await postThread(api, tokens.Ada, { title: 'Sync breaks on Android', body: 'Sync never ends.' });
  const ideas = await postThread(api, tokens.Bob, { title: 'Export to CSV', body: 'Please add CSV export.' });
  const newer = await postThread(api, tokens.Cy, { title: 'Android sync fails', body: 'Same as others, sync fails.' });
  const reply = (token: string | undefined, threadId: string, body: string, client = api) =>
    client
      .data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
        token,
        variables: { i: { threadId, body } },
      })
      .then((d) => d.reply.id as string);
  const tip = await reply(tokens.Bob, older, 'Turning it off and on helps. @Sam can you look?');
  await reply(undefined, older, 'We are on it: a fix ships next week.', as('staff'));
  await as('manager').data('mutation ($r: ID!) { markReplyHelpful(replyId: $r) { id } }', { variables: { r: tip } });
  for (const name of ['Bob', 'Cy']) {
    await api.data('mutation ($t: ID!) { vote(threadId: $t) { id } }', {
      token: tokens[name],
      variables: { t: ideas },
    });
  }
  await as('manager').data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    variables: { i: { threadId: ideas, status: 'PLANNED', note: 'Next quarter.' } },
  });
  await api.data('mutation ($i: ReportInput!) { reportContent(input: $i) { id } }', {
    token: tokens.Cy,
    variables: { i: { threadId: ideas, reason: 'Looks like spam to me' } },
  });
  // The older thread merged into the newer one: a reference forward in id order.
  await as('manager').data('mutation ($a: ID!, $b: ID!) { mergeThread(threadId: $a, intoThreadId: $b) { id } }', {
    variables: { a: older, b: newer },
  });
  await api.data('mutation { setConsent(purpose: PRODUCT_UPDATES, granted: true) { granted } }', { token: tokens.Ada });
  await api.data('mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: false) { granted } }', {
    token: tokens.Cy,
  });
  // Cy then goes quiet for half a year: the UNSUBSCRIBED clean-up below takes them.
  const cy = rawId((await api.data('{ viewer { member { id } } }', { token: tokens.Cy })).viewer.member.id);
  const halfYearAgo = new Date(Date.now() - 180 * 86_400_000);
  const everywhere = { filters: false } as const;
  await source.em().nativeUpdate(Member, { id: cy }, { lastSeenAt: halfYearAgo }, everywhere);
  await source.em().nativeUpdate(Activity, { actorMember: cy }, { createdAt: halfYearAgo }, everywhere);
  const ada = (await api.data('{ viewer { member { id } } }', { token: tokens.Ada })).viewer.member.id;
  await as('manager').data('mutation ($m: ID!) { flagAmbassador(memberId: $m, reason: "Helps everyone") { id } }', {
    variables: { m: ada },
  });
  await as('manager').data(
    'mutation { createWebhook(url: "https://hooks.brand.example/rapport", events: [THREAD_CREATED]) { secret } }',
  );
  const preview = await as('manager').data(
    'query ($s: String!) { community(slug: $s) { cleanupPreview(rule: UNSUBSCRIBED) { memberIds } } }',
    { variables: { s: brand.slug } },
  );
  await as('manager').data('mutation ($ids: [ID!]!) { runCleanup(rule: UNSUBSCRIBED, memberIds: $ids) { skipped } }', {
    variables: { ids: preview.community.cleanupPreview.memberIds },
  });
  // "What's new" shipping the planned idea: an entry, its thread, a status change naming it, notifications.
  const entry = await as('manager').data(
    'mutation ($t: [ID!]) { createChangelogEntry(input: { title: "CSV export is here", body: "**Finally.**", threadIds: $t }) { id } }',
    { variables: { t: [ideas] } },
  );
  await as('manager').data('mutation ($id: ID!) { publishChangelogEntry(id: $id) { id } }', {
    variables: { id: entry.createChangelogEntry.id },
  });
  // A reply address sent in an email, and an email answer received on it (as the mail path makes them).
  const em = bindEm(source.em(), brand.community.id);
  const bob = rawId((await api.data('{ viewer { member { id } } }', { token: tokens.Bob })).viewer.member.id);
  await replyCodeFor(em, brand.community.id, bob, rawId(ideas));
  em.create(InboundEmail, {
    community: brand.community.id,
    messageId: '<answer@mail.example>',
    member: bob,
    thread: rawId(ideas),
    outcome: 'REFUSED',
    reason: 'Reply from the address this email was sent to.',
  });
  await em.flush();
  await api.data('mutation { requestAccountDeletion }', { token: tokens.Bob });
  await as('manager').data(
    'mutation ($a: ID!, $b: [ID!]!) { deactivateStaff(staffId: $a, successorIds: $b) { movedThreads } }',
    {
      variables: { a: globalId('StaffMember', brand.staff.id), b: globalId('StaffMember', brand.owner.id) },
    },
  );
}

beforeAll(async () => {
  source = await startTestServer({ backgroundJobs: false });
  brand = await createTestCommunity(source.em());
  // Another brand on the same host: none of its rows may leave with this one.
  const other = await createTestCommunity(source.em());
  foreignThread = await postThread(source.client(), await guestToken(source.client(), other.slug, 'Zed'), {
    title: 'Not theirs',
  });
  await fillCommunity();
  exported = await exportToText(source.app.orm, brand.community.id);
  target = await createTestDatabase();
  targetOrm = await openOrm({ databaseUrl: target.url, subscribers: domainSubscribers() });
  await migrate(targetOrm);
});
afterAll(async () => {
  await targetOrm?.close();
  await target?.drop();
  await source?.close();
});

describe('community export', () => {
  it('decides for every table whether it is exported (and says why not)', () => {
    for (const entity of ALL_ENTITIES) {
      if (entity.name === 'Community') continue;
      expect(EXPORTED.includes(entity) !== NOT_EXPORTED.has(entity), entity.name).toBe(true);
    }
  });

  it('writes one versioned JSON document with rows of every exported table', () => {
    const document = JSON.parse(exported);
    expect(document).toMatchObject({ format: 'rapport-community-export', version: 1 });
    expect(document.community).toMatchObject({ id: brand.community.id, slug: brand.slug });
    for (const entity of EXPORTED) {
      expect(document.counts[entity.name], entity.name).toBeGreaterThan(0);
      const rows = document.rows.filter(([table]: [string]) => table === entity.name);
      expect(rows.length, entity.name).toBe(document.counts[entity.name]);
    }
    // Secrets that keep the brand's links and sign-ins working travel with it; sessions do not.
    expect(exported).toContain(brand.ssoSecret);
    expect(exported).not.toContain('"StaffSession"');
    expect(exported).not.toContain('Not theirs');
    const dee = document.rows.find(
      ([table, row]: [string, { externalId?: string }]) => table === 'Member' && row.externalId === 'dee',
    );
    expect(dee?.[1].attributes).toEqual({ mrr: 990, plan: 'enterprise' });
  });
});

describe('community import', () => {
  it('refuses a file that is not an export, with the line at fault', async () => {
    expect((await importError('hello\n')).message).toMatch(/Line 1: .*not a Rapport community export/);
    expect((await importError('')).code).toBe('BAD_USER_INPUT');
  });

  it('refuses an export from a newer Rapport', async () => {
    const newer = exported.replace('"version":1,', '"version":2,');
    expect((await importError(newer)).message).toMatch(/format version 2.*Update Rapport/);
  });

  it('leaves nothing behind when the file is cut short', async () => {
    const lines = exported.split('\n');
    const cut = lines.slice(0, Math.floor(lines.length * 0.8)).join('\n');
    expect((await importError(cut)).message).toMatch(/ends early/);
  });

  it('refuses rows with unknown columns or values of the wrong type, naming them', async () => {
    const withColumn = exported.replace('["Member",{', '["Member",{"favouriteColour":"green",');
    expect((await importError(withColumn)).message).toMatch(/Member has no column "favouriteColour"/);
    const badKind = exported.replace(/"kind":"GUEST"/, '"kind":"ROBOT"');
    expect((await importError(badKind)).message).toMatch(/Member.kind cannot be "ROBOT"/);
    const badCount = exported.replace(/"voteCount":\d+/, '"voteCount":"many"');
    expect((await importError(badCount)).message).toMatch(/voteCount must be a number/);
  });

  it('refuses a row that belongs to another community', async () => {
    const foreign = exported.replace(/("SsoKey",\{"id":"[^"]+","community":")[^"]+"/, '$1not-this-one"');
    expect((await importError(foreign)).message).toMatch(/belongs to another community/);
  });

  it("refuses a row pointing at another community's rows, naming the line", async () => {
    // A follow of another community's thread: once imported, that community's replies would be
    // mailed to the follower.
    const lines = exported.split('\n');
    const at = lines.findIndex((line) => line.startsWith('["Follow",') && line.includes('"member":"'));
    const crafted = [...lines];
    crafted[at] = (lines[at] as string).replace(/"thread":"[^"]+"/, `"thread":"${rawId(foreignThread)}"`);
    expect((await importError(crafted.join('\n'))).message).toBe(
      `The file cannot be imported. Line ${at + 1}: Follow.thread points at Thread "${rawId(foreignThread)}", which is not in this file (before this line).`,
    );
    // A reference to the table's own rows is checked once every row is in (a merge points forward).
    const merged = lines.findIndex((line) => line.startsWith('["Thread",') && /"mergedInto":"[^"]+"/.test(line));
    const intoForeign = [...lines];
    intoForeign[merged] = (lines[merged] as string).replace(
      /"mergedInto":"[^"]+"/,
      `"mergedInto":"${rawId(foreignThread)}"`,
    );
    expect((await importError(intoForeign.join('\n'))).message).toMatch(
      new RegExp(
        `Line ${merged + 1}: Thread.mergedInto points at Thread "${rawId(foreignThread)}", which is not in this file`,
      ),
    );
    // A reference to a row of a table the export leaves out (or a made-up one) is no better.
    const staffLine = lines.findIndex((line) => line.startsWith('["Reply",') && line.includes('"authorStaff":"'));
    const ghost = [...lines];
    ghost[staffLine] = (lines[staffLine] as string).replace(
      /"authorStaff":"[^"]+"/,
      '"authorStaff":"00000000-0000-4000-8000-000000000000"',
    );
    expect((await importError(ghost.join('\n'))).message).toMatch(
      new RegExp(`Line ${staffLine + 1}: Reply.authorStaff points at StaffMember`),
    );
  });

  it('imports into an empty database; exporting again gives the same bytes', async () => {
    const result = await importText(exported);
    expect(result).toMatchObject({ communityId: brand.community.id, slug: brand.slug });
    expect(await exportToText(targetOrm, brand.community.id)).toBe(exported);
  });

  it('refuses to import a community the database already has, changing nothing', async () => {
    const error = await importText(exported).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect((error as Error).message).toContain(`already has the community "${brand.slug}"`);
    expect(await exportToText(targetOrm, brand.community.id)).toBe(exported);
  });

  it('keeps the relationships working on the new database: sign-ins, guests, threads', async () => {
    const moved = await startTestServer({ database: target, backgroundJobs: false });
    try {
      const manager = moved.client();
      const signedIn = await manager.data(
        'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
        { variables: { c: brand.slug, e: brand.manager.email, p: STAFF_PASSWORD } },
      );
      expect(signedIn.staffSignIn.kind).toBe('STAFF');
      const ada = await moved.client().data('{ viewer { member { displayName } } }', { token: tokens.Ada });
      expect(ada.viewer.member.displayName).toBe('Ada');
      const listed = await manager.data(
        'query ($s: String!) { community(slug: $s) { threads(first: 10) { edges { node { title } } } } }',
        { variables: { s: brand.slug } },
      );
      expect(listed.community.threads.edges.map((e: { node: { title: string } }) => e.node.title).sort()).toEqual([
        'Android sync fails',
        'Export to CSV',
      ]);
    } finally {
      await moved.close();
    }
  });

  it('moves through a SQLite file and back (PostgreSQL -> SQLite -> PostgreSQL in the PostgreSQL run)', async () => {
    const file = join(tmpdir(), `rapport-move-${randomBytes(6).toString('hex')}.db`);
    const sqlite = await openOrm({ databaseUrl: file, subscribers: domainSubscribers() });
    const back = await createTestDatabase();
    const backOrm = await openOrm({ databaseUrl: back.url, subscribers: domainSubscribers() });
    try {
      await migrate(sqlite);
      await importCommunity(sqlite.em.fork(), Readable.from([exported]));
      const viaSqlite = await exportToText(sqlite, brand.community.id);
      // JSON columns may come back with their keys in another order (PostgreSQL's jsonb sorts them).
      expect(JSON.parse(viaSqlite)).toEqual(JSON.parse(exported));
      await migrate(backOrm);
      await importCommunity(backOrm.em.fork(), Readable.from([viaSqlite]));
      expect(JSON.parse(await exportToText(backOrm, brand.community.id))).toEqual(JSON.parse(exported));
    } finally {
      await sqlite.close();
      await backOrm.close();
      await back.drop();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    }
  });
});
