import { once } from 'node:events';
import { connect } from 'node:net';
import { expect, it } from 'vitest';
import { startTestServer } from './testing/server.ts';

/** Blocks this process's event loop, as a burst of synchronous work (SQLite, JSON) does. */
function busyFor(ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // nothing: the point is that no timer or socket is looked at meanwhile
  }
}

it('answers a request that reached a kept-alive connection while the stopping process was busy', async () => {
  const server = await startTestServer();
  try {
    const { port } = new URL(server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    const ended = once(socket, 'close');
    socket.on('error', () => {});
    const request = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';
    socket.write(request);
    while (!received.includes('"ok"')) await new Promise((resolve) => setTimeout(resolve, 5));

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

    const answers = received.split('HTTP/1.1 ').slice(1);
    expect(answers).toHaveLength(2);
    const second = answers[1] ?? '';
    expect(second).toMatch(/^200 /);
    expect(second.toLowerCase()).toContain('connection: close');
  } finally {
    await server.app.close(100, 0);
    await server.database.drop();
  }
});
