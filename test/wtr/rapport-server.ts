/**
 * A @web/test-runner plugin that runs the real Rapport server (real HTTP, a fresh real database)
 * beside the browser tests, and gives tests server commands to set up data through the API as
 * staff and customers would: `executeServerCommand('rapport:…', payload)`.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Activity, Member, Thread } from '@rapport/server/entities/index.ts';
import {
  createTestCommunity,
  globalId,
  guestToken,
  STAFF_PASSWORD,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '@rapport/server/testing/fixtures.ts';
import type { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { startTestServer, type TestServer } from '@rapport/server/testing/server.ts';

interface Fixture {
  community: TestCommunity;
  staff: GraphQLClient;
  agency: GraphQLClient;
  manager: GraphQLClient;
  /** Guest tokens by display name. */
  guests: Map<string, string>;
}

type Payload = Record<string, any>;

interface KoaContext {
  path: string;
  method: string;
  querystring: string;
  req: IncomingMessage;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
  set(name: string, value: string | string[]): void;
}

const FORWARDED_HEADERS = [
  'content-type',
  'accept',
  'accept-language',
  'cookie',
  'authorization',
  'x-graphql-yoga-csrf',
];

/**
 * Resolves once the server grants `origin` CORS for `slug`. Its origins are written to the
 * database directly, which the server's cache hears of within a second (http/cors.ts): the page's
 * first request would otherwise be refused, and only a retry would show it.
 */
async function embeddable(endpoint: string, slug: string, origin: string): Promise<void> {
  const url = `${endpoint}?community=${encodeURIComponent(slug)}`;
  const headers = { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' };
  for (let tries = 0; tries < 100; tries++) {
    const answer = await fetch(url, { method: 'OPTIONS', headers });
    if (answer.headers.get('access-control-allow-origin') === origin) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The test server never granted ${origin} CORS for ${slug}`);
}

/** Passes a request through to Rapport and its answer (streamed: SSE and @defer) back. */
async function proxy(ctx: KoaContext, endpoint: string): Promise<void> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = ctx.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const chunks: Buffer[] = [];
  if (!['GET', 'HEAD'].includes(ctx.method)) for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  const response = await fetch(`${endpoint}${ctx.querystring ? `?${ctx.querystring}` : ''}`, {
    method: ctx.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
  ctx.status = response.status;
  for (const name of ['content-type', 'cache-control']) {
    const value = response.headers.get(name);
    if (value) ctx.set(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) ctx.set('set-cookie', cookies);
  ctx.body = response.body ? Readable.fromWeb(response.body as import('node:stream/web').ReadableStream) : '';
}

export function rapportServer() {
  let server: TestServer;
  let origin = '';
  const fixtures = new Map<string, Fixture>();
  const fixture = (slug: string): Fixture => {
    const found = fixtures.get(slug);
    if (!found) throw new Error(`no test community "${slug}"`);
    return found;
  };
  /**
   * Who performs an action: "staff", "agency", or a guest with that display name (the same guest
   * each time the name comes back in a community, so their activity adds up).
   */
  const actor = async (f: Fixture, as: string | undefined) => {
    if (as === 'staff') return { client: f.staff, token: undefined };
    if (as === 'agency') return { client: f.agency, token: undefined };
    const client = server.client();
    const name = as ?? 'Tess Tester';
    let token = f.guests.get(name);
    if (!token) {
      token = await guestToken(client, f.community.slug, name);
      f.guests.set(name, token);
    }
    return { client, token };
  };

  const commands: Record<string, (payload: Payload) => Promise<unknown>> = {
    /** A fresh community that allows the test page's origin; returns where to point the widget. */
    async 'rapport:community'() {
      const community = await createTestCommunity(server.em());
      const em = server.em();
      community.community.allowedOrigins = [origin];
      await em.upsert(community.community);
      const staff = server.client();
      const agency = server.client();
      await signInStaff(staff, community.slug, community.staff);
      await signInStaff(agency, community.slug, community.agency);
      const manager = server.client();
      await signInStaff(manager, community.slug, community.manager);
      fixtures.set(community.slug, { community, staff, agency, manager, guests: new Map() });
      await embeddable(server.endpoint, community.slug, origin);
      return { endpoint: server.endpoint, slug: community.slug, brand: community.community.name };
    },
    /** E-mail and password of a staff account (staff, manager, agency or owner) of a test community. */
    async 'rapport:staff-account'({ slug, role = 'staff' }) {
      const member = fixture(slug).community[role as 'staff' | 'manager' | 'agency' | 'owner'];
      return {
        email: member.email,
        password: STAFF_PASSWORD,
        name: member.name,
        id: globalId('StaffMember', member.id),
      };
    },
    async 'rapport:sso-token'({ slug, sub, name, expiresIn, locale, attributes }) {
      return ssoToken(fixture(slug).community, { sub, name, expiresIn, locale, attributes });
    },
    async 'rapport:post'({ slug, as, kind = 'IDEA', title, body, token: signedIn }) {
      // As a named guest, or as the customer a sign-in token (`token`) is for.
      const { client, token } = signedIn
        ? { client: server.client(), token: signedIn }
        : await actor(fixture(slug), as);
      const data = await client.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
        token,
        variables: { i: { kind, title, body } },
      });
      return data.postThread.id;
    },
    async 'rapport:reply'({ slug, threadId, as, body }) {
      const { client, token } = await actor(fixture(slug), as);
      const data = await client.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
        token,
        variables: { i: { threadId, body } },
      });
      return data.reply.id;
    },
    async 'rapport:status'({ slug, threadId, status, note }) {
      await fixture(slug).staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
        variables: { i: { threadId, status, note } },
      });
      return true;
    },
    /** A customer reports a thread (or one of its replies) to the moderators. */
    async 'rapport:report'({ slug, threadId, replyId, as = 'Rita Reporter', reason = 'This is spam.' }) {
      const { client, token } = await actor(fixture(slug), as);
      const data = await client.data('mutation ($i: ReportInput!) { reportContent(input: $i) { id } }', {
        token,
        variables: { i: { threadId, replyId, reason } },
      });
      return data.reportContent.id;
    },
    /** The brand's widget theme, as a manager sets it in the admin console. */
    async 'rapport:theme'({ slug, theme }) {
      const values = Object.entries(theme as Record<string, string>).map(([property, value]) => ({ property, value }));
      await fixture(slug).manager.data(
        'mutation ($t: [ThemeValueInput!]) { updateCommunity(input: { theme: $t }) { id } }',
        {
          variables: { t: values },
        },
      );
      return true;
    },
    /** A manager locks a thread: no more customer replies. */
    async 'rapport:lock'({ slug, threadId }) {
      await fixture(slug).manager.data('mutation ($id: ID!) { lockThread(threadId: $id) { id } }', {
        variables: { id: threadId },
      });
      return true;
    },
    /** The open reports of the moderation queue: what, and why. */
    async 'rapport:reports'({ slug }) {
      const data = await fixture(slug).manager.data(
        'query ($s: String!) { community(slug: $s) { reports(first: 50) { edges { node { reason thread { title } reply { body } } } } } }',
        { variables: { s: slug } },
      );
      return data.community.reports.edges.map((e: any) => ({
        reason: e.node.reason,
        thread: e.node.thread.title,
        reply: e.node.reply?.body ?? null,
      }));
    },
    /** Whether staff see the thread as hidden from customers. */
    async 'rapport:thread-hidden'({ slug, threadId }) {
      const data = await fixture(slug).staff.data(
        'query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { isHidden } } }',
        {
          variables: { s: slug, id: threadId },
        },
      );
      return data.community.thread.isHidden;
    },
    async 'rapport:vote'({ slug, threadId, voters = 1 }) {
      for (let i = 0; i < voters; i++) {
        const { client, token } = await actor(fixture(slug), `Voter ${i}`);
        await client.data('mutation ($id: ID!) { vote(threadId: $id) { id } }', { token, variables: { id: threadId } });
      }
      return true;
    },
  };

  /** A thread's votes as the holder of `token` sees them. */
  commands['rapport:thread-votes'] = async ({ slug, threadId, token }) => {
    const data = await server
      .client()
      .data('query ($c: String!, $id: ID!) { community(slug: $c) { thread(id: $id) { voteCount viewerHasVoted } } }', {
        token,
        variables: { c: slug, id: threadId },
      });
    return data.community.thread;
  };
  /** The guest token of the guest with this display name (the one `as` uses), for a widget to sign in with. */
  commands['rapport:guest-token'] = async ({ slug, name }) => (await actor(fixture(slug), name)).token;
  /** Staff mark a reply as helpful. */
  commands['rapport:helpful'] = async ({ slug, replyId }) => {
    await fixture(slug).staff.data('mutation ($id: ID!) { markReplyHelpful(replyId: $id) { id } }', {
      variables: { id: replyId },
    });
    return true;
  };
  /** The member of a community with this display name, as managers find them: id and standing. */
  const memberNamed = async (slug: string, name: string) => {
    const data = await fixture(slug).manager.data(
      'query ($s: String!, $q: String!) { community(slug: $s) { members(first: 5, search: $q) { edges { node { id displayName standing { reach score } } } } } }',
      { variables: { s: slug, q: name } },
    );
    const found = data.community.members.edges.map((e: any) => e.node).find((m: any) => m.displayName === name);
    if (!found) throw new Error(`no member "${name}" in ${slug}`);
    return found as { id: string; standing: { reach: number; score: number } | null };
  };
  /** A manager flags the member with this display name as an ambassador. */
  commands['rapport:flag'] = async ({ slug, name, reason = 'Helps others every week' }) => {
    const { id } = await memberNamed(slug, name);
    await fixture(slug).manager.data(
      'mutation ($id: ID!, $r: String!) { flagAmbassador(memberId: $id, reason: $r) { id } }',
      {
        variables: { id, r: reason },
      },
    );
    return true;
  };
  /** A member's standing in the ranking (null before anything they did counts). */
  commands['rapport:standing'] = async ({ slug, name }) => (await memberNamed(slug, name)).standing;

  /** Staff publish a "What's new" entry delivering these threads; returns its id. */
  commands['rapport:changelog'] = async ({ slug, title, body = '', threadIds = [], publish = true }) => {
    const staff = fixture(slug).staff;
    const made = await staff.data('mutation ($i: ChangelogEntryInput!) { createChangelogEntry(input: $i) { id } }', {
      variables: { i: { title, body, threadIds } },
    });
    const id = made.createChangelogEntry.id;
    if (publish)
      await staff.data('mutation ($id: ID!) { publishChangelogEntry(id: $id) { id } }', { variables: { id } });
    return id;
  };
  /**
   * Staff ask (and publish, unless `publish` is false) a question or poll; `segment`: to a segment
   * saved with these rules (else everyone). Returns the ask's id.
   */
  commands['rapport:ask'] = async ({ slug, input, segment, publish = true }) => {
    const staff = fixture(slug).manager;
    const segmentId = segment
      ? (
          await staff.data('mutation ($r: SegmentRulesInput!) { saveSegment(name: "Asked", rules: $r) { id } }', {
            variables: { r: segment },
          })
        ).saveSegment.id
      : null;
    const made = await staff.data('mutation ($i: AskInput!) { createAsk(input: $i) { id } }', {
      variables: { i: { closesAt: new Date(Date.now() + 86_400_000), ...input, segmentId } },
    });
    const id = made.createAsk.id;
    if (publish) await staff.data('mutation ($id: ID!) { publishAsk(id: $id) { id } }', { variables: { id } });
    return id;
  };
  /** Staff close an ask now. */
  commands['rapport:close-ask'] = async ({ slug, id }) => {
    await fixture(slug).manager.data('mutation ($id: ID!) { closeAsk(id: $id) { id } }', { variables: { id } });
    return true;
  };
  /** Staff merge a duplicate into the thread it duplicates. */
  commands['rapport:merge'] = async ({ slug, threadId, intoThreadId }) => {
    await fixture(slug).staff.data(
      'mutation ($a: ID!, $b: ID!) { mergeThread(threadId: $a, intoThreadId: $b) { id } }',
      {
        variables: { a: threadId, b: intoThreadId },
      },
    );
    return true;
  };
  /** A manager's roadmap and email settings (OutreachSettingsInput). */
  commands['rapport:outreach'] = async ({ slug, input }) => {
    await fixture(slug).manager.data(
      'mutation ($i: OutreachSettingsInput!) { updateOutreachSettings(input: $i) { id } }',
      {
        variables: { i: input },
      },
    );
    return true;
  };
  /** Lets `days` pass for a community's members: last seen, and everything they did, that long ago. */
  commands['rapport:go-quiet'] = async ({ slug, days }) => {
    const community = fixture(slug).community.community.id;
    const then = new Date(Date.now() - days * 86_400_000);
    const em = server.em().fork();
    const all = { filters: false } as const;
    await em.nativeUpdate(Member, { community }, { lastSeenAt: then }, all);
    await em.nativeUpdate(Activity, { community, actorMember: { $ne: null } }, { createdAt: then }, all);
    return true;
  };
  /** Whether the guest named `name` was recorded with where they joined from (hashed). */
  commands['rapport:guest-origin'] = async ({ slug, name }) => {
    const community = fixture(slug).community.community.id;
    const member = await server.em().fork().findOneOrFail(Member, { community, displayName: name }, { filters: false });
    return { address: member.joinedFromHash !== null, browser: member.browserHash !== null };
  };
  /** The guest named `as` asks for their account to be deleted. */
  commands['rapport:request-deletion'] = async ({ slug, as }) => {
    const { client, token } = await actor(fixture(slug), as);
    await client.data('mutation { requestAccountDeletion }', { token });
    return true;
  };
  /** The guest named `as` withdraws the thread they wrote. */
  commands['rapport:withdraw'] = async ({ slug, threadId, as }) => {
    const { client, token } = await actor(fixture(slug), as);
    await client.data('mutation ($id: ID!) { withdrawThread(threadId: $id) { id } }', {
      token,
      variables: { id: threadId },
    });
    return true;
  };
  /** A signed-in customer's token with an e-mail address (they get emails, and can vote). */
  /** A call from the brand's own server with a community API key (no browser, so no Origin). */
  commands['rapport:api-call'] = async ({ key }) => server.client().request('{ viewer { kind } }', { token: key });

  commands['rapport:customer-token'] = async ({ slug, sub, name }) =>
    ssoToken(fixture(slug).community, { sub, name, email: `${sub}@example.com` });

  /** Moderation that the API does not offer yet: hide a thread directly in the database. */
  commands['rapport:hide'] = async ({ threadId }) => {
    const id = Buffer.from(threadId, 'base64').toString().split(':')[1];
    const em = server.em();
    const thread = await em.findOneOrFail(Thread, { id }, { filters: { tenant: false } });
    thread.hiddenAt = new Date();
    await em.flush();
    return true;
  };

  return {
    name: 'rapport-server',
    async serverStart({ config }: { config: { hostname?: string; port?: number } }) {
      origin = `http://${config.hostname ?? 'localhost'}:${config.port}`;
      // One trusted proxy: a test makes the browser's requests come from another address with
      // X-Forwarded-For (a second person, for share visits).
      server = await startTestServer({ trustProxy: 1 });
    },
    async serverStop() {
      await server?.close();
    },
    /**
     * The admin console talks to /graphql on its own origin (its session cookie goes nowhere
     * else), so the test page's server passes /graphql through to Rapport. Goes in the config's
     * `middleware` (which runs before the dev server's own file serving).
     */
    graphqlProxy: (ctx: KoaContext, next: () => Promise<unknown>) =>
      ctx.path === '/graphql' ? proxy(ctx, server.endpoint) : next(),
    async executeCommand({ command, payload }: { command: string; payload?: unknown }) {
      const run = commands[command];
      return run ? run((payload ?? {}) as Payload) : undefined;
    },
  };
}
