/**
 * Closing the loop, over the API: the public roadmap; "What's new" entries that ship threads when
 * published; everyone who asked (author, voters, followers, and those of merged duplicates) told
 * once each, in the widget and by email, with consent respected; live unread counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Notification, OutboxMessage, WebhookDelivery } from '../entities/index.ts';
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
let api: GraphQLClient;
let staff: GraphQLClient;
let manager: GraphQLClient;
let hooks: HttpReceiver;
let smtp: TestSmtpServer;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

const as = (name: string) => ({ token: tokens[name] });
async function customer(name: string) {
  tokens[name] = await ssoToken(brand, { sub: name, name, email: `${name.toLowerCase()}@example.com` });
  ids[name] = rawId((await api.data('{ viewer { member { id } } }', as(name))).viewer.member.id);
}
const post = async (name: string, title: string) =>
  (
    await api.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
      ...as(name),
      variables: { i: { kind: 'IDEA', title } },
    })
  ).postThread.id as string;
const vote = (name: string, id: string) =>
  api.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { ...as(name), variables: { id } });
const follow = (name: string, id: string) =>
  api.data('mutation ($id: ID!) { follow(threadId: $id) { id } }', { ...as(name), variables: { id } });
const setStatus = (id: string, status: string, note?: string) =>
  staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
    variables: { i: { threadId: id, status, note } },
  });
const notificationsOf = (name: string) =>
  server
    .em()
    .find(Notification, { member: ids[name] }, { ...ALL_COMMUNITIES, orderBy: { createdAt: 'asc', id: 'asc' } });
const emailsOf = (name: string) =>
  server
    .em()
    .find(OutboxMessage, { member: ids[name] }, { ...ALL_COMMUNITIES, orderBy: { createdAt: 'asc', id: 'asc' } });
const ENTRY_FIELDS =
  'id title status publishedAt editedAt bodyFormatted author { name title } threads { id title status }';

beforeAll(async () => {
  hooks = await startHttpReceiver();
  smtp = await startTestSmtpServer();
  server = await startTestServer({ mailIntervalMs: 50, smtpUrl: smtp.url });
  brand = await createTestCommunity(server.em());
  api = server.client();
  staff = server.client();
  manager = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  await signInStaff(manager, brand.slug, brand.manager);
  for (const name of ['Ada', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay']) await customer(name);
  await manager.data('mutation ($u: String!) { createWebhook(url: $u, events: [CHANGELOG_PUBLISHED]) { secret } }', {
    variables: { u: `${hooks.url}/hooks` },
  });
});
afterAll(async () => {
  await server?.close();
  await hooks?.close();
  await smtp?.close();
});

describe('the roadmap', () => {
  it('shows planned, in progress and recently shipped threads, and follows status changes at once', async () => {
    const planned = await post('Ada', 'Roadmap: planned idea');
    const building = await post('Ada', 'Roadmap: in progress idea');
    const open = await post('Ada', 'Roadmap: still open');
    await vote('Bob', planned);
    await setStatus(planned, 'PLANNED');
    await setStatus(building, 'IN_PROGRESS');
    const ROADMAP = `query ($s: String!) { community(slug: $s) { roadmapEnabled roadmap {
      planned { id title voteCount viewerHasVoted } inProgress { id } shipped { id } } } }`;
    const read = async (who?: string) =>
      (await api.data(ROADMAP, { ...(who ? as(who) : {}), variables: { s: brand.slug } })).community;
    let seen = await read('Bob');
    expect(seen.roadmapEnabled).toBe(true);
    expect(seen.roadmap.planned).toEqual([
      { id: planned, title: 'Roadmap: planned idea', voteCount: 1, viewerHasVoted: true },
    ]);
    expect(seen.roadmap.inProgress.map((t: { id: string }) => t.id)).toEqual([building]);
    expect(JSON.stringify(seen.roadmap)).not.toContain(open);
    // Invalidated like the list: the next read after a change sees it.
    await setStatus(building, 'SHIPPED');
    seen = await read();
    expect(seen.roadmap.inProgress).toEqual([]);
    expect(seen.roadmap.shipped.map((t: { id: string }) => t.id)).toEqual([building]);

    // A brand can turn it off, and choose how long shipped threads stay.
    const bad = await manager.request('mutation { updateOutreachSettings(input: { roadmapShippedDays: 0 }) { id } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'roadmapShippedDays' });
    await manager.data('mutation { updateOutreachSettings(input: { roadmapEnabled: false }) { id } }');
    seen = await read();
    expect(seen).toMatchObject({ roadmapEnabled: false, roadmap: null });
    await manager.data(
      'mutation { updateOutreachSettings(input: { roadmapEnabled: true, roadmapShippedDays: 14 }) { id } }',
    );
    expect((await read()).roadmap.shipped.map((t: { id: string }) => t.id)).toEqual([building]);
  });

  it('refuses a community page off the allowed origins, and an invalid From address, clearly', async () => {
    const page = await manager.request(
      'mutation { updateOutreachSettings(input: { communityPageUrl: "https://elsewhere.example/c" }) { id } }',
    );
    expect(page.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'communityPageUrl' });
    const from = await manager.request(
      'mutation { updateOutreachSettings(input: { fromAddress: "not an address" }) { id } }',
    );
    expect(from.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const ok = await manager.data(
      'mutation { updateOutreachSettings(input: { communityPageUrl: "http://brand.example/community?tab=ideas" }) { outreach { communityPageUrl } } }',
    );
    expect(ok.updateOutreachSettings.outreach.communityPageUrl).toBe('http://brand.example/community?tab=ideas');
    const customers = await api.request(
      `{ community(slug: "${brand.slug}") { outreach { communityPageUrl } } }`,
      as('Ada'),
    );
    expect(customers.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("What's new", () => {
  let tent: string;
  let stove: string;
  let duplicate: string;
  let entryId: string;

  it('keeps a draft from customers and publishes it: its threads ship, each person asking is told once', async () => {
    tent = await post('Ada', 'Lighter tent');
    stove = await post('Bob', 'Quieter stove');
    duplicate = await post('Dee', 'A lighter tent please');
    await vote('Cy', tent);
    await vote('Cy', stove); // asked for both: hears once
    await follow('Eve', stove);
    await vote('Fay', duplicate);
    // Fay's vote moves to the tent when the duplicate is merged: she hears of the merge, then the entry.
    await staff.data('mutation ($s: ID!, $t: ID!) { mergeThread(threadId: $s, intoThreadId: $t) { id } }', {
      variables: { s: duplicate, t: tent },
    });
    // Bob turned off "voting subscribes me": his vote brings him nothing, his post does.
    await api.data('mutation { setFollowOnVote(followOnVote: false) }', as('Bob'));
    await vote('Bob', tent);

    const made = await staff.data(
      `mutation ($i: ChangelogEntryInput!) { createChangelogEntry(input: $i) { ${ENTRY_FIELDS} } }`,
      {
        variables: {
          i: {
            title: 'Trail season release',
            body: 'The **Ridge 2** is lighter.\n\n- new fabric\n- [details](https://brand.example/ridge)',
            threadIds: [tent, stove],
          },
        },
      },
    );
    const entry = made.createChangelogEntry;
    entryId = entry.id;
    expect(entry).toMatchObject({ status: 'DRAFT', publishedAt: null, author: { name: 'Sam', title: 'Support Lead' } });
    expect(entry.bodyFormatted[0]).toEqual({
      t: 'p',
      c: [
        { t: 'text', v: 'The ' },
        { t: 'strong', c: [{ t: 'text', v: 'Ridge 2' }] },
        { t: 'text', v: ' is lighter.' },
      ],
    });
    const LIST = `query ($s: String!) { community(slug: $s) { changelog(first: 10) { edges { node { id title } } } } }`;
    expect((await api.data(LIST, { ...as('Ada'), variables: { s: brand.slug } })).community.changelog.edges).toEqual(
      [],
    );

    const published = await staff.data(`mutation ($id: ID!) { publishChangelogEntry(id: $id) { ${ENTRY_FIELDS} } }`, {
      variables: { id: entryId },
    });
    expect(published.publishChangelogEntry.status).toBe('PUBLISHED');
    expect(published.publishChangelogEntry.threads.map((t: { status: string }) => t.status)).toEqual([
      'SHIPPED',
      'SHIPPED',
    ]);
    expect(
      (await api.data(LIST, { ...as('Ada'), variables: { s: brand.slug } })).community.changelog.edges,
    ).toHaveLength(1);

    // The threads' status change names the entry, which stands as its note.
    const history = await api.data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { lastStatusChange { to changelogEntry { id title } } } } }',
      { variables: { s: brand.slug, id: tent } },
    );
    expect(history.community.thread.lastStatusChange).toEqual({
      to: 'SHIPPED',
      changelogEntry: { id: entryId, title: 'Trail season release' },
    });

    const changelogNotices = async (name: string) =>
      (await notificationsOf(name)).filter((n) => n.kind === 'CHANGELOG');
    for (const name of ['Ada', 'Bob', 'Cy', 'Eve', 'Fay', 'Dee'])
      expect(await changelogNotices(name), name).toHaveLength(1);
    // Fay heard of the merge first, where the conversation went.
    const fay = await notificationsOf('Fay');
    expect(fay.map((n) => n.kind)).toEqual(['MERGED', 'CHANGELOG']);
    expect(fay[0]?.mergedInto?.id).toBe(rawId(tent));
    // One email each, not one per thread.
    const changelogEmails = async (name: string) => (await emailsOf(name)).filter((m) => m.template === 'changelog');
    expect(await changelogEmails('Cy')).toHaveLength(1);
    // Shipping by an entry does not also send a status email per thread.
    expect((await emailsOf('Ada')).filter((m) => m.template === 'status' && m.data?.threadId === rawId(tent))).toEqual(
      [],
    );

    // The widget's view of it.
    const feed = await api.data(
      '{ viewer { unreadNotificationCount unreadChangelogCount notifications(first: 5) { edges { node { kind changelogEntry { title threads { title } } } } } } }',
      as('Cy'),
    );
    expect(feed.viewer.notifications.edges[0].node).toEqual({
      kind: 'CHANGELOG',
      changelogEntry: {
        title: 'Trail season release',
        threads: [{ title: 'Lighter tent' }, { title: 'Quieter stove' }],
      },
    });
    expect(feed.viewer.unreadChangelogCount).toBe(1);
    await api.data('mutation { markChangelogRead }', as('Cy'));
    expect((await api.data('{ viewer { unreadChangelogCount } }', as('Cy'))).viewer.unreadChangelogCount).toBe(0);

    // Webhooks hear of it.
    const [delivery] = await hooks.waitFor(1);
    expect(delivery?.headers['x-rapport-event']).toBe('changelog.published');
    expect(JSON.parse(delivery?.body ?? '{}').data).toMatchObject({
      title: 'Trail season release',
      author: { name: 'Sam' },
    });
  });

  it('emails everyone else only with their consent to product updates, and not who withdrew', async () => {
    await customer('Gus');
    await customer('Hal');
    await api.data('mutation { setConsent(purpose: PRODUCT_UPDATES, granted: true) { granted } }', as('Gus'));
    const lantern = await post('Hal', 'Brighter lantern');
    await vote('Ada', lantern);
    // Ada withdraws thread emails: she is told in the widget, but not emailed.
    await api.data('mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: false) { granted } }', as('Ada'));
    const entry = await staff.data('mutation ($i: ChangelogEntryInput!) { createChangelogEntry(input: $i) { id } }', {
      variables: { i: { title: 'Lantern update', body: 'Brighter.', threadIds: [lantern] } },
    });
    const emailsBefore = (await emailsOf('Ada')).length;
    await staff.data('mutation ($id: ID!) { publishChangelogEntry(id: $id) { id } }', {
      variables: { id: entry.createChangelogEntry.id },
    });
    const gus = (await emailsOf('Gus')).filter((m) => m.template === 'changelog');
    expect(gus.map((m) => m.purpose)).toEqual(['PRODUCT_UPDATES']);
    expect((await notificationsOf('Gus')).filter((n) => n.kind === 'CHANGELOG')).toEqual([]);
    // Nobody else without consent was written to.
    expect((await emailsOf('Eve')).filter((m) => m.subject.includes('Lantern'))).toEqual([]);
    // Ada's email is written, then skipped when due: consent is checked as it is sent.
    let ada = (await emailsOf('Ada')).slice(emailsBefore);
    for (let i = 0; i < 100 && ada.some((m) => m.status === 'PENDING'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      ada = (await emailsOf('Ada')).slice(emailsBefore);
    }
    expect(ada.map((m) => m.status)).toEqual(['SKIPPED']);
    expect((await notificationsOf('Ada')).filter((n) => n.kind === 'CHANGELOG')).toHaveLength(2);
    await api.data('mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: true) { granted } }', as('Ada'));
  });

  it('is shown as edited after a change, and a thread added later ships telling only its own people', async () => {
    const lamp = await post('Eve', 'Headlamp with red light');
    const edited = await staff.data(
      'mutation ($id: ID!, $i: ChangelogEntryInput!) { updateChangelogEntry(id: $id, input: $i) { editedAt threads { title status } } }',
      { variables: { id: entryId, i: { title: 'Trail season release (updated)', threadIds: [tent, stove, lamp] } } },
    );
    expect(edited.updateChangelogEntry.editedAt).not.toBeNull();
    expect(edited.updateChangelogEntry.threads.map((t: { status: string }) => t.status)).toEqual([
      'SHIPPED',
      'SHIPPED',
      'SHIPPED',
    ]);
    // Eve asked for the stove too and already heard of this entry: not again.
    expect((await notificationsOf('Eve')).filter((n) => n.kind === 'CHANGELOG')).toHaveLength(1);
  });

  it('can be unpublished, and only drafts can be deleted; bad input is refused clearly', async () => {
    const gone = await staff.request('mutation ($id: ID!) { deleteChangelogEntry(id: $id) }', {
      variables: { id: entryId },
    });
    expect(gone.errors?.[0]).toMatchObject({
      message: 'Unpublish the entry before deleting it.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await staff.data('mutation ($id: ID!) { unpublishChangelogEntry(id: $id) { status } }', {
      variables: { id: entryId },
    });
    const seen = await api.data(
      'query ($s: String!, $id: ID!) { community(slug: $s) { changelogEntry(id: $id) { id } } }',
      {
        ...as('Ada'),
        variables: { s: brand.slug, id: entryId },
      },
    );
    expect(seen.community.changelogEntry).toBeNull();
    expect(
      (await staff.data('mutation ($id: ID!) { deleteChangelogEntry(id: $id) }', { variables: { id: entryId } }))
        .deleteChangelogEntry,
    ).toBe(true);

    const short = await staff.request('mutation { createChangelogEntry(input: { title: "x" }) { id } }');
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    const customerTry = await api.request(
      'mutation { createChangelogEntry(input: { title: "From a customer" }) { id } }',
      as('Ada'),
    );
    expect(customerTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('publishes itself at the scheduled time', async () => {
    const made = await staff.data('mutation { createChangelogEntry(input: { title: "Scheduled news" }) { id } }');
    const soon = new Date(Date.now() + 6_000).toISOString();
    const scheduled = await staff.data(
      'mutation ($id: ID!, $at: DateTime!) { publishChangelogEntry(id: $id, at: $at) { status publishAt } }',
      {
        variables: { id: made.createChangelogEntry.id, at: soon },
      },
    );
    expect(scheduled.publishChangelogEntry).toEqual({ status: 'SCHEDULED', publishAt: soon });
    const status = async () =>
      (
        await staff.data(
          'query ($s: String!, $id: ID!) { community(slug: $s) { changelogEntry(id: $id) { status } } }',
          {
            variables: { s: brand.slug, id: made.createChangelogEntry.id },
          },
        )
      ).community.changelogEntry.status;
    for (let i = 0; i < 100 && (await status()) !== 'PUBLISHED'; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await status()).toBe('PUBLISHED');
  }, 20_000);
});

describe('status changes and merges tell everyone who asked', () => {
  it('tells voters of a status change with the note, and not the voter who turned it off', async () => {
    const boots = await post('Dee', 'Waterproof boots');
    await vote('Eve', boots);
    await vote('Bob', boots); // Bob turned "voting subscribes me" off above
    await setStatus(boots, 'PLANNED', 'Coming in **spring**.');
    const eve = (await notificationsOf('Eve')).filter((n) => n.thread?.id === rawId(boots));
    expect(eve.map((n) => n.kind)).toEqual(['STATUS_CHANGED']);
    expect((await notificationsOf('Bob')).filter((n) => n.thread?.id === rawId(boots))).toEqual([]);
    const email = (await emailsOf('Eve')).find((m) => m.template === 'status' && m.data?.threadId === rawId(boots));
    expect(email?.data).toMatchObject({
      status: 'PLANNED',
      note: 'Coming in **spring**.',
      by: { name: 'Sam', badge: 'STAFF' },
    });
    const feed = await api.data(
      '{ viewer { notifications(first: 1) { edges { node { kind status statusChange { noteFormatted } } } } } }',
      as('Eve'),
    );
    expect(feed.viewer.notifications.edges[0].node).toMatchObject({ kind: 'STATUS_CHANGED', status: 'PLANNED' });
  });

  it('updates unread counts live for a signed-in member', async () => {
    const live = subscribe(
      server.endpoint,
      'subscription ($c: String!) { viewerEvents(community: $c) { type unreadNotificationCount unreadChangelogCount } }',
      { ...as('Hal'), variables: { c: brand.slug } },
    );
    try {
      const first = (await live.ready).data.viewerEvents;
      expect(first.type).toBe('SUBSCRIBED');
      const thread = await post('Hal', 'Live badge test');
      await api.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
        ...as('Ada'),
        variables: { i: { threadId: thread, body: 'A reply Hal hears of at once.' } },
      });
      const next = (await live.next()).data.viewerEvents;
      expect(next).toMatchObject({ type: 'NOTIFIED', unreadNotificationCount: first.unreadNotificationCount + 1 });
      const entry = await staff.data('mutation { createChangelogEntry(input: { title: "Live news" }) { id } }');
      await staff.data('mutation ($id: ID!) { publishChangelogEntry(id: $id) { id } }', {
        variables: { id: entry.createChangelogEntry.id },
      });
      const news = (await live.next()).data.viewerEvents;
      expect(news).toMatchObject({ type: 'CHANGELOG_PUBLISHED', unreadChangelogCount: first.unreadChangelogCount + 1 });
    } finally {
      live.close();
    }
    const anonymous = subscribe(
      server.endpoint,
      'subscription ($c: String!) { viewerEvents(community: $c) { type } }',
      {
        variables: { c: brand.slug },
      },
    );
    expect((await anonymous.ready).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    anonymous.close();
  });

  it('keeps webhook deliveries for the entries', async () => {
    expect(
      await server.em().count(WebhookDelivery, { event: 'changelog.published' }, ALL_COMMUNITIES),
    ).toBeGreaterThanOrEqual(2);
  });
});
