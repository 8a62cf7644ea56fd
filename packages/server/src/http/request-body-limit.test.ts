/**
 * Request bodies over the limit (256 KB) are refused with 413 whether they say their length up
 * front or come in chunks; bodies within it are answered, chunked or not.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const body = (padding: number) =>
  JSON.stringify({ query: '{ viewer { kind } }', variables: { pad: 'x'.repeat(padding) } });

/** A body sent in chunks, without a Content-Length (as a client streaming its request would). */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 16 * 1024));
      at += 16 * 1024;
    },
  });
}

const post = (payload: string | ReadableStream<Uint8Array>) =>
  fetch(server.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: payload,
    duplex: 'half',
  } as RequestInit);

describe('request body limit', () => {
  it('refuses a body whose Content-Length is over the limit with 413, before reading it', async () => {
    const response = await post(body(1_000_000));
    expect(response.status).toBe(413);
    const answer = await response.json();
    expect(answer.errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
    expect(answer.errors[0].message).toContain('too large');
  });

  it('refuses a chunked body once it passes the limit', async () => {
    const response = await post(chunked(body(300 * 1024)));
    expect(response.status).toBe(413);
    // The rest of the body is unread: the connection is not reused for another request.
    expect(response.headers.get('connection')).toBe('close');
    expect((await response.json()).errors[0].extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');
  });

  it('answers bodies within the limit, with a Content-Length or chunked', async () => {
    for (const payload of [body(200 * 1024), chunked(body(200 * 1024))]) {
      const response = await post(payload);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { viewer: null } });
    }
  });

  it('never sees a malformed Content-Length: Node refuses it with 400 (the limit relies on that)', async () => {
    const { port } = new URL(server.url);
    for (const header of ['Content-Length: 12, 13', 'Content-Length: abc', 'Content-Length: 5\r\nContent-Length: 6']) {
      const status = await new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n${header}\r\n\r\n{}`),
        );
        let answer = '';
        socket.on('data', (chunk) => {
          answer += chunk;
        });
        socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
      });
      expect(status).toBe('HTTP/1.1 400 Bad Request');
    }
  });

  it('is still healthy afterwards', async () => {
    expect((await post(body(10))).status).toBe(200);
  });
});
