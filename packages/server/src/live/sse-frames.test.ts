/**
 * Streams this server writes itself are framed exactly as yoga frames a subscription's: the
 * same bytes for the same results, errors without yoga's internal extensions.
 */
import { GraphQLError } from 'graphql';
import { createGraphQLError, getSSEProcessor } from 'graphql-yoga';
import { expect, it } from 'vitest';
import { COMPLETE, nextFrame, PING } from './sse-frames.ts';

/** What yoga writes for a subscription that yields `results` and ends. */
async function yogaWrites(results: object[]): Promise<string> {
  async function* stream() {
    yield* results;
  }
  const response = await getSSEProcessor()(
    stream() as never,
    { Response, TextEncoder, ReadableStream } as never,
    'text/event-stream',
  );
  return response.text();
}

const RESULTS = [
  { data: { threadEvents: { __typename: 'ReplyAddedEvent', reply: { body: 'Grüße ✓ "quoted"\nline' } } } },
  {
    data: null,
    errors: [
      createGraphQLError('The thread was not found.', {
        path: ['threadEvents'],
        extensions: { code: 'NOT_FOUND', http: { status: 404 } },
      }),
      new GraphQLError('Unexpected error.', { extensions: { unexpected: true } }),
    ],
    extensions: { http: { status: 404 }, cost: 3 },
  },
  { data: { n: 1 }, extensions: { http: { headers: {} } } },
];

it('frames results, errors and the end as yoga does', async () => {
  const ours = Buffer.concat([PING, ...RESULTS.map((result) => nextFrame(result as never)), COMPLETE]).toString();
  expect(ours).toBe(await yogaWrites(RESULTS));
  // And the errors went without what yoga keeps for itself.
  expect(ours).toContain('"extensions":{"code":"NOT_FOUND"}');
  expect(ours).not.toMatch(/"http"|"unexpected"/);
});
