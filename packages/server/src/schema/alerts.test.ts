/**
 * Alerts where the team works: webhooks sent as Slack, Discord or Microsoft Teams messages, to a
 * real local receiver, for a new idea, an ambassador or a critic posting, an idea passing the
 * webhook's number of votes (once), and an ask closing. Each target gets exactly its format, with
 * customers' words escaped so they can neither mention anyone nor make links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCommunity, signInStaff, ssoToken, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { type HttpReceiver, type ReceivedRequest, startHttpReceiver } from '../testing/http-receiver.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
let manager: GraphQLClient;
let hooks: HttpReceiver;
const tokens: Record<string, string> = {};
const ALERTS = ['IDEA_CREATED', 'AMBASSADOR_POSTED', 'CRITIC_POSTED', 'IDEA_VOTES_PASSED', 'ASK_CLOSED'];
const TARGETS = ['SLACK', 'DISCORD', 'TEAMS'] as const;

const as = (name: string) => ({ token: tokens[name] });
const call = (name: string, query: string, variables: Record<string, unknown> = {}) =>
  api.data(query, { ...as(name), variables });
const post = async (name: string, title: string, body = '') =>
  (
    await call(name, 'mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
      i: { kind: 'IDEA', title, body },
    })
  ).postThread.id as string;
const reply = async (name: string, threadId: string, body: string) =>
  (await call(name, 'mutation ($i: ReplyInput!) { reply(input: $i) { id } }', { i: { threadId, body } })).reply
    .id as string;
const vote = (name: string, id: string) => call(name, 'mutation ($id: ID!) { vote(threadId: $id) { id } }', { id });

/** What each target got since `from`, as parsed JSON, by target. */
function received(from: number): Record<(typeof TARGETS)[number], unknown[]> {
  const by = (path: string) =>
    hooks.received
      .slice(from)
      .filter((r: ReceivedRequest) => r.path === path)
      .map((r) => JSON.parse(r.body) as unknown);
  return { SLACK: by('/slack'), DISCORD: by('/discord'), TEAMS: by('/teams') };
}

/** Waits for `count` more requests than `from`, then a moment for any that should not come. */
async function settle(from: number, count: number): Promise<void> {
  await hooks.waitFor(from + count, 10_000);
  await new Promise((resolve) => setTimeout(resolve, 400));
}

beforeAll(async () => {
  hooks = await startHttpReceiver();
  server = await startTestServer({ mailIntervalMs: 50 });
  brand = await createTestCommunity(server.em());
  api = server.client();
  manager = server.client();
  await signInStaff(manager, brand.slug, brand.manager);
  for (const name of ['Ada', 'Bob', 'Cy', 'Dee', 'Eve']) {
    tokens[name] = await ssoToken(brand, { sub: name, name });
    await api.data('{ viewer { member { id } } }', as(name));
  }
  for (const format of TARGETS) {
    await manager.data(
      'mutation ($u: String!, $e: [WebhookEvent!]!, $f: WebhookFormat) { createWebhook(url: $u, events: $e, format: $f, voteThreshold: 2) { secret } }',
      { variables: { u: `${hooks.url}/${format.toLowerCase()}`, e: ALERTS, f: format } },
    );
  }
});
afterAll(async () => {
  await server?.close();
  await hooks?.close();
});

describe('alerts in Slack, Discord and Teams', () => {
  let idea = '';

  it('tells each tool of a new idea in its own format, with the customer’s words kept inert', async () => {
    const from = hooks.received.length;
    idea = await post('Ada', 'Offline maps <!channel> @everyone', 'See [this](http://evil.example) *now*');
    await settle(from, 3);
    const got = received(from);
    const link = `${server.url}/admin/threads/${encodeURIComponent(idea)}`;
    expect(got.SLACK).toEqual([
      {
        text: 'New idea: Offline maps &lt;!channel&gt; @everyone',
        blocks: [
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: '*New idea: Offline maps &lt;!channel&gt; @everyone*\nSee [this](http://evil.example) *now*',
              verbatim: true,
            },
          },
          {
            type: 'context',
            elements: [{ type: 'mrkdwn', text: `${brand.community.name} · by Ada`, verbatim: true }],
          },
          {
            type: 'actions',
            elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Rapport' }, url: link }],
          },
        ],
      },
    ]);
    expect(got.DISCORD).toEqual([
      {
        username: 'Rapport',
        allowed_mentions: { parse: [] },
        embeds: [
          {
            title: 'New idea: Offline maps <!channel> @everyone',
            description: 'See \\[this\\]\\(http://evil.example\\) \\*now\\*',
            url: link,
            color: 0x2457c5,
            footer: { text: `${brand.community.name} · by Ada` },
            timestamp: expect.any(String),
          },
        ],
      },
    ]);
    expect(got.TEAMS).toEqual([
      {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [
                {
                  type: 'TextBlock',
                  text: 'New idea: Offline maps <!channel\\> @everyone',
                  weight: 'Bolder',
                  size: 'Medium',
                  wrap: true,
                },
                { type: 'TextBlock', text: 'See \\[this\\]\\(http://evil.example\\) \\*now\\*', wrap: true },
                {
                  type: 'TextBlock',
                  text: `${brand.community.name} · by Ada`,
                  isSubtle: true,
                  size: 'Small',
                  wrap: true,
                },
              ],
              actions: [{ type: 'Action.OpenUrl', title: 'Open in Rapport', url: link }],
            },
          },
        ],
      },
    ]);
  });

  it('tells once when an idea passes the number of votes, even if it falls back and passes again', async () => {
    const from = hooks.received.length;
    await vote('Bob', idea);
    await vote('Cy', idea);
    await call('Cy', 'mutation ($id: ID!) { unvote(threadId: $id) { id } }', { id: idea });
    await vote('Cy', idea);
    await settle(from, 3);
    const got = received(from);
    expect(got.SLACK).toHaveLength(1);
    expect((got.SLACK[0] as { text: string }).text).toBe('“Offline maps &lt;!channel&gt; @everyone” passed 2 votes');
    expect((got.DISCORD[0] as { embeds: { title: string }[] }).embeds[0]?.title).toBe(
      '“Offline maps <!channel> @everyone” passed 2 votes',
    );
    expect(got.TEAMS).toHaveLength(1);
  });

  it('tells when an ambassador posts, and not when others do', async () => {
    const bob = (await api.data('{ viewer { member { id } } }', as('Bob'))).viewer.member.id;
    await manager.data('mutation ($m: ID!) { flagAmbassador(memberId: $m, reason: "Helps everyone") { id } }', {
      variables: { m: bob },
    });
    const from = hooks.received.length;
    await reply('Dee', idea, 'Nice idea');
    await reply('Bob', idea, 'Works offline in the Alps too');
    await settle(from, 3);
    const got = received(from);
    expect(got.SLACK.map((m) => (m as { text: string }).text)).toEqual([
      'Bob, an ambassador, posted in “Offline maps &lt;!channel&gt; @everyone”',
    ]);
    expect(got.DISCORD).toHaveLength(1);
    expect(got.TEAMS).toHaveLength(1);
  });

  it('tells when a critic posts', async () => {
    await manager.data('mutation { updateRankingSettings(settings: { critics: { reachPercentile: 1 } }) { id } }');
    const broken = await post('Eve', 'Checkout is broken again', 'This is terrible, the worst update ever. I hate it.');
    await reply('Eve', broken, 'Still broken. Awful and useless, so frustrating.');
    await post('Eve', 'So slow', 'Horrible performance, disappointed and angry.');
    for (const name of ['Ada', 'Cy', 'Dee']) await vote(name, broken);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const from = hooks.received.length;
    await reply('Eve', broken, 'Still awful. Terrible, broken and useless.');
    await settle(from, 3);
    const got = received(from);
    expect(got.SLACK.map((m) => (m as { text: string }).text)).toEqual([
      'Eve, a critic, posted in “Checkout is broken again”',
    ]);
    expect(got.DISCORD).toHaveLength(1);
    expect(got.TEAMS).toHaveLength(1);
  });

  it('tells when an ask closes, with its results and a link to them', async () => {
    const made = await manager.data('mutation ($i: AskInput!) { createAsk(input: $i) { id } }', {
      variables: {
        i: { question: 'Would you pay for it?', choices: ['Yes', 'No'], closesAt: new Date(Date.now() + 86_400_000) },
      },
    });
    const id = made.createAsk.id as string;
    await manager.data('mutation ($id: ID!) { publishAsk(id: $id) { id } }', { variables: { id } });
    await call('Ada', 'mutation ($id: ID!) { answerAsk(id: $id, choices: [0]) { id } }', { id });
    await call('Cy', 'mutation ($id: ID!) { answerAsk(id: $id, choices: [0]) { id } }', { id });
    const from = hooks.received.length;
    await manager.data('mutation ($id: ID!) { closeAsk(id: $id) { id } }', { variables: { id } });
    await settle(from, 3);
    const got = received(from);
    const [slack] = got.SLACK as {
      text: string;
      blocks: { text?: { text: string }; elements?: { url?: string }[] }[];
    }[];
    expect(slack?.text).toBe('Ask closed: Would you pay for it?');
    expect(slack?.blocks[0]?.text?.text).toBe('*Ask closed: Would you pay for it?*\n2 answers\nYes: 2\nNo: 0');
    expect(slack?.blocks[2]?.elements?.[0]?.url).toBe(`${server.url}/admin/asks/${id}`);
    expect(got.DISCORD).toHaveLength(1);
    expect(got.TEAMS).toHaveLength(1);
  });
});

describe('alert webhooks, managed', () => {
  it('refuses a number of votes that is not a whole number from 1', async () => {
    const result = await manager.request(
      'mutation ($u: String!) { createWebhook(url: $u, events: [IDEA_VOTES_PASSED], format: SLACK, voteThreshold: 0) { secret } }',
      { variables: { u: `${hooks.url}/slack` } },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'voteThreshold' });
    expect(result.errors?.[0]?.message).toBe('The number of votes must be a whole number from 1 to 1,000,000.');
  });
});
