import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing/database.ts';
import { GraphQLClient } from './testing/graphql-client.ts';
import { startServerProcess } from './testing/process.ts';
import { subscribe } from './testing/sse.ts';

let database: TestDatabase;
const start = () => startServerProcess({ DATABASE_URL: database.url, NODE_ENV: 'test' });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

it('starts on an empty database, seeds the demo once, and stops cleanly on SIGTERM', async () => {
  const first = await start();
  try {
    expect(first.output()).toContain('Seeded the "demo" community');
    const client = new GraphQLClient(`${first.url}/graphql`);
    const data = await client.data(
      '{ community(slug: "demo") { name threads(first: 50) { edges { node { title } } } } }',
    );
    expect(data.community.name).toBe('Acme Outdoor');
    expect(data.community.threads.edges.length).toBeGreaterThanOrEqual(5);
    // A live subscription must not hold shutdown hostage.
    const threadId = (await client.data('{ community(slug: "demo") { threads(first: 1) { edges { node { id } } } } }'))
      .community.threads.edges[0].node.id;
    const live = subscribe(
      `${first.url}/graphql`,
      'subscription ($id: ID!) { threadEvents(community: "demo", threadId: $id) { __typename } }',
      {
        variables: { id: threadId },
      },
    );
    await live.ready;
    const stopped = await first.stop();
    live.close();
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(3_000);
    expect(first.output()).toContain('SIGTERM');
  } finally {
    first.child.kill('SIGKILL');
  }

  const second = await start();
  try {
    expect(second.output()).not.toContain('Seeded');
    const client = new GraphQLClient(`${second.url}/graphql`);
    const data = await client.data('{ community(slug: "demo") { threads(first: 50) { edges { node { title } } } } }');
    const titles = data.community.threads.edges.map((e: any) => e.node.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect((await second.stop()).code).toBe(0);
  } finally {
    second.child.kill('SIGKILL');
  }
});
