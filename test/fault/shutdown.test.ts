/**
 * SIGTERM under load: the server process, busy with hundreds of replies at once, is told to stop.
 * From that moment /readyz says it is stopping; every request it accepted gets a whole answer (its
 * reply, or SERVICE_UNAVAILABLE with Retry-After when the database could not take it in time),
 * never an INTERNAL_SERVER_ERROR or a cut connection; what was answered as written is on disk, and
 * nothing it refused is. Requests sent once it no longer accepts connections are refused before
 * they reach it. Runs on SQLite and, in CI's second run, on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@rapport/server/testing/database.ts';
import { ssoToken } from '@rapport/server/testing/fixtures.ts';
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { startServerProcess } from '@rapport/server/testing/process.ts';
import { withDatabase } from '@rapport/server/testing/sql.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rapport } from '../e2e/rapport-cli.ts';

const REQUESTS = 400;
const MEMBERS = 40;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

type Outcome = 'written' | 'unavailable' | 'refused' | 'other';

it('answers or refuses every request cleanly when stopped under load, and loses no acknowledged write', async () => {
  const server = await startServerProcess({
    DATABASE_URL: database.url,
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    BACKGROUND_JOBS: 'false',
    RATE_LIMIT_MULTIPLIER: '100000',
  });
  const community = await rapport(database.url, 'community', 'create', '--slug', 'stopping', '--name', 'Stopping');
  const tokens = await Promise.all(
    Array.from({ length: MEMBERS }, (_, i) =>
      ssoToken(community, { sub: `c${i}`, name: `Customer ${i}`, expiresIn: 3600 }),
    ),
  );
  const client = new GraphQLClient(`${server.url}/graphql`);
  const { postThread } = await client.data(
    'mutation { postThread(input: { kind: IDEA, title: "A busy thread" }) { id } }',
    {
      token: tokens[0],
    },
  );

  const outcomes = new Map<string, { outcome: Outcome; detail: string }>();
  const send = async (i: number) => {
    const body = `Reply ${i} ${randomUUID()}`;
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % MEMBERS]}` },
        body: JSON.stringify({
          query: 'mutation ($i: ReplyInput!) { reply(input: $i) { id } }',
          variables: { i: { threadId: postThread.id, body } },
        }),
      });
      const answer = await response.json();
      const code = answer.errors?.[0]?.extensions?.code;
      if (answer.data?.reply?.id) outcomes.set(body, { outcome: 'written', detail: '' });
      else if (code === 'SERVICE_UNAVAILABLE' && response.status === 503 && response.headers.get('retry-after')) {
        outcomes.set(body, { outcome: 'unavailable', detail: '' });
      } else outcomes.set(body, { outcome: 'other', detail: `${response.status} ${JSON.stringify(answer)}` });
    } catch (error) {
      // Not answered: only acceptable if the connection was never accepted.
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
      outcomes.set(body, { outcome: cause === 'ECONNREFUSED' ? 'refused' : 'other', detail: cause });
    }
  };
  const all = Array.from({ length: REQUESTS }, (_, i) => send(i));
  // Stop once the first answers are back: hundreds are still in the server's hands.
  while (outcomes.size < 20) await new Promise((resolve) => setTimeout(resolve, 5));
  const stopped = server.stop('SIGTERM');
  // The signal reaches the process between two of its tasks: from then on it is not ready.
  const readyz = () =>
    fetch(`${server.url}/readyz`).then(
      (r) => r.status,
      () => 'refused',
    );
  let ready: number | string = 200;
  for (let i = 0; i < 100 && ready === 200; i++) ready = await readyz();
  expect([503, 'refused']).toContain(ready);
  await Promise.all(all);
  const exit = await stopped;
  expect(exit.code).toBe(0);

  const counts = { written: 0, unavailable: 0, refused: 0, other: 0 };
  for (const { outcome } of outcomes.values()) counts[outcome]++;
  expect([...outcomes.values()].filter((o) => o.outcome === 'other')).toEqual([]);
  expect(counts.written).toBeGreaterThan(20);

  // On disk: every reply answered as written, and none of those refused.
  const stored = await withDatabase(
    database.url,
    async (query) => new Set((await query<{ body: string }>('select body from reply')).map((r) => r.body)),
  );
  for (const [body, { outcome }] of outcomes) {
    if (outcome === 'written') expect(stored.has(body), body).toBe(true);
    else expect(stored.has(body), body).toBe(false);
  }
}, 120_000);
