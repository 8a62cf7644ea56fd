/**
 * Malformed requests get a clear answer in the GraphQL error shape, with a code, never a 500 or
 * an empty body: a query that is not a string, variables nested thousands deep, variables in a GET
 * that are not JSON, a media type the server does not take or give, headers too large.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ backgroundJobs: false });
});
afterAll(() => server?.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(server.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
const codeOf = async (response: Response) => {
  const text = await response.text();
  return { status: response.status, code: JSON.parse(text).errors?.[0]?.extensions?.code, text };
};

describe('a clear error, never a 500', () => {
  it.each([
    ['a number', '{"query":42}'],
    ['an object', '{"query":{}}'],
    ['an array', '{"query":["{ __typename }"]}'],
  ])('for a query that is %s', async (_what, body) => {
    const answer = await codeOf(await post(body));
    expect(answer.status).toBe(400);
    expect(answer.code).toBe('BAD_REQUEST');
  });

  it('for variables and extensions nested 10,000 deep', async () => {
    const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    for (const field of ['variables', 'extensions']) {
      const answer = await codeOf(await post(`{"query":"query ($x: Int) { __typename }","${field}":{"x":${deep}}}`));
      expect(answer.status, field).toBeLessThan(500);
      expect(answer.code, field).toBe('BAD_USER_INPUT');
    }
  });

  it('for GET variables that are not JSON', async () => {
    const answer = await codeOf(
      await fetch(`${server.endpoint}?query=${encodeURIComponent('{ __typename }')}&variables=%7Bbad`, {
        headers: { 'x-graphql-yoga-csrf': 'yes' },
      }),
    );
    expect(answer.status).toBe(400);
    expect(answer.code).toBe('BAD_REQUEST');
  });

  it('for a media type it does not take (415), in the same shape', async () => {
    const unsupported = await codeOf(await post('{ __typename }', { 'content-type': 'text/xml' }));
    expect(unsupported).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    // A client that takes no JSON (406) cannot be answered in JSON: the status says it.
    expect((await post('{"query":"{ __typename }"}', { accept: 'text/csv' })).status).toBe(406);
  });

  it('for headers too large (431), in the same shape', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(server.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${'x'.repeat(20_000)}`,
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end('{"query":"{ __typename }"}');
    });
    expect(answer.status).toBe(431);
    expect(JSON.parse(answer.body).errors[0].extensions.code).toBe('REQUEST_HEADER_FIELDS_TOO_LARGE');
  });
});
