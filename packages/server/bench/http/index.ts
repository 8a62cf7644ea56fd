/**
 * The server over real HTTP, as its own process (as `pnpm start` runs it), on generated data of a
 * large brand: the widget's main query against a trivial one, posting replies, live fan-out to many
 * subscribers on one and on two processes (Redis), memory, start-up time and the widget's cost.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { THREAD_LIST } from '../../../widget/src/graphql/documents.ts';
import { THREAD_VIEW } from '../../../widget/src/graphql/thread.ts';
import { bindEm } from '../../src/core/scope.ts';
import type { Dialect } from '../../src/db/em.ts';
import { migrate, openOrm } from '../../src/db/orm.ts';
import { createEventBus } from '../../src/live/event-bus.ts';
import { createCommunity } from '../../src/services/communities.ts';
import { seedDemo } from '../../src/services/demo.ts';
import { ssoToken } from '../../src/testing/fixtures.ts';
import { GraphQLClient } from '../../src/testing/graphql-client.ts';
import { type ServerProcess, startServerProcess } from '../../src/testing/process.ts';
import { benchDatabase } from '../database.ts';
import { type CpuSplit, cpuMs, cpuSplit } from './cpu.ts';
import { generateWidgetData, type WidgetSizes } from './data.ts';
import { type FanoutResult, fanout } from './fanout.ts';
import { type LoadResult, load, rssMb } from './load.ts';
import { type WidgetCost, widgetCost } from './widget.ts';

export interface HttpResult {
  dialect: Dialect;
  sizes: WidgetSizes;
  generateSeconds: number;
  readySeconds: number;
  trivial: LoadResult;
  /** graphql-yoga alone answering the trivial query (bench/http/bare-yoga.ts): the floor to compare with. */
  bareYoga: LoadResult;
  widgetList: LoadResult;
  /** The same list for a visitor who has not signed in (no viewer state, nothing deferred). */
  widgetListAnonymous: LoadResult;
  /** The list for customers signed in with the brand's SSO tokens: 50 members, each in turn. */
  widgetListSso: LoadResult;
  /** A thread's page (WidgetThread) of 60 replies, for a visitor not signed in and for SSO customers. */
  threadPageAnonymous: LoadResult;
  threadPage: LoadResult;
  postReply: LoadResult;
  postReplySso: LoadResult;
  /** CPU per reply posted, by guests and by customers signed in by SSO. */
  replyCpu: { guests: CpuSplit; sso: CpuSplit };
  /**
   * SQLite only: the same posting on a second process that syncs only at WAL checkpoints
   * (SQLITE_SYNCHRONOUS=normal), run right after: what syncing every commit costs.
   */
  postReplySyncNormal: LoadResult | null;
  fanoutOne: FanoutResult;
  /** The same on one process, every subscriber a customer signed in by SSO (each with their own token). */
  fanoutSignedIn: FanoutResult;
  fanoutTwo: FanoutResult;
  /** Ten times as many visitors not signed in on one process (issue #32: 10,000 at full scale). */
  fanoutMany: FanoutResult;
  /** Server RSS (MB) after each scenario. */
  rss: Record<string, number>;
  widget: WidgetCost;
  /** The same server started with the heap bounded as docs/operations.md advises (BOUNDED_HEAP_FLAGS). */
  bounded: BoundedResult;
}

/**
 * What docs/operations.md advises adding on a small machine, after the start script's own options: a lower
 * heap ceiling than the start script's, which makes V8 grow the heap by less still between
 * collections (Node takes the last --max-old-space-size given).
 */
export const BOUNDED_HEAP_FLAGS = ['--max-old-space-size=512'];

export interface BoundedResult {
  trivial: LoadResult;
  widgetList: LoadResult;
  fanoutOne: FanoutResult;
  /** Server RSS (MB) after each scenario. */
  rss: Record<string, number>;
}

export interface HttpOptions {
  seconds: number;
  connections: number;
  subscribers: number;
  rounds: number;
  redisUrl: string;
}

/** Posting a reply, as the benchmarks send it (the soak too). */
export const REPLY = 'mutation ($i: ReplyInput!) { reply(input: $i) { id } }';

/** How the benchmarks start the server: production, on the bench's data, unlimited from one address. */
export const benchServerEnv = (databaseUrl: string, redisUrl: string): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  SEED_DEMO: 'false',
  NODE_ENV: 'production',
  // Limits are per member and per address; the load comes from one address.
  RATE_LIMIT_MULTIPLIER: '1000000',
  BACKGROUND_JOBS: 'false',
});

/** Resolves once process `pid` used under 5 % of a core for two quarter-seconds running (30 s at most). */
async function atRest(pid: number): Promise<void> {
  const until = performance.now() + 30_000;
  for (let quiet = 0; quiet < 2 && performance.now() < until; ) {
    const before = cpuMs(pid);
    await new Promise((resolve) => setTimeout(resolve, 250));
    quiet = cpuMs(pid) - before < 250 * 0.05 ? quiet + 1 : 0;
  }
}

/** A server process on `env`, once it says it is ready, and how long that took. */
export async function readyAfter(env: Record<string, string>): Promise<{ server: ServerProcess; seconds: number }> {
  const started = performance.now();
  const server = await startServerProcess(env);
  for (;;) {
    const response = await fetch(`${server.url}/readyz`).catch(() => undefined);
    if (response?.ok) return { server, seconds: (performance.now() - started) / 1000 };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function benchHttp(
  dialect: Dialect,
  sizes: WidgetSizes,
  options: HttpOptions,
  log: (line: string) => void,
): Promise<HttpResult> {
  const database = await benchDatabase(dialect);
  const servers: ServerProcess[] = [];
  try {
    const orm = await openOrm({ databaseUrl: database.url, overrides: { subscribers: [] } });
    let threads: string[];
    let generateSeconds: number;
    let ssoKey: { ssoKeyId: string; ssoSecret: string };
    try {
      await migrate(orm);
      const events = createEventBus();
      await seedDemo(orm.em.fork(), events, 'published');
      await events.close();
      const { community, ...key } = await createCommunity(orm.em.fork(), { slug: 'bench', name: 'Bench', origins: [] });
      ssoKey = key;
      const t = performance.now();
      ({ threads } = await generateWidgetData(bindEm(orm.em.fork(), community.id), community.id, sizes, (what) =>
        log(`  ${dialect}: generated ${what}`),
      ));
      generateSeconds = (performance.now() - t) / 1000;
    } finally {
      await orm.close();
    }

    const env = benchServerEnv(database.url, options.redisUrl);
    const { server: a, seconds: readySeconds } = await readyAfter(env);
    servers.push(a);
    const pid = a.child.pid as number;
    const rss: Record<string, number> = { start: rssMb(pid) };
    log(`  ${dialect}: ready in ${readySeconds.toFixed(2)} s`);

    const guest = new GraphQLClient(`${a.url}/graphql`);
    const { startGuestSession } = await guest.data(
      'mutation { startGuestSession(community: "bench", displayName: "Bench visitor") { token } }',
    );
    const auth = { authorization: `Bearer ${startGuestSession.token}` };
    /** Load on one server process, noting its RSS after each scenario. */
    const runOn =
      (server: ServerProcess, rssAfter: Record<string, number>, label: string) =>
      (name: string, body: unknown, headers = {}) =>
        load({ url: server.url, connections: options.connections, seconds: options.seconds, body, headers }).then(
          (r) => {
            rssAfter[name] = rssMb(server.child.pid as number);
            log(
              `  ${label}: ${name} ${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.errors} errors`,
            );
            return r;
          },
        );
    const run = runOn(a, rss, dialect);

    const trivial = await run('trivial', { query: '{ __typename }' });
    // The floor: graphql-yoga alone on the same machine, in the same run.
    const bare = await startServerProcess({}, [], fileURLToPath(new URL('./bare-yoga.ts', import.meta.url)));
    let bareYoga: LoadResult;
    try {
      bareYoga = await runOn(bare, {}, `${dialect}, bare graphql-yoga`)('trivial', { query: '{ __typename }' });
    } finally {
      await bare.stop();
    }
    // The widget's first page, as it asks for it: the viewer's votes deferred when signed in.
    const list = (signedIn: boolean) => ({
      query: String(THREAD_LIST),
      variables: { community: 'bench', first: 20, orderBy: 'TOP', signedIn },
    });
    const accept = { accept: 'multipart/mixed, application/graphql-response+json, application/json' };
    const widgetList = await run('widgetList', list(true), { ...auth, ...accept });
    const widgetListAnonymous = await run('widgetListAnonymous', list(false), accept);
    // Customers signed in by the brand, as on a real site: each connection's requests carry its own
    // member's SSO token (signed with the community's key), each member created by a first request.
    const members: Record<string, string>[] = [];
    for (let i = 0; i < options.connections; i++) {
      const token = await ssoToken(ssoKey, {
        sub: `bench-member-${i}`,
        name: `Bench member ${i + 1}`,
        expiresIn: 3600,
      });
      members.push({ authorization: `Bearer ${token}`, ...accept });
      await guest.data('{ viewer { kind } }', { token });
    }
    // Each connection sends every member's request in turn, built once (bench/http/load.ts).
    const widgetListSso = await run(
      'widgetListSso',
      members.map((headers) => ({ body: list(true), headers })),
    );
    // A thread's page as the widget asks for it, on a thread of 60 replies (made here through the API).
    const { postThread } = await guest.data('mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
      token: startGuestSession.token,
      variables: { i: { kind: 'IDEA', title: 'A long conversation', body: 'Sixty replies follow.' } },
    });
    for (let i = 0; i < 60; i++) {
      await guest.data(REPLY, {
        token: startGuestSession.token,
        variables: { i: { threadId: postThread.id, body: `Reply ${i + 1} of sixty, with a few words in it.` } },
      });
    }
    const page = (signedIn: boolean) => ({
      query: String(THREAD_VIEW),
      variables: { community: 'bench', id: postThread.id, signedIn },
    });
    const threadPageAnonymous = await run('threadPageAnonymous', page(false), accept);
    const threadPage = await run(
      'threadPage',
      members.map((headers) => ({ body: page(true), headers })),
    );
    // Many visitors replying at once, each request as the next of them, as a community sees it
    // (not one visitor sending 50 at a time, whose requests contend for their own rows).
    const repliers: Record<string, string>[] = [];
    for (let i = 0; i < options.connections; i++) {
      const { startGuestSession: session } = await guest.data(
        'mutation ($n: String!) { startGuestSession(community: "bench", displayName: $n) { token } }',
        { variables: { n: `Bench replier ${i + 1}` } },
      );
      repliers.push({ authorization: `Bearer ${session.token}` });
    }
    let n = 0;
    const replies = () => ({
      body: {
        query: REPLY,
        variables: { i: { threadId: threadGlobalId(threads[n % 100] as string), body: `Bench reply ${n}.` } },
      },
      headers: repliers[n++ % repliers.length],
    });
    // Where each reply's CPU goes: the server, the database, the bench sending them.
    const requests = (r: LoadResult) => r.requests;
    const { result: postReply, cpu: guestCpu } = await cpuSplit(pid, () => run('postReply', replies), requests);
    // The same, by the customers signed in by SSO above: each reply also checks its author's token.
    let m = 0;
    const { result: postReplySso, cpu: ssoCpu } = await cpuSplit(
      pid,
      () => run('postReplySso', () => ({ body: replies().body, headers: members[m++ % members.length] })),
      requests,
    );
    let postReplySyncNormal: LoadResult | null = null;
    if (dialect === 'sqlite') {
      const normal = await startServerProcess({ ...env, SQLITE_SYNCHRONOUS: 'normal' });
      try {
        postReplySyncNormal = await runOn(normal, {}, `${dialect}, synchronous=normal`)('postReply', replies);
      } finally {
        await normal.stop();
      }
    }

    const watched = threadGlobalId(threads[0] as string);
    const postVia = (client: GraphQLClient) => async (body: string) => {
      await client.data(REPLY, { token: startGuestSession.token, variables: { i: { threadId: watched, body } } });
    };
    const post = postVia(guest);
    const common = { community: 'bench', threadId: watched, subscribers: options.subscribers, rounds: options.rounds };
    const fanoutOne = await fanout({ ...common, urls: [a.url], post, pid });
    rss.fanoutOne = rssMb(pid);
    log(
      `  ${dialect}: fan-out to ${options.subscribers} on one process: p50 ${fanoutOne.p50Ms.toFixed(0)} ms, p99 ${fanoutOne.p99Ms.toFixed(0)} ms, ${fanoutOne.cpuMsPerReply?.toFixed(0)} ms CPU a reply`,
    );
    // The same thread watched by customers signed in by the brand, each with their own SSO token.
    const watchers: string[] = [];
    for (let i = 0; i < options.subscribers; i++) {
      watchers.push(await ssoToken(ssoKey, { sub: `bench-watcher-${i}`, name: `Watcher ${i + 1}`, expiresIn: 3600 }));
    }
    const fanoutSignedIn = await fanout({ ...common, urls: [a.url], post, pid, tokens: watchers });
    rss.fanoutSignedIn = rssMb(pid);
    log(
      `  ${dialect}: fan-out to ${options.subscribers} signed in, one process: p50 ${fanoutSignedIn.p50Ms.toFixed(0)} ms, p99 ${fanoutSignedIn.p99Ms.toFixed(0)} ms, ${fanoutSignedIn.cpuMsPerReply?.toFixed(0)} ms CPU a reply`,
    );
    const b = await startServerProcess(env);
    servers.push(b);
    const fanoutTwo = await fanout({ ...common, urls: [a.url, b.url], post });
    rss.fanoutTwo = rssMb(pid);
    log(
      `  ${dialect}: fan-out over two processes: p50 ${fanoutTwo.p50Ms.toFixed(0)} ms, p99 ${fanoutTwo.p99Ms.toFixed(0)} ms`,
    );

    const fanoutMany = await fanout({
      ...common,
      subscribers: options.subscribers * 10,
      rounds: 5,
      urls: [a.url],
      post,
      pid,
    });
    rss.fanoutMany = rssMb(pid);
    log(
      `  ${dialect}: fan-out to ${options.subscribers * 10} on one process: p50 ${fanoutMany.p50Ms.toFixed(0)} ms, p99 ${fanoutMany.p99Ms.toFixed(0)} ms, ${fanoutMany.missed} missed, ${fanoutMany.cpuMsPerReply?.toFixed(0)} ms CPU a reply, RSS ${rss.fanoutMany} MB`,
    );

    // A page opened on a server at rest, not one still letting 10,000 streams go.
    await atRest(pid);
    const widget = await widgetCost(a.url, 'Offer a lighter version of the Ridge 2 tent');
    log(
      `  ${dialect}: first thread drawn at ${widget.firstRenderMs.toFixed(0)} ms (${widget.firstRenderHarnessMs.toFixed(0)} ms as Playwright sees it)`,
    );

    // The same scenarios on a fresh process whose heap is bounded: its memory against its speed.
    for (const server of servers.splice(0)) await server.stop();
    const c = await startServerProcess(env, BOUNDED_HEAP_FLAGS);
    servers.push(c);
    const boundedRss: Record<string, number> = { start: rssMb(c.child.pid as number) };
    const onC = runOn(c, boundedRss, `${dialect}, bounded heap`);
    const bounded: BoundedResult = {
      trivial: await onC('trivial', { query: '{ __typename }' }),
      widgetList: await onC('widgetList', list(true), { ...auth, ...accept }),
      fanoutOne: await fanout({ ...common, urls: [c.url], post: postVia(new GraphQLClient(`${c.url}/graphql`)) }),
      rss: boundedRss,
    };
    boundedRss.fanoutOne = rssMb(c.child.pid as number);
    log(
      `  ${dialect}, bounded heap: fan-out p99 ${bounded.fanoutOne.p99Ms.toFixed(0)} ms, RSS ${JSON.stringify(boundedRss)}`,
    );
    return {
      dialect,
      sizes,
      generateSeconds,
      readySeconds,
      trivial,
      bareYoga,
      widgetList,
      widgetListAnonymous,
      widgetListSso,
      threadPageAnonymous,
      threadPage,
      postReply,
      postReplySso,
      replyCpu: { guests: guestCpu, sso: ssoCpu },
      postReplySyncNormal,
      fanoutOne,
      fanoutSignedIn,
      fanoutTwo,
      fanoutMany,
      rss,
      widget,
      bounded,
    };
  } finally {
    for (const server of servers) await server.stop();
    await database.drop();
  }
}

/** The API's id of a thread (as the widget has it). */
const threadGlobalId = (id: string) => encodeGlobalID('Thread', id);
