/**
 * Emails about followed threads, end to end over the API with a real SMTP server process: a reply
 * or status change writes the followers' emails to the outbox in its own transaction; the mailer
 * sends them with a working unsubscribe link; consent is checked when a message is sent, so a
 * withdrawal (in the widget, or through the link) stops the very next email.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { ConsentRecord, Follow, Member, Notification, OutboxMessage, Vote } from '../entities/index.ts';
import { say } from '../i18n/say.ts';
import { matchingMembers } from '../services/cleanup.ts';
import { deliverDue } from '../services/mail/outbox.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  globalId,
  postThread,
  rawId,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/smtp.ts';

let smtp: TestSmtpServer;
let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
let staff: GraphQLClient;
const tokens: Record<string, string> = {};
const memberIds: Record<string, string> = {};

async function customer(name: string) {
  tokens[name] = await ssoToken(brand, { sub: name, name, email: `${name.toLowerCase()}@example.com` });
  memberIds[name] = rawId((await api.data('{ viewer { member { id } } }', { token: tokens[name] })).viewer.member.id);
}
const as = (name: string) => ({ token: tokens[name] });
const reply = (name: string, threadId: string, body: string) =>
  api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    ...as(name),
    variables: { i: { threadId, body } },
  });
const follow = (name: string, id: string) =>
  api.data('mutation ($id: ID!) { follow(threadId: $id) { id } }', { ...as(name), variables: { id } });
const outbox = (memberId: string) =>
  server
    .em()
    .find(OutboxMessage, { member: memberId }, { ...ALL_COMMUNITIES, orderBy: { createdAt: 'asc', id: 'asc' } });
const to = (name: string) => smtp.received.filter((m) => m.envelopeTo.includes(`${name.toLowerCase()}@example.com`));
/** Waits until the mailer has dealt with every due message (sent or skipped). */
async function drained() {
  for (let i = 0; i < 100; i++) {
    const pending = await server
      .em()
      .count(OutboxMessage, { status: 'PENDING', dueAt: { $lte: new Date() } }, ALL_COMMUNITIES);
    if (pending === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the outbox did not drain');
}

beforeAll(async () => {
  smtp = await startTestSmtpServer({ unknownAddresses: ['gone@example.com'] });
  server = await startTestServer({ smtpUrl: smtp.url, mailIntervalMs: 50 });
  brand = await createTestCommunity(server.em());
  api = server.client();
  staff = server.client();
  await signInStaff(staff, brand.slug, brand.agency);
  for (const name of ['Ada', 'Bob', 'Cy']) await customer(name);
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

describe('emails about followed threads', () => {
  it('emails followers (not the one who acted) when someone replies, with an unsubscribe link', async () => {
    const thread = await postThread(api, tokens.Ada, { title: 'Dark mode for the app' });
    await follow('Bob', thread);
    await reply('Cy', thread, 'Yes please, my eyes hurt at night.');
    const [mail] = await smtp.waitFor(2);
    // Ada (author, follows by posting) and Bob (follower) hear of it; Cy wrote it.
    expect(to('Ada')).toHaveLength(1);
    expect(to('Bob')).toHaveLength(1);
    expect(to('Cy')).toHaveLength(0);
    const bobs = to('Bob')[0]?.parsed;
    expect(bobs?.subject).toBe('New reply in “Dark mode for the app”');
    expect(bobs?.text).toContain('New reply in “Dark mode for the app”');
    expect(bobs?.text).toContain('Cy wrote:');
    expect(bobs?.text).toContain('Yes please, my eyes hurt at night.');
    // HTML and plain text, the same words in both.
    expect(bobs?.html).toContain('Yes please, my eyes hurt at night.');
    expect(bobs?.from?.value[0]).toMatchObject({
      name: `${brand.community.name} via Rapport`,
      address: 'no-reply@localhost',
    });
    const header = (name: string) => bobs?.headerLines.find((h) => h.key === name)?.line ?? '';
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toMatch(/^List-Unsubscribe:\s+<http:\/\/\S+\/unsubscribe\?token=\S+>$/);
    expect(mail?.parsed.messageId).toMatch(/@rapport>$/);
    // The SMTP server has the message before the mailer marks the row sent: wait for that.
    await drained();
    expect((await outbox(memberIds.Bob as string)).map((m) => m.status)).toEqual(['SENT']);
  });

  it('writes to each member in their language: subject, words, footer and unsubscribe page', async () => {
    const thread = await postThread(api, tokens.Ada, { title: 'Dunkelmodus' });
    const token = await ssoToken(brand, { sub: 'Dora', name: 'Dora', email: 'dora@example.com', locale: 'de' });
    await follow('Ada', thread);
    await api.data('mutation ($id: ID!) { follow(threadId: $id) { id } }', { token, variables: { id: thread } });
    const before = smtp.received.length;
    await reply('Cy', thread, 'Bitte!');
    await smtp.waitFor(before + 2);
    const mail = to('Dora').at(-1)?.parsed;
    expect(mail?.subject).toBe(say('de', 'email.reply.title', { title: 'Dunkelmodus' }));
    expect(mail?.subject).not.toBe('New reply in “Dunkelmodus”');
    expect(mail?.text).toContain(say('de', 'email.wrote', { name: 'Cy' }));
    expect(mail?.text).toContain(say('de', 'email.stop'));
    expect(mail?.html).toContain('lang="de"');
    // Ada reads English: the same event, in her language.
    expect(to('Ada').at(-1)?.parsed.subject).toBe('New reply in “Dunkelmodus”');
    const link = /List-Unsubscribe:\s+<(\S+)>/.exec(
      mail?.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '',
    )?.[1];
    const page = await (await fetch(link ?? '')).text();
    expect(page).toContain('<html lang="de"');
    expect(page).toContain(say('de', 'unsubscribe.ask.title'));
    await drained();
  });

  it('names staff as themselves, and agency staff as agency for the brand', async () => {
    const thread = await postThread(api, tokens.Ada, { title: 'Export to CSV' });
    const before = to('Ada').length;
    await staff.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      variables: { i: { threadId: thread, body: 'We are looking at it.' } },
    });
    await smtp.waitFor(smtp.received.length + 1);
    const mail = to('Ada')[before]?.parsed;
    expect(mail?.text).toContain(`Ari (Support Agent · Agency for ${brand.community.name} (Northwind)) wrote:`);
    expect(mail?.html).toContain(`Agency for ${brand.community.name} (Northwind)`);
  });

  it('emails followers when staff change the status', async () => {
    const thread = await postThread(api, tokens.Ada, { title: 'Offline mode' });
    const before = to('Ada').length;
    await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
      variables: { i: { threadId: thread, status: 'PLANNED' } },
    });
    await smtp.waitFor(smtp.received.length + 1);
    expect(to('Ada')[before]?.parsed.subject).toBe('“Offline mode” is now planned');
  });

  it('stops the next email as soon as the member withdraws consent in the widget', async () => {
    const thread = await postThread(api, tokens.Bob, { title: 'Bigger fonts' });
    const consent = await api.data(
      'mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: false) { purpose granted isDefault source } }',
      as('Bob'),
    );
    expect(consent.setConsent).toEqual({
      purpose: 'THREAD_NOTIFICATIONS',
      granted: false,
      isDefault: false,
      source: 'WIDGET',
    });
    const before = to('Bob').length;
    await reply('Ada', thread, 'Agreed, for accessibility.');
    await drained();
    expect(to('Bob')).toHaveLength(before);
    const last = (await outbox(memberIds.Bob as string)).at(-1);
    expect(last?.status).toBe('SKIPPED');
    // Turning it back on works for the next one.
    await api.data('mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: true) { granted } }', as('Bob'));
    await reply('Ada', thread, 'Still agreed.');
    await smtp.waitFor(smtp.received.length + 1);
    expect(to('Bob')).toHaveLength(before + 1);
  });

  it('checks consent when the message is sent, not when it was written', async () => {
    const em = server.em();
    const thread = await postThread(api, tokens.Cy, { title: 'Keyboard shortcuts' });
    // With a daily digest the email waits until tomorrow: withdraw before it goes out.
    await api.data('mutation { setEmailDigest(digest: DAILY) }', as('Cy'));
    try {
      await reply('Ada', thread, 'Vim keys!');
      expect((await outbox(memberIds.Cy as string)).at(-1)?.status).toBe('PENDING');
      await api.data('mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: false) { granted } }', as('Cy'));
      const result = await deliverDue(em, {
        transport: { sendMail: async () => expect.fail('must not send') },
        from: 'test@localhost',
        publicUrl: server.url,
        now: new Date(Date.now() + 2 * 86_400_000),
      });
      expect(result.skipped).toBe(1);
      expect((await outbox(memberIds.Cy as string)).at(-1)?.status).toBe('SKIPPED');
    } finally {
      await api.data('mutation { setEmailDigest(digest: IMMEDIATE) }', as('Cy'));
      await api.data('mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: true) { granted } }', as('Cy'));
    }
  });

  it('unsubscribes through the link without signing in, recorded in the ledger', async () => {
    const mail = to('Ada')[0]?.parsed;
    const link = String(mail?.text?.match(/https?:\/\/\S+\/unsubscribe\?token=\S+/)?.[0]);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    // Opening the link changes nothing (mail scanners open links).
    expect(await server.em().count(ConsentRecord, { member: memberIds.Ada }, ALL_COMMUNITIES)).toBe(0);
    const done = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are unsubscribed');
    const ledger = await server.em().find(ConsentRecord, { member: memberIds.Ada }, ALL_COMMUNITIES);
    expect(ledger.map((r) => [r.purpose, r.granted, r.source])).toEqual([
      ['THREAD_NOTIFICATIONS', false, 'UNSUBSCRIBE_LINK'],
    ]);
    // Twice is the same as once.
    await fetch(link, { method: 'POST' });
    expect(await server.em().count(ConsentRecord, { member: memberIds.Ada }, ALL_COMMUNITIES)).toBe(1);
    // And no more emails.
    const thread = await postThread(api, tokens.Ada, { title: 'Widgets on the home screen' });
    const before = to('Ada').length;
    await reply('Bob', thread, 'Great idea.');
    await drained();
    expect(to('Ada')).toHaveLength(before);
    // Staff see the withdrawal, with where it came from.
    const seen = await staff.data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { consents { purpose granted source } consentHistory { source textShown } } } }',
      { variables: { s: brand.slug, id: globalId('Member', memberIds.Ada as string) } },
    );
    expect(seen.community.member.consents[0]).toEqual({
      purpose: 'THREAD_NOTIFICATIONS',
      granted: false,
      source: 'UNSUBSCRIBE_LINK',
    });
    expect(seen.community.member.consentHistory[0].textShown).toContain('Unsubscribe page');
  });

  it('refuses a changed or made-up link', async () => {
    const mail = to('Bob')[0]?.parsed;
    const link = String(mail?.text?.match(/https?:\/\/\S+\/unsubscribe\?token=\S+/)?.[0]);
    const forged = link.replace(/token=([^.]+)\./, (_m, payload: string) => {
      const fields = JSON.parse(Buffer.from(payload, 'base64url').toString());
      fields[1] = memberIds.Cy;
      return `token=${Buffer.from(JSON.stringify(fields)).toString('base64url')}.`;
    });
    for (const bad of [forged, `${server.url}/unsubscribe?token=nonsense`, `${server.url}/unsubscribe`]) {
      const res = await fetch(bad, { method: 'POST' });
      expect(res.status, bad).toBe(400);
    }
    expect(
      await server.em().count(ConsentRecord, { member: memberIds.Cy, source: 'UNSUBSCRIBE_LINK' }, ALL_COMMUNITIES),
    ).toBe(0);
  });

  it('sends a daily digest as one email, and none with NEVER', async () => {
    const em = bindEm(server.em(), brand.community.id);
    await api.data('mutation { setEmailDigest(digest: DAILY) }', as('Bob'));
    const thread = await postThread(api, tokens.Bob, { title: 'Calendar sync' });
    await reply('Cy', thread, 'Google Calendar first.');
    await reply('Cy', thread, 'Then Outlook.');
    const waiting = (await outbox(memberIds.Bob as string)).filter((m) => m.status === 'PENDING');
    expect(waiting).toHaveLength(2);
    expect(waiting.every((m) => m.digest && m.dueAt.getUTCHours() === 8)).toBe(true);
    const before = to('Bob').length;
    const sent: { subject: string; text: string }[] = [];
    await deliverDue(em, {
      transport: { sendMail: async (m) => sent.push(m) },
      from: 'test@localhost',
      publicUrl: server.url,
      now: new Date(Date.now() + 2 * 86_400_000),
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe(`2 updates from ${brand.community.name}`);
    expect(sent[0]?.text).toContain('Google Calendar first.');
    expect(sent[0]?.text).toContain('Then Outlook.');
    expect(to('Bob')).toHaveLength(before);

    await api.data('mutation { setEmailDigest(digest: NEVER) }', as('Bob'));
    const pendingBefore = (await outbox(memberIds.Bob as string)).length;
    await reply('Cy', thread, 'And Apple.');
    expect(await outbox(memberIds.Bob as string)).toHaveLength(pendingBefore);
    expect((await api.data('{ viewer { emailDigest } }', as('Bob'))).viewer.emailDigest).toBe('NEVER');
    const member = await server.em().findOneOrFail(Member, { id: memberIds.Bob }, ALL_COMMUNITIES);
    expect(member.emailDigest).toBe('NEVER');
  });
});

describe('notifications stay in their community', () => {
  it("never reach a member of another community, even when the data ties them to this one's thread", async () => {
    const thread = await postThread(api, tokens.Ada, { title: 'A brand-only thread' });
    const other = await createTestCommunity(server.em());
    const spyToken = await ssoToken(other, { sub: 'spy', name: 'Spy', email: 'spy@example.com' });
    const spy = rawId((await api.data('{ viewer { member { id } } }', { token: spyToken })).viewer.member.id);
    // Rows no API makes: the other community's member follows and votes on this community's
    // thread (as a crafted import or a bug elsewhere could leave them), under either community.
    const em = server.em();
    for (const community of [other.community.id, brand.community.id]) {
      em.create(Follow, { community, thread: rawId(thread), member: spy });
      await em.flush();
      await reply('Bob', thread, `A reply the spy must not read (${community}).`);
      await em.nativeDelete(Follow, { member: spy }, ALL_COMMUNITIES);
    }
    em.create(Vote, { community: other.community.id, thread: rawId(thread), member: spy });
    await em.flush();
    await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
      variables: { i: { threadId: thread, status: 'PLANNED', note: 'Soon.' } },
    });
    await drained();
    expect(await outbox(spy)).toEqual([]);
    expect(await server.em().count(Notification, { member: spy }, ALL_COMMUNITIES)).toBe(0);
    expect(to('Spy')).toEqual([]);
  });
});

describe('addresses that bounce', () => {
  it('stops at once for an address its mail server refuses, until the brand sends a new one', async () => {
    await customer('Gone');
    const thread = await postThread(api, tokens.Gone, { title: 'Tent zip stuck' });
    await reply('Cy', thread, 'Wax helps with zips.');
    await drained();
    const [first] = await outbox(memberIds.Gone as string);
    // Refused for good (550): not retried, and the address is marked.
    expect(first).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(first?.lastError).toMatch(/^refused: .*550/);
    const member = () => server.em().findOneOrFail(Member, { id: memberIds.Gone }, ALL_COMMUNITIES);
    expect((await member()).emailBouncedAt).toBeInstanceOf(Date);
    const seen = await staff.data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { emailBouncedAt } } }',
      {
        variables: { s: brand.slug, id: globalId('Member', memberIds.Gone as string) },
      },
    );
    expect(seen.community.member.emailBouncedAt).not.toBeNull();
    // Once inactive for the rule's window, the BOUNCED clean-up finds them (and says why).
    const later = new Date(Date.now() + 91 * 86_400_000);
    const bounced = await matchingMembers(
      { communityId: brand.community.id, em: bindEm(server.em(), brand.community.id) },
      { rule: 'BOUNCED' },
      later,
    );
    expect(bounced.find((c) => c.member.displayName === 'Gone')?.reason).toBe('ADDRESS_REFUSED');

    // Nothing more is written for (or tried on) that address.
    await reply('Cy', thread, 'Or a pencil.');
    await drained();
    expect(await outbox(memberIds.Gone as string)).toHaveLength(1);

    // The brand's sign-in brings a new address: it gets the next email.
    tokens.Gone = await ssoToken(brand, { sub: 'Gone', name: 'Gone', email: 'found@example.com' });
    await api.data('{ viewer { member { id } } }', as('Gone'));
    expect((await member()).emailBouncedAt).toBeNull();
    await reply('Cy', thread, 'Or soap.');
    await smtp.waitFor(smtp.received.length + 1);
    await drained();
    expect(smtp.received.some((m) => m.envelopeTo.includes('found@example.com'))).toBe(true);
  });
});
