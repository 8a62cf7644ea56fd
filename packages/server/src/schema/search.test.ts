/**
 * Full-text search over the database's own engine (FTS5 / tsvector): titles, texts and replies,
 * staff answers included, ranked by relevance; excerpts as text parts; and an index kept exact by
 * every write, so hidden, deleted, withdrawn and erased text is never found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindEm } from '../core/scope.ts';
import { newId } from '../entities/id.ts';
import { Reply, Thread } from '../entities/index.ts';
import { eraseMember } from '../services/erasure.ts';
import { CANDIDATES, COMMON_IN } from '../services/search/engine.ts';
import {
  createTestCommunity,
  postThread,
  rawId,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

/**
 * PostgreSQL only (SQLite has no trigrams, and stems every language alike): registered there and
 * not elsewhere, since CI counts a skipped test as a failure.
 */
const onPostgres: typeof it = (process.env.DATABASE_URL?.startsWith('postgres') ? it : () => {}) as typeof it;

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;
let api: GraphQLClient;
let staff: GraphQLClient;
let ada: string;
let bo: string;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
  api = server.client();
  staff = server.client();
  await signInStaff(staff, brand.slug, brand.manager);
  ada = await ssoToken(brand, { sub: 'ada', name: 'Ada' });
  bo = await ssoToken(brand, { sub: 'bo', name: 'Bo' });
});
afterAll(() => server?.close());

const SEARCH = `query ($c: String!, $q: String!, $first: Int, $after: String, $asTyped: Boolean) {
  community(slug: $c) { search(query: $q, first: $first, after: $after, asTyped: $asTyped) {
    edges { cursor node { matchedIn thread { id title } excerpt { text match } } }
    pageInfo { hasNextPage endCursor }
  } }
}`;

interface Hit {
  matchedIn: string;
  thread: { id: string; title: string };
  excerpt: { text: string; match: boolean }[];
}

async function search(q: string, slug = brand.slug, asTyped = false): Promise<Hit[]> {
  const data = await api.data(SEARCH, { variables: { c: slug, q, asTyped } });
  return data.community.search.edges.map((e: { node: Hit }) => e.node);
}
const titles = async (q: string) => (await search(q)).map((h) => h.thread.title);

async function reply(token: string | undefined, threadId: string, body: string, client = api): Promise<string> {
  const data = await client.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token,
    variables: { i: { threadId, body } },
  });
  return data.reply.id;
}

describe('what it finds', () => {
  let boots: string;
  beforeAll(async () => {
    boots = await postThread(api, ada, {
      title: 'Boots leak after 3 months',
      body: 'The seam at the heel lets water in.',
    });
    await postThread(api, bo, { title: 'Laces fray quickly', body: 'My boots are fine but the laces wear out.' });
    await postThread(api, bo, { title: 'Gift cards', body: 'Please sell gift cards for the shop.' });
  });

  it('finds other forms of the words, the best match first', async () => {
    expect(await titles('leaking boots')).toEqual(['Boots leak after 3 months']);
    // Both mention boots; the one with it in the title ranks first.
    expect(await titles('boots')).toEqual(['Boots leak after 3 months', 'Laces fray quickly']);
    // The last word as typed so far, when the box searches while typing; whole words otherwise.
    expect((await search('gift car', brand.slug, true)).map((h) => h.thread.title)).toEqual(['Gift cards']);
    expect(await titles('gift car')).toEqual([]);
    expect(await titles('umbrella')).toEqual([]);
  });

  it('finds the forms PostgreSQL’s Snowball stems find, on SQLite too, and marks them as written', async () => {
    const spending = await postThread(api, ada, {
      title: 'Spending breakdown',
      body: 'Café déjà-vu: 2kg naïve, don’t hide my Monthly notifications.',
    });
    // Porter's 1980 stemmer, FTS5's own, held "monthly" as "monthli", which "month" never found.
    expect((await search('month')).map((h) => h.thread.title)).toContain('Spending breakdown');
    const [hit] = await search('months notification');
    expect(hit?.thread.id).toBe(spending);
    expect(hit?.excerpt.filter((p) => p.match).map((p) => p.text)).toEqual(['Monthly', 'notifications']);
    expect(hit?.excerpt.map((p) => p.text).join('')).toContain('Café déjà-vu: 2kg naïve, don’t hide my Monthly');
    // Accents fold before stemming, as unaccent does on PostgreSQL.
    expect((await search('naive spending')).map((h) => h.thread.id)).toEqual([spending]);
    // While typed: a beginning as typed, or a stem's own change ("happy" is held as "happi").
    expect((await search('spending mont', brand.slug, true)).map((h) => h.thread.id)).toEqual([spending]);
    const happy = await postThread(api, bo, { title: 'Happy with the refill', body: '' });
    expect((await search('refill happy', brand.slug, true)).map((h) => h.thread.id)).toEqual([happy]);
  });

  it('searches replies, a customer’s and a staff member’s, and marks the words found, as text', async () => {
    await reply(bo, boots, 'Same here: <b>mine</b> soaked through in the rain.');
    await reply(undefined, boots, 'Our workshop can reseal the heel for free.', staff);
    const [soaked] = await search('soaked rain');
    expect(soaked?.thread.id).toBe(boots);
    expect(soaked?.matchedIn).toBe('REPLY');
    expect(soaked?.excerpt.map((p) => p.text).join('')).toContain('<b>mine</b>');
    expect(soaked?.excerpt.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(['soaked', 'rain']);
    // What looks like markup is words like any others (PostgreSQL's parser would skip a "tag").
    expect((await search('mine soaked')).map((h) => h.thread.id)).toEqual([boots]);
    const tagged = await postThread(api, bo, { title: 'Payload <script>okapi()</script>', body: '' });
    expect((await search('script okapi')).map((h) => h.thread.id)).toEqual([tagged]);
    const [reseal] = await search('workshop reseal');
    expect(reseal).toMatchObject({ matchedIn: 'REPLY', thread: { id: boots } });
    const [own] = await search('seam heel');
    expect(own?.matchedIn).toBe('THREAD');
    expect(own?.excerpt.some((p) => p.match && /seam/i.test(p.text))).toBe(true);
  });

  it('finds nothing of another community, and the list’s search uses the same index', async () => {
    expect(await search('boots', other.slug)).toEqual([]);
    const data = await api.data(
      'query ($c: String!) { community(slug: $c) { threads(search: "leaking boot") { edges { node { title } } } } }',
      { variables: { c: brand.slug } },
    );
    expect(data.community.threads.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      'Boots leak after 3 months',
    ]);
  });

  it('asks a search in English words as people write it, without requiring its little words', async () => {
    const winter = await postThread(api, ada, { title: 'Winter gloves', body: 'Need warmer ones.' });
    // "for" and "the" are in neither text: PostgreSQL's english configuration never asked for them.
    expect((await search('gloves for the winter')).map((h) => h.thread.id)).toEqual([winter]);
    expect((await search('gloves for the win', brand.slug, true)).map((h) => h.thread.id)).toEqual([winter]);
    // Only the little words: a number or a short word is still asked for.
    const nine = await postThread(api, bo, { title: 'Size 9 gloves pinch', body: '' });
    await postThread(api, bo, { title: 'Size 10 gloves', body: '' });
    expect((await search('gloves in size 9')).map((h) => h.thread.id)).toEqual([nine]);
    // Little words alone find nothing, on SQLite as on PostgreSQL (whose index never holds them),
    // in the search and in the list's search box alike.
    expect(await search('for the')).toEqual([]);
    expect(await search('the', brand.slug, true)).toEqual([]);
    const listed = await api.data(
      'query ($c: String!) { community(slug: $c) { threads(search: "the") { edges { node { id } } } } }',
      { variables: { c: brand.slug } },
    );
    expect(listed.community.threads.edges).toEqual([]);
  });

  it('marks where an excerpt cuts its text short, and only there, on either database', async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const long = await postThread(api, ada, {
      title: 'Long story',
      body: `${filler(40)} the zorbulator landed ${filler(40)}.`,
    });
    const short = await postThread(api, bo, { title: 'Short note', body: 'A flimwhistle smiled at me.' });
    const text = (hit: Hit | undefined) => hit?.excerpt.map((p) => p.text).join('');
    const [cut] = await search('zorbulator');
    expect(cut?.thread.id).toBe(long);
    expect(text(cut)).toMatch(/^….*zorbulator.*…$/);
    const [whole] = await search('flimwhistle');
    expect(whole?.thread.id).toBe(short);
    expect(text(whole)).not.toContain('…');
    expect(text(whole)).toContain('A flimwhistle smiled at me');
  });

  it('keeps to the statuses and kinds asked for, as the list’s filters do', async () => {
    const idea = await postThread(api, ada, { title: 'Thermos lid leaks', body: 'The thermos lid drips.' });
    const question = await postThread(api, bo, { kind: 'QUESTION', title: 'Is the thermos dishwasher safe?' });
    const planned = await postThread(api, bo, { title: 'A bigger thermos', body: 'Thermos of two litres.' });
    await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
      variables: { i: { threadId: planned, status: 'PLANNED', note: 'Planned' } },
    });
    const found = async (filters: { status?: string[]; kind?: string[] }) => {
      const data = await api.data(
        `query ($c: String!, $status: [ThreadStatus!], $kind: [ThreadKind!]) { community(slug: $c) {
          search(query: "thermos", status: $status, kind: $kind) { edges { node { thread { id } } } } } }`,
        { variables: { c: brand.slug, ...filters } },
      );
      return data.community.search.edges.map((e: { node: { thread: { id: string } } }) => e.node.thread.id);
    };
    expect(new Set(await found({}))).toEqual(new Set([idea, question, planned]));
    expect(await found({ kind: ['QUESTION'] })).toEqual([question]);
    expect(await found({ status: ['PLANNED'] })).toEqual([planned]);
    expect(new Set(await found({ status: ['OPEN'], kind: ['IDEA'] }))).toEqual(new Set([idea]));
    expect(await found({ status: ['SHIPPED'] })).toEqual([]);
  });

  it('takes any text as words, never as the engine’s syntax, and pages through the results', async () => {
    for (const q of [
      '"boots',
      'boots OR NOT laces',
      'boots* NEAR(x)',
      "boots' & !laces | :*",
      '%_\\',
      'x'.repeat(100),
    ]) {
      await search(q);
    }
    const first = await api.data(SEARCH, { variables: { c: brand.slug, q: 'boots', first: 1 } });
    expect(first.community.search.pageInfo.hasNextPage).toBe(true);
    const next = await api.data(SEARCH, {
      variables: { c: brand.slug, q: 'boots', first: 1, after: first.community.search.pageInfo.endCursor },
    });
    expect(next.community.search.edges[0].node.thread.title).toBe('Laces fray quickly');
    const bad = await api.error(SEARCH, { variables: { c: brand.slug, q: 'boots', after: 'nope' } });
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('suggests threads that may be the same as one being written', async () => {
    const data = await api.data(
      'query ($c: String!, $t: String!, $b: String) { community(slug: $c) { similarThreads(title: $t, body: $b) { title status voteCount } } }',
      { variables: { c: brand.slug, t: 'My boots are leaking', b: 'water comes in at the heel' } },
    );
    expect(data.community.similarThreads[0]).toEqual({
      title: 'Boots leak after 3 months',
      status: 'OPEN',
      voteCount: 0,
    });
    const without = await api.data(
      'query ($c: String!, $t: String!, $x: ID) { community(slug: $c) { similarThreads(title: $t, excludeId: $x) { id } } }',
      { variables: { c: brand.slug, t: 'Boots leak', x: boots } },
    );
    expect(without.community.similarThreads.map((t: { id: string }) => t.id)).not.toContain(boots);
  });

  onPostgres('forgives typos in a title on PostgreSQL (pg_trgm)', async () => {
    const data = await api.data(
      'query ($c: String!, $t: String!) { community(slug: $c) { similarThreads(title: $t) { title } } }',
      { variables: { c: brand.slug, t: 'Bots leek aftr 3 mounths' } },
    );
    expect(data.community.similarThreads[0]?.title).toBe('Boots leak after 3 months');
  });
  it('puts the thread sharing the post’s rarest word first, above ones sharing common words often', async () => {
    const shop = await createTestCommunity(server.em());
    const at = new Date();
    const thread = (title: string, body: string) => ({
      id: newId(),
      community: shop.community.id,
      kind: 'IDEA' as const,
      title,
      body,
      status: 'OPEN' as const,
      trendingScore: 0,
      lastActivityAt: at,
      createdAt: at,
      updatedAt: at,
    });
    const offline = thread('Offline reading', 'Read saved articles without a connection.');
    await server
      .em()
      .insertMany(Thread, [
        ...Array.from({ length: 40 }, (_, i) =>
          thread(`Mobile app widget ${i}`, 'The mobile app needs a mobile app widget.'),
        ),
        offline,
      ]);
    const data = await api.data(
      'query ($c: String!, $t: String!) { community(slug: $c) { similarThreads(title: $t) { id } } }',
      { variables: { c: shop.slug, t: 'Offline mode for the mobile app' } },
    );
    expect(rawId(data.community.similarThreads[0]?.id)).toBe(offline.id);
  });

  it('gives words too common to tell threads apart no weight, on SQLite as on PostgreSQL', async () => {
    const roastery = await createTestCommunity(server.em());
    const cy = await ssoToken(roastery, { sub: 'cy', name: 'Cy' });
    const grind = await postThread(api, cy, { title: 'Coarse grind for beans', body: 'For cold brew.' });
    await postThread(api, cy, { title: 'You should only ship very fresh beans', body: 'Every week.' });
    const data = await api.data(
      'query ($c: String!, $t: String!) { community(slug: $c) { similarThreads(title: $t) { id } } }',
      { variables: { c: roastery.slug, t: 'Why should I only get very coarse beans?' } },
    );
    expect(data.community.similarThreads[0]?.id).toBe(grind);
  });
});

describe('an index kept exact by every write', () => {
  it('finds a post at once, and an edit by its new words only', async () => {
    const id = await postThread(api, ada, { title: 'Quokka colour please', body: 'In teal.' });
    expect(await titles('quokka')).toEqual(['Quokka colour please']);
    await api.data('mutation ($i: EditThreadInput!) { editThread(input: $i) { id } }', {
      token: ada,
      variables: { i: { threadId: id, title: 'Wombat colour please', body: 'In ochre.' } },
    });
    expect(await titles('quokka')).toEqual([]);
    expect(await titles('teal')).toEqual([]);
    expect(await titles('wombat ochre')).toEqual(['Wombat colour please']);
  });

  it('never finds a deleted or withdrawn thread; a withdrawn one’s replies still lead to it', async () => {
    const gone = await postThread(api, ada, { title: 'Platypus mode', body: '' });
    await api.data('mutation ($t: ID!) { deleteThread(threadId: $t) }', { token: ada, variables: { t: gone } });
    expect(await titles('platypus')).toEqual([]);
    const withdrawn = await postThread(api, ada, { title: 'Echidna strap', body: 'A longer strap.' });
    await reply(bo, withdrawn, 'An echidna buckle would be nice too.');
    await api.data('mutation ($t: ID!) { withdrawThread(threadId: $t) { id } }', {
      token: ada,
      variables: { t: withdrawn },
    });
    const hits = await search('echidna');
    expect(hits.map((h) => [h.thread.id, h.matchedIn])).toEqual([[withdrawn, 'REPLY']]);
    expect(await search('strap')).toEqual([]);
  });

  it('drops hidden text until it is restored, for everyone; and a deleted or hidden reply', async () => {
    const id = await postThread(api, ada, { title: 'Narwhal print', body: '' });
    const answer = await reply(bo, id, 'A dugong print as well.');
    await staff.data('mutation ($t: ID!) { hideThread(threadId: $t, reason: "Spam test") { id } }', {
      variables: { t: id },
    });
    expect(await titles('narwhal')).toEqual([]);
    expect(await titles('dugong')).toEqual([]);
    expect((await staff.data(SEARCH, { variables: { c: brand.slug, q: 'narwhal' } })).community.search.edges).toEqual(
      [],
    );
    await staff.data('mutation ($t: ID!) { restoreThread(threadId: $t) { id } }', { variables: { t: id } });
    expect(await titles('narwhal dugong')).toEqual([]); // both words, but in different texts
    expect(await titles('dugong')).toEqual(['Narwhal print']);
    await staff.data('mutation ($r: ID!) { hideReply(replyId: $r, reason: "Off topic") { id } }', {
      variables: { r: answer },
    });
    expect(await titles('dugong')).toEqual([]);
    await staff.data('mutation ($r: ID!) { restoreReply(replyId: $r) { id } }', { variables: { r: answer } });
    expect(await titles('dugong')).toEqual(['Narwhal print']);
    await api.data('mutation ($r: ID!) { deleteReply(replyId: $r) }', { token: bo, variables: { r: answer } });
    expect(await titles('dugong')).toEqual([]);
  });

  it('leads a merged thread’s words to the thread it was merged into', async () => {
    const source = await postThread(api, bo, { title: 'Axolotl theme', body: 'Pink everywhere.' });
    const target = await postThread(api, ada, { title: 'More colour themes', body: '' });
    await staff.data('mutation ($s: ID!, $t: ID!) { mergeThread(threadId: $s, intoThreadId: $t) { id } }', {
      variables: { s: source, t: target },
    });
    expect((await search('axolotl')).map((h) => h.thread.id)).toEqual([target]);
    // Filtered by the status of the thread the words lead to, not the merged one's own (open).
    await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
      variables: { i: { threadId: target, status: 'PLANNED', note: 'Planned' } },
    });
    const filtered = await api.data(
      `query ($c: String!) { community(slug: $c) {
        planned: search(query: "axolotl", status: [PLANNED]) { edges { node { thread { id } } } }
        open: search(query: "axolotl", status: [OPEN]) { edges { node { thread { id } } } }
      } }`,
      { variables: { c: brand.slug } },
    );
    expect(filtered.community.planned.edges.map((e: { node: { thread: { id: string } } }) => e.node.thread.id)).toEqual(
      [target],
    );
    expect(filtered.community.open.edges).toEqual([]);
  });

  it('follows a chain of merges to the thread it ends in', async () => {
    const first = await postThread(api, bo, { title: 'Pangolin pattern', body: '' });
    const second = await postThread(api, ada, { title: 'Animal patterns', body: '' });
    const last = await postThread(api, ada, { title: 'More patterns', body: '' });
    const merge = (s: string, t: string) =>
      staff.data('mutation ($s: ID!, $t: ID!) { mergeThread(threadId: $s, intoThreadId: $t) { id } }', {
        variables: { s, t },
      });
    await merge(first, second);
    await merge(second, last);
    expect((await search('pangolin')).map((h) => h.thread.id)).toEqual([last]);
  });

  onPostgres(
    'reads the texts again in the community’s new language when it changes (PostgreSQL stems by language)',
    async () => {
      const german = await createTestCommunity(server.em());
      const manager = server.client();
      await signInStaff(manager, german.slug, german.manager);
      const token = await ssoToken(german, { sub: 'wanda', name: 'Wanda' });
      await postThread(api, token, { title: 'Geführte Wanderungen anbieten', body: '' });
      const find = async (q: string) =>
        (await api.data(SEARCH, { variables: { c: german.slug, q } })).community.search.edges.length;
      // Not the last word, which counts as a prefix: English stemming keeps "wanderungen" whole.
      expect(await find('Wanderung geführt')).toBe(0);
      await manager.data('mutation { updateCommunity(input: { defaultLocale: "de" }) { id } }');
      expect(await find('Wanderung geführt')).toBe(1); // German: both are "wander"
    },
  );

  it('removes an erased member’s text where the community removes it', async () => {
    await staff.data('mutation { updatePrivacySettings(erasedContent: REMOVE) { erasedContent } }');
    const leaving = await ssoToken(brand, { sub: 'leaving', name: 'Leaving' });
    const id = await postThread(api, leaving, { title: 'Capybara bag', body: '' });
    const other_ = await postThread(api, ada, { title: 'Bags in general', body: '' });
    await reply(leaving, other_, 'A capybara pocket.');
    expect((await search('capybara')).map((h) => h.thread.id).sort()).toEqual([id, other_].sort());
    const { member } = (await api.data('{ viewer { member { id } } }', { token: leaving })).viewer;
    await bindEm(server.em(), brand.community.id).transactional((tx) =>
      eraseMember(tx, brand.community.id, rawId(member.id), 'Asked by the test'),
    );
    expect(await search('capybara')).toEqual([]);
  });
});

describe('a word in more texts than are ranked', () => {
  /** Replies by the thread's author, written straight to the database (the triggers index them). */
  async function flood(threadId: string, communityId: string, count: number, body: string) {
    const em = server.em();
    const [thread] = await em
      .getConnection()
      .execute<{ author_member_id: string }[]>('select author_member_id from thread where id = ?', [threadId]);
    const at = new Date();
    await em.insertMany(
      Reply,
      Array.from({ length: count }, () => ({
        id: newId(),
        community: communityId,
        thread: threadId,
        authorMember: thread?.author_member_id,
        body,
        createdAt: at,
        updatedAt: at,
      })),
    );
  }

  /** Open ideas by one of the brand's members, written straight to the database (the triggers index them). */
  async function openIdeas(count: number, title: (i: number) => string, body: string) {
    const [author] = await server
      .em()
      .getConnection()
      .execute<{ id: string }[]>('select id from member where community_id = ? limit 1', [brand.community.id]);
    const at = new Date();
    await server.em().insertMany(
      Thread,
      Array.from({ length: count }, (_, i) => ({
        id: newId(),
        community: brand.community.id,
        kind: 'IDEA',
        title: title(i),
        body,
        status: 'OPEN',
        authorMember: author?.id,
        trendingScore: 0,
        lastActivityAt: at,
        createdAt: at,
        updatedAt: at,
      })),
    );
  }

  it('still finds a community’s older texts past newer ones of another community and replies', async () => {
    const gaiters = await postThread(api, ada, { title: 'Gaiters for muddy trail runs', body: 'Keep grit out.' });
    const otherToken = await ssoToken(other, { sub: 'cy', name: 'Cy' });
    const elsewhere = await postThread(api, otherToken, { title: 'Muddy shoes', body: 'Elsewhere.' });
    const here = await postThread(api, bo, { title: 'Car park', body: 'Parking at the start.' });
    // Newer texts holding the word than one page of candidates: replies here, then another community's.
    await flood(rawId(here), brand.community.id, CANDIDATES + 200, 'Muddy car park today.');
    await flood(rawId(elsewhere), other.community.id, CANDIDATES + 200, 'Muddy again, and muddy still.');

    expect(await titles('muddy')).toEqual(expect.arrayContaining(['Car park', 'Gaiters for muddy trail runs']));
    const data = await api.data(
      'query ($c: String!, $t: String!) { community(slug: $c) { similarThreads(title: $t) { id } } }',
      { variables: { c: brand.slug, t: 'Muddy gaiters' } },
    );
    expect(data.community.similarThreads.map((t: { id: string }) => t.id)).toContain(gaiters);
  });

  it('finds a thread of the status asked for past more texts of other statuses than are ranked', async () => {
    // More texts than are ranked on either side of it: SQLite reads the newest first, PostgreSQL
    // the first it finds.
    const kettles = (from: number) => openIdeas(CANDIDATES + 50, (i) => `Kettle model ${from + i}`, 'A kettle.');
    await kettles(0);
    const planned = await postThread(api, ada, { title: 'Kettle descaler', body: 'Scale builds up.' });
    await staff.data('mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
      variables: { i: { threadId: planned, status: 'PLANNED', note: 'Planned' } },
    });
    await kettles(CANDIDATES + 50);
    const data = await api.data(
      `query ($c: String!) { community(slug: $c) {
        search(query: "kettle", status: [PLANNED]) { edges { node { thread { id } } } }
        threads(first: 5, search: "kettle", status: [PLANNED]) { edges { node { id } } }
      } }`,
      { variables: { c: brand.slug } },
    );
    expect(data.community.search.edges.map((e: { node: { thread: { id: string } } }) => e.node.thread.id)).toEqual([
      planned,
    ]);
    expect(data.community.threads.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([planned]);
  });

  it('leaves a word of many threads out of similar threads, unless every word is one', async () => {
    await openIdeas(COMMON_IN, (i) => `Gadget number ${i}`, 'A gadget.');
    const hinge = await postThread(api, ada, { title: 'Hinge squeaks', body: 'The gadget hinge squeaks.' });
    const similar = async (title: string) =>
      (
        await api.data(
          'query ($c: String!, $t: String!) { community(slug: $c) { similarThreads(title: $t) { id title } } }',
          {
            variables: { c: brand.slug, t: title },
          },
        )
      ).community.similarThreads as { id: string; title: string }[];
    expect(await similar('Gadget hinge broken')).toEqual([{ id: hinge, title: 'Hinge squeaks' }]);
    expect(await similar('Gadget')).toHaveLength(5);
  });

  it('finds every word of a search where some are in many texts', async () => {
    // The threads above: "gadget" is in COMMON_IN texts and more, "hinge" and "squeaks" in few.
    await postThread(api, bo, { title: 'Door hinge', body: 'The door hinge squeaks at night.' });
    expect(await titles('gadget hinge')).toEqual(['Hinge squeaks']);
    expect(await titles('squeaks hinge')).toEqual(expect.arrayContaining(['Hinge squeaks', 'Door hinge']));
    expect(await titles('gadget squeaks door')).toEqual([]);
    // Every word that common: the newest texts holding them all.
    const common = await titles('gadget number');
    expect(common.length).toBeGreaterThan(0);
    expect(common.every((title) => title.startsWith('Gadget number'))).toBe(true);
  });
});
