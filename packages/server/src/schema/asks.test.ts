/**
 * Asks over the API: staff put a poll to a segment; only its members see it and answer, and may
 * change their answer until it closes; only those who agreed to staff contact are emailed (checked
 * again when it is sent); results by segment and attribute, live and as CSV; webhooks; a follow-up
 * thread; answering counts as taking part; erasure takes answers away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { Activity, AskAnswer, OutboxMessage, WebhookDelivery } from '../entities/index.ts';
import { eraseMember } from '../services/erasure.ts';
import { deliverDue } from '../services/mail/outbox.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  rawId,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { type HttpReceiver, startHttpReceiver } from '../testing/http-receiver.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../testing/smtp.ts';
import { subscribe } from '../testing/sse.ts';

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;
let api: GraphQLClient;
let staff: GraphQLClient;
let hooks: HttpReceiver;
let smtp: TestSmtpServer;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const as = (name: string) => ({ token: tokens[name] });
const DAY = 86_400_000;

/** A customer signed in by SSO, with what the brand says about them and their consents. */
async function customer(name: string, attributes: Record<string, unknown>, consents: Record<string, boolean> = {}) {
  tokens[name] = await ssoToken(brand, {
    sub: name,
    name,
    email: `${name.toLowerCase()}@example.com`,
    attributes,
    consents,
  });
  ids[name] = rawId((await api.data('{ viewer { member { id } } }', as(name))).viewer.member.id);
}

const ASK_FIELDS = 'id question details choices multiple allowText status author { name title }';
const openAsks = async (name: string) =>
  (await api.data(`{ viewer { openAsks { ${ASK_FIELDS} viewerAnswer { choices text } } } }`, as(name))).viewer
    .openAsks as { id: string; question: string; viewerAnswer: { choices: number[]; text: string | null } | null }[];
const answer = (name: string, id: string, choices: number[] | null, text?: string) =>
  api.request(
    'mutation ($id: ID!, $c: [Int!], $t: String) { answerAsk(id: $id, choices: $c, text: $t) { choices text } }',
    {
      ...as(name),
      variables: { id, c: choices, t: text },
    },
  );
async function createAsk(input: Record<string, unknown>): Promise<string> {
  const data = await staff.data('mutation ($i: AskInput!) { createAsk(input: $i) { id } }', {
    variables: { i: { closesAt: new Date(Date.now() + DAY), ...input } },
  });
  return data.createAsk.id;
}
const publish = (id: string) =>
  staff.data('mutation ($id: ID!) { publishAsk(id: $id) { id status } }', { variables: { id } });
const outboxOf = (name: string) =>
  server.em().find(OutboxMessage, { member: ids[name], template: 'ask' }, ALL_COMMUNITIES);

let enterprise: string;
let ambassadors: string;
let pollId: string;

beforeAll(async () => {
  hooks = await startHttpReceiver();
  smtp = await startTestSmtpServer();
  server = await startTestServer({ mailIntervalMs: 50, smtpUrl: smtp.url });
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
  api = server.client();
  staff = server.client();
  await signInStaff(staff, brand.slug, brand.manager);
  await staff.data(
    'mutation { updateOutreachSettings(input: { communityPageUrl: "http://brand.example/community" }) { id } }',
  );
  await staff.data(
    'mutation ($u: String!) { createWebhook(url: $u, events: [ASK_PUBLISHED, ASK_ANSWERED]) { secret } }',
    {
      variables: { u: `${hooks.url}/hooks` },
    },
  );
  await customer('Ada', { plan: 'enterprise', country: 'DE' }, { STAFF_CONTACT: true });
  await customer('Bob', { plan: 'enterprise', country: 'FR' });
  await customer('Cy', { plan: 'enterprise', country: 'DE' }, { STAFF_CONTACT: true });
  await customer('Dee', { plan: 'starter', country: 'DE' }, { STAFF_CONTACT: true });
  const saved = await staff.data(
    'mutation { saveSegment(name: "Enterprise", rules: { attributes: [{ key: "plan", equals: "enterprise" }] }) { id } }',
  );
  enterprise = saved.saveSegment.id;
  ambassadors = (
    await staff.data('mutation { saveSegment(name: "Ambassadors", rules: { standing: AMBASSADORS }) { id } }')
  ).saveSegment.id;
});
afterAll(async () => {
  await server?.close();
  await hooks?.close();
  await smtp?.close();
});

describe('an ask to a segment', () => {
  it('is a draft nobody sees until it is published, signed by its author', async () => {
    // Cy's emails wait for the daily digest: she withdraws her consent before hers is sent.
    await api.data('mutation { setEmailDigest(digest: DAILY) }', as('Cy'));
    pollId = await createAsk({
      question: 'Would you pay for offline maps?',
      details: 'We are thinking about it.',
      choices: ['Yes', 'Maybe', 'No'],
      allowText: true,
      segmentId: enterprise,
    });
    expect(await openAsks('Ada')).toEqual([]);
    const published = await publish(pollId);
    expect(published.publishAsk.status).toBe('OPEN');
    const [card] = await openAsks('Ada');
    expect(card).toMatchObject({
      id: pollId,
      question: 'Would you pay for offline maps?',
      author: { name: brand.manager.name },
      viewerAnswer: null,
    });
  });

  it('is seen and answered only by members of the segment', async () => {
    expect(await openAsks('Dee')).toEqual([]);
    const refused = await answer('Dee', pollId, [0]);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Who it is for is not told to customers.
    const peek = await api.request(`{ viewer { openAsks { targetName } } }`, as('Ada'));
    expect(peek.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('emails only members who agreed to be contacted, and checks again when it sends', async () => {
    expect((await outboxOf('Bob')).length).toBe(0);
    expect((await outboxOf('Dee')).length).toBe(0);
    expect((await outboxOf('Ada')).map((m) => m.purpose)).toEqual(['STAFF_CONTACT']);
    const [mail] = await smtp.waitFor(1, 10_000);
    expect(mail?.envelopeTo).toEqual(['ada@example.com']);
    expect(mail?.parsed.subject).toContain('Would you pay for offline maps?');
    expect(mail?.parsed.text).toContain(brand.manager.name);
    expect(mail?.parsed.text).toContain('Maybe');
    expect(mail?.parsed.text).toContain('http://brand.example/community');
    // Cy agreed when it was queued, and withdraws before it is sent: it is skipped.
    expect((await outboxOf('Cy')).map((m) => m.status)).toEqual(['PENDING']);
    await api.data('mutation { setConsent(purpose: STAFF_CONTACT, granted: false) { granted } }', as('Cy'));
    const sent: string[] = [];
    await deliverDue(server.em(), {
      transport: {
        sendMail: async (mail: { to?: unknown }) => {
          sent.push(String(mail.to));
        },
      },
      from: 'test@localhost',
      publicUrl: server.url,
      now: new Date(Date.now() + 2 * DAY),
    });
    expect(sent.filter((to) => to.includes('cy@'))).toEqual([]);
    expect((await outboxOf('Cy')).map((m) => m.status)).toEqual(['SKIPPED']);
  });

  it('refuses answers that are not one of its choices, with clear errors', async () => {
    const cases: [number[] | null, string | undefined, string][] = [
      [[5], undefined, 'That is not one of the choices.'],
      [[0, 1], undefined, 'Choose only one answer.'],
      [null, undefined, 'Choose an answer, or write one.'],
      [[-1], undefined, 'That is not one of the choices.'],
    ];
    for (const [choices, text, message] of cases) {
      const result = await answer('Ada', pollId, choices, text);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toBe(message);
    }
    const long = await answer('Ada', pollId, [0], 'x'.repeat(2001));
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    expect(await server.em().count(AskAnswer, { ask: pollId }, ALL_COMMUNITIES)).toBe(0);
  });

  it('keeps one answer per member, changed in place, and tells staff live', async () => {
    const live = subscribe(
      server.endpoint,
      'subscription ($c: String!, $id: ID!) { askEvents(community: $c, id: $id) { type } }',
      { cookie: staff.cookie, variables: { c: brand.slug, id: pollId } },
    );
    const types: string[] = [];
    const typeOf = (e: unknown) => (e as { data: { askEvents: { type: string } } }).data.askEvents.type;
    types.push(typeOf(await live.ready));
    expect((await answer('Ada', pollId, [1])).errors).toBeUndefined();
    expect((await answer('Ada', pollId, [0], 'If it works abroad')).errors).toBeUndefined();
    expect((await answer('Bob', pollId, [2])).errors).toBeUndefined();
    for (let i = 0; i < 3; i++) types.push(typeOf(await live.next(5000)));
    live.close();
    expect(types).toEqual(['SUBSCRIBED', 'ANSWERED', 'ANSWERED', 'ANSWERED']);
    const [card] = await openAsks('Ada');
    expect(card?.viewerAnswer).toEqual({ choices: [0], text: 'If it works abroad' });
    expect(await server.em().count(AskAnswer, { ask: pollId }, ALL_COMMUNITIES)).toBe(2);
  });

  it('shows staff the results by segment and by attribute, and as CSV', async () => {
    const data = await staff.data(
      `query ($s: String!, $id: ID!, $seg: [ID!]) { community(slug: $s) { ask(id: $id) {
        targetName results(segmentIds: $seg, attribute: "country") { asked overall { answered counts }
          bySegment { label answered counts } byAttribute { label answered counts } }
        answers { text member { displayName } } csv } } }`,
      { variables: { s: brand.slug, id: pollId, seg: [enterprise, ambassadors] } },
    );
    const ask = data.community.ask;
    expect(ask.targetName).toBe('Enterprise');
    expect(ask.results.asked).toBe(3);
    expect(ask.results.overall).toEqual({ answered: 2, counts: [1, 0, 1] });
    expect(ask.results.bySegment).toEqual([
      { label: 'Ambassadors', answered: 0, counts: [0, 0, 0] },
      { label: 'Enterprise', answered: 2, counts: [1, 0, 1] },
    ]);
    expect(ask.results.byAttribute).toEqual([
      { label: 'DE', answered: 1, counts: [1, 0, 0] },
      { label: 'FR', answered: 1, counts: [0, 0, 1] },
    ]);
    expect(ask.answers.map((a: { member: { displayName: string } }) => a.member.displayName).sort()).toEqual([
      'Ada',
      'Bob',
    ]);
    const lines = (ask.csv as string).trim().split('\n');
    expect(lines[0]).toBe('member,external id,answered at,choices,text,country,plan');
    expect(lines.find((l) => l.startsWith('Ada,'))).toMatch(/^Ada,Ada,[^,]+,Yes,If it works abroad,DE,enterprise$/);
  });

  it('counts answering as taking part', async () => {
    const active = await staff.data(
      'query ($s: String!) { community(slug: $s) { segmentPreview(rules: { activeWithinDays: 1 }) { members { displayName } } } }',
      { variables: { s: brand.slug } },
    );
    const names = active.community.segmentPreview.members.map((m: { displayName: string }) => m.displayName);
    expect(names).toContain('Ada');
    expect(names).not.toContain('Dee');
  });

  it('tells webhooks it was published and answered', async () => {
    const received = await hooks.waitFor(4);
    const bodies = received.map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> });
    const published = bodies.find((b) => b.event === 'ask.published');
    expect(published?.data).toMatchObject({ question: 'Would you pay for offline maps?', segment: 'Enterprise' });
    const answered = bodies.filter((b) => b.event === 'ask.answered');
    expect(answered.map((b) => b.data.choices)).toEqual(expect.arrayContaining([['Maybe'], ['Yes'], ['No']]));
    expect(answered.find((b) => b.data.text === 'If it works abroad')).toMatchObject({
      data: { memberId: ids.Ada, changed: true },
    });
    expect(await server.em().count(WebhookDelivery, { event: 'ask.answered' }, ALL_COMMUNITIES)).toBe(3);
  });

  it('fixes its question once published, and takes no answers once closed', async () => {
    const changed = await staff.request(
      'mutation ($id: ID!) { updateAsk(id: $id, input: { question: "Other" }) { id } }',
      {
        variables: { id: pollId },
      },
    );
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'question' });
    const closed = await staff.data('mutation ($id: ID!) { closeAsk(id: $id) { status } }', {
      variables: { id: pollId },
    });
    expect(closed.closeAsk.status).toBe('CLOSED');
    const late = await answer('Ada', pollId, [2]);
    expect(late.errors?.[0]?.message).toBe('This ask is closed.');
    expect(await openAsks('Ada')).toEqual([]);
  });

  it('opens one public follow-up thread from the results', async () => {
    const made = await staff.data(
      'mutation ($id: ID!) { openAskFollowUp(id: $id, kind: IDEA, title: "Offline maps: what you told us") { id title } }',
      { variables: { id: pollId } },
    );
    const linked = await staff.data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { ask(id: $id) { followUp { id } } } }',
      {
        variables: { s: brand.slug, id: pollId },
      },
    );
    expect(linked.community.ask.followUp.id).toBe(made.openAskFollowUp.id);
    const again = await staff.request(
      'mutation ($id: ID!) { openAskFollowUp(id: $id, kind: IDEA, title: "Again") { id } }',
      { variables: { id: pollId } },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('asks and their limits', () => {
  it('checks what staff write', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ question: '' }, 'question'],
      [{ question: 'One choice', choices: ['Only'] }, 'choices'],
      [{ question: 'Same twice', choices: ['A', 'A'] }, 'choices'],
      [{ question: 'Past', closesAt: new Date(Date.now() - DAY) }, 'closesAt'],
      [{ question: 'Unknown segment', segmentId: '00000000-0000-4000-8000-000000000000' }, 'segmentId'],
    ];
    for (const [input, field] of cases) {
      const result = await staff.request('mutation ($i: AskInput!) { createAsk(input: $i) { id } }', {
        variables: { i: { closesAt: new Date(Date.now() + DAY), ...input } },
      });
      expect(result.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // No question at all (the fuzz test found this answered as an internal error).
    const none = await staff.request('mutation ($i: AskInput!) { createAsk(input: $i) { id } }', {
      variables: { i: {} },
    });
    expect(none.errors?.[0]).toMatchObject({
      message: 'Question cannot be empty.',
      extensions: { code: 'BAD_USER_INPUT', field: 'question' },
    });
  });

  it('asks everyone a question in words, and erasure takes a member’s answer away', async () => {
    const id = await createAsk({ question: 'What would you change first?' });
    await publish(id);
    expect((await openAsks('Dee')).map((a) => a.id)).toContain(id);
    const chose = await answer('Dee', id, [0]);
    expect(chose.errors?.[0]?.message).toBe('That is not one of the choices.');
    // Nothing written to a question in words (an internal error before).
    expect((await answer('Dee', id, null, ' ')).errors?.[0]).toMatchObject({
      message: 'Answer cannot be empty.',
      extensions: { code: 'BAD_USER_INPUT', field: 'text' },
    });
    expect((await answer('Dee', id, null, 'The search')).errors).toBeUndefined();
    await bindEm(server.em(), brand.community.id).transactional((tx) =>
      eraseMember(tx, brand.community.id, ids.Dee as string, 'Asked to'),
    );
    expect(await server.em().count(AskAnswer, { ask: id }, ALL_COMMUNITIES)).toBe(0);
  });

  it('asks a segment by ranking standing (read inside the publishing transaction)', async () => {
    await staff.data('mutation ($m: ID!) { flagAmbassador(memberId: $m, reason: "Helps everyone") { id } }', {
      variables: { m: (await api.data('{ viewer { member { id } } }', as('Bob'))).viewer.member.id },
    });
    const id = await createAsk({ question: 'Ambassadors only?', choices: ['Yes', 'No'], segmentId: ambassadors });
    expect((await publish(id)).publishAsk.status).toBe('OPEN');
    expect((await openAsks('Bob')).map((a) => a.id)).toContain(id);
    expect((await openAsks('Ada')).map((a) => a.id)).not.toContain(id);
  });

  it('keeps a segment a draft is for, and takes no answer from a suspended member', async () => {
    const draft = await createAsk({ question: 'For the enterprise?', choices: ['Yes', 'No'], segmentId: enterprise });
    const removed = await staff.request('mutation ($id: ID!) { deleteSegment(id: $id) }', {
      variables: { id: enterprise },
    });
    expect(removed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    await staff.data('mutation ($id: ID!) { deleteAsk(id: $id) }', { variables: { id: draft } });

    const open = await createAsk({ question: 'Everyone, quickly?', choices: ['Yes', 'No'] });
    await publish(open);
    await customer('Sid', { plan: 'starter' });
    await staff.data(
      'mutation ($m: ID!) { suspendMember(memberId: $m, reason: "Spammy posts", hideContent: false) { id } }',
      {
        variables: { m: (await api.data('{ viewer { member { id } } }', as('Sid'))).viewer.member.id },
      },
    );
    expect((await answer('Sid', open, [0])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('takes the same answer again without telling anyone twice', async () => {
    const id = await createAsk({ question: 'Same again?', choices: ['Yes', 'No'] });
    await publish(id);
    const answered = () =>
      server.em().count(Activity, { type: 'ASK_ANSWERED', data: { askId: id } } as never, ALL_COMMUNITIES);
    await answer('Bob', id, [1]);
    await answer('Bob', id, [1]);
    expect(await answered()).toBe(1);
    await answer('Bob', id, [0]);
    expect(await answered()).toBe(2);
  });

  it('sends a daily member’s ask apart from their other news, so withdrawing staff contact stops only it', async () => {
    await customer('Fay', { plan: 'pro' }, { STAFF_CONTACT: true });
    await api.data('mutation { setEmailDigest(digest: DAILY) }', as('Fay'));
    // A reply in a thread Fay follows: an email about threads, waiting for her digest.
    const thread = (
      await api.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
        ...as('Fay'),
        variables: { i: { kind: 'IDEA', title: 'Fay asks for dark mode' } },
      })
    ).postThread.id;
    await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      ...as('Bob'),
      variables: { i: { threadId: thread, body: 'Yes please' } },
    });
    const id = await createAsk({ question: 'Would you try a beta?', choices: ['Yes', 'No'] });
    await publish(id);
    await api.data('mutation { setConsent(purpose: STAFF_CONTACT, granted: false) { granted } }', as('Fay'));
    const sent: string[] = [];
    await deliverDue(server.em(), {
      transport: {
        sendMail: async (mail: { to?: unknown; subject?: unknown }) => {
          sent.push(`${String(mail.to)}: ${String(mail.subject)}`);
        },
      },
      from: 'test@localhost',
      publicUrl: server.url,
      now: new Date(Date.now() + 2 * DAY),
    });
    const fay = sent.filter((line) => line.startsWith('fay@'));
    expect(fay).toHaveLength(1);
    expect(fay[0]).not.toContain('Would you try a beta?');
    const mails = await server.em().find(OutboxMessage, { member: ids.Fay }, ALL_COMMUNITIES);
    expect(mails.find((m) => m.template === 'ask')?.status).toBe('SKIPPED');
    expect(mails.find((m) => m.template === 'reply')?.status).toBe('SENT');
  });

  it('never shows one community’s asks to another’s staff or customers', async () => {
    const id = await createAsk({ question: 'Private to this brand?', choices: ['Yes', 'No'] });
    await publish(id);
    const theirStaff = server.client();
    await signInStaff(theirStaff, other.slug, other.manager);
    const read = await theirStaff.data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { ask(id: $id) { id } } }',
      {
        variables: { s: other.slug, id },
      },
    );
    expect(read.community.ask).toBeNull();
    const theirs = await ssoToken(other, { sub: 'Zed', name: 'Zed' });
    const cards = await api.data('{ viewer { openAsks { id } } }', { token: theirs });
    expect(cards.viewer.openAsks).toEqual([]);
    const answered = await api.request('mutation ($id: ID!) { answerAsk(id: $id, choices: [0]) { id } }', {
      token: theirs,
      variables: { id },
    });
    expect(answered.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const staffAnswer = await staff.request('mutation ($id: ID!) { answerAsk(id: $id, choices: [0]) { id } }', {
      variables: { id },
    });
    expect(staffAnswer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
