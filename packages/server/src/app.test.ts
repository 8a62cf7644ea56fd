import { once } from 'node:events';
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { GraphQLClient } from './testing/graphql-client.ts';
import { startTestServer } from './testing/server.ts';

/** Blocks this process's event loop, as a burst of synchronous work (SQLite, JSON) does. */
function busyFor(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // nothing: the point is that no timer or socket is looked at meanwhile
  }
}

/** A plain TCP connection to the server, to send HTTP by hand; `received()` is all it got so far. */
async function rawConnection(url: string) {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  await once(socket, 'connect');
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    text += chunk;
  });
  socket.on('error', () => {});
  return { socket, received: () => text, ended: once(socket, 'close') };
}

it('answers a request that reached a kept-alive connection while the stopping process was busy', async () => {
  const server = await startTestServer();
  try {
    const { socket, received, ended } = await rawConnection(server.url);
    const request = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';
    socket.write(request);
    while (!received().includes('"ok"')) await new Promise((resolve) => setTimeout(resolve, 5));

    // The client sends its next request on the pooled connection while this process is busy
    // past the end of the drain period. The loop's next turn runs its timers before it reads any
    // socket: the request sits in the kernel's buffer and the connection looks idle to Node, so
    // cutting idle connections then would reset a request the client had sent.
    const closing = await new Promise<Promise<void>>((resolve) =>
      setImmediate(() => {
        const closing = server.app.close(2_000, 20);
        socket.write(request);
        busyFor(100);
        resolve(closing);
      }),
    );
    await closing;
    await ended;

    const answers = received().split('HTTP/1.1 ').slice(1);
    expect(answers).toHaveLength(2);
    const second = answers[1] ?? '';
    expect(second).toMatch(/^200 /);
    expect(second.toLowerCase()).toContain('connection: close');
  } finally {
    await server.app.close(100, 0);
    await server.database.drop();
  }
});

/** What a browser's GraphQL client (urql) accepts on every request, queries included. */
const BROWSER_ACCEPT =
  'application/graphql-response+json, application/graphql+json, application/json, text/event-stream';

it('lets a query in flight at shutdown finish with its answer, though its client also accepts event streams', async () => {
  const server = await startTestServer();
  try {
    const { socket, received, ended } = await rawConnection(server.url);
    const body = JSON.stringify({ query: '{ __typename }' });
    // Half the body now: the server has the request and waits for the rest when the shutdown starts.
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: ${BROWSER_ACCEPT}\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    // A round trip on another connection: by its answer the server has read the first one.
    await fetch(`${server.url}/healthz`);
    const closing = server.app.close(2_000, 100);
    socket.write(body.slice(10));
    await closing;
    await ended;

    expect(received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(received().toLowerCase()).toContain('content-type: application/graphql-response+json');
    expect(received()).toContain('{"data":{"__typename":"Query"}}');
  } finally {
    await server.app.close(100, 0);
    await server.database.drop();
  }
});

it('ends a subscription that started while the stopping process drained, with the reconnect hint', async () => {
  const server = await startTestServer({ seedDemo: true });
  try {
    const client = new GraphQLClient(`${server.url}/graphql`);
    const { community } = await client.data(
      '{ community(slug: "demo") { threads(first: 1) { edges { node { id } } } } }',
    );
    // Without being ended it would be cut off when the grace period runs out, without the hint.
    const closing = server.app.close(1_000, 300);
    const stream = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({
        query: 'subscription ($id: ID!) { threadEvents(community: "demo", threadId: $id) { __typename } }',
        variables: { id: community.threads.edges[0].node.id },
      }),
    });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await stream.text()).toContain('retry: 1000');
    await closing;
  } finally {
    await server.app.close(100, 0);
    await server.database.drop();
  }
});

it('says it is not ready from the first moment it stops, while it still answers what it accepted', async () => {
  const server = await startTestServer();
  try {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const closing = server.app.close(2_000, 300);
    const during = await fetch(`${server.url}/readyz`);
    expect(during.status).toBe(503);
    expect(await during.json()).toMatchObject({ status: 'stopping' });
    // Still answering GraphQL meanwhile.
    expect(await new GraphQLClient(`${server.url}/graphql`).data('{ __typename }')).toEqual({ __typename: 'Query' });
    await closing;
  } finally {
    await server.app.close(100, 0);
    await server.database.drop();
  }
});
