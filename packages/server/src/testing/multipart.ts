import type { ExecutionResult } from 'graphql';
import { dialectOf } from '../db/em.ts';
import { inlineParts, type Part } from '../http/deferred-answers.ts';

/**
 * Reads an incremental-delivery response (@defer/@stream over `multipart/mixed`) into its parts, in
 * the order the server sent them.
 */
export async function readMultipart(response: Response): Promise<any[]> {
  const type = response.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (!type.startsWith('multipart/mixed') || !boundary) {
    throw new Error(`expected multipart/mixed, got ${type}: ${await response.text()}`);
  }
  const text = await response.text();
  return text
    .split(`--${boundary}`)
    .map((part) => part.trim())
    .filter((part) => part && part !== '--')
    .map((part) => {
      const body = part.slice(part.indexOf('\r\n\r\n') + 4).trim();
      return JSON.parse(body);
    });
}

/**
 * The answer to a query using @defer/@stream in whichever form the server chose (in parts, or in
 * one when every part was ready with the first: http/deferred-answers.ts): its parts as sent (one
 * for a JSON answer) and the result they add up to.
 */
export async function readAnswer(response: Response): Promise<{ parts: Part[]; result: ExecutionResult }> {
  const type = response.headers.get('content-type') ?? '';
  const parts: Part[] = type.startsWith('multipart/mixed') ? await readMultipart(response) : [await response.json()];
  const result = inlineParts(structuredClone(parts));
  if (!result) throw new Error(`the parts do not add up: ${JSON.stringify(parts)}`);
  return { parts, result };
}

/**
 * Whether a deferred part that reads the database arrives as a later part on this database: on
 * PostgreSQL a query is a round trip, so it is not ready with the first part; SQLite answers in the
 * same turn of the event loop, so the server sends everything in one response.
 */
export const queriesArriveLater = (databaseUrl: string) => dialectOf(databaseUrl) === 'postgresql';
