import { GraphQLError } from 'graphql';
import { afterEach, expect, it, vi } from 'vitest';
import { createServerLogger } from './logger.ts';

afterEach(() => vi.restoreAllMocks());

it('notes refused requests (CSRF) as one warning a minute, without stacks, and keeps real errors', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  let clock = 1_000_000;
  const logger = createServerLogger('info', () => clock);
  const csrf = new GraphQLError('Required CSRF header(s) not present', { extensions: { http: { status: 403 } } });
  for (let i = 0; i < 1000; i++) logger.error(csrf);
  expect(error).not.toHaveBeenCalled();
  expect(warn).toHaveBeenCalledTimes(1);
  clock += 61_000;
  logger.error(csrf);
  expect(warn).toHaveBeenCalledTimes(2);
  expect(String(warn.mock.calls[1]?.join(' '))).toContain('1000 × Required CSRF header(s) not present');
  expect(String(warn.mock.calls[1]?.join(' '))).not.toContain('    at ');

  logger.error(new Error('a real bug'));
  expect(error).toHaveBeenCalledTimes(1);
});
