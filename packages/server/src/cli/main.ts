import { type ParseArgsConfig, parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { AppError } from '../core/errors.ts';
import type { Orm } from '../db/em.ts';
import { migrate, openOrm } from '../db/orm.ts';
import { createEventBus } from '../live/event-bus.ts';
import { domainSubscribers } from '../services/subscribers.ts';
import { COMMANDS, type Command } from './commands.ts';

/** A mistake in how the CLI was called: printed with the usage, exit code 2. */
class UsageError extends Error {}

function usage(): string {
  return [
    'Usage: pnpm rapport <command> [options]   (prints JSON on stdout)',
    '',
    ...Object.entries(COMMANDS).map(
      ([name, command]) => `  ${name.padEnd(18)} ${command.summary}\n${' '.repeat(21)}${command.usage}`,
    ),
    '',
    'Environment: DATABASE_URL (default ./data/rapport.db; postgres://… for PostgreSQL).',
  ].join('\n');
}

function fail(code: string, message: string, exitCode: number, extra: Record<string, unknown> = {}): never {
  process.stderr.write(`${JSON.stringify({ error: { code, message, ...extra } })}\n`);
  if (exitCode === 2) process.stderr.write(`\n${usage()}\n`);
  process.exit(exitCode);
}

function findCommand(argv: string[]): { command: Command; rest: string[] } {
  for (const length of [2, 1]) {
    const name = argv.slice(0, length).join(' ');
    const command = COMMANDS[name];
    if (command && argv.slice(0, length).every((word) => !word.startsWith('-'))) {
      return { command, rest: argv.slice(length) };
    }
  }
  throw new UsageError(
    argv.length
      ? `Unknown command "${argv
          .filter((a) => !a.startsWith('-'))
          .slice(0, 2)
          .join(' ')}".`
      : 'No command given.',
  );
}

async function run(argv: string[]): Promise<unknown> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    process.stdout.write(`${usage()}\n`);
    process.exit(argv.length === 0 ? 2 : 0);
  }
  const { command, rest } = findCommand(argv);
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: command.options as ParseArgsConfig['options'],
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  for (const name of command.required ?? []) {
    if (values[name] === undefined || values[name] === '') throw new UsageError(`Missing required option --${name}.`);
  }
  const config = loadConfig();
  // What a command commits is announced as the server's own writes are (through Redis when
  // REDIS_URL is set): running servers drop what they cached of it at once (a retired key, an import).
  const events = createEventBus({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix });
  try {
    const orm: Orm = await openOrm({
      databaseUrl: config.databaseUrl,
      subscribers: domainSubscribers(),
      onCommit: (communityId) => events.announceChange(communityId),
    });
    try {
      const applied = await migrate(orm);
      return await command.run({ orm, events, values, applied });
    } finally {
      await orm.close();
    }
  } finally {
    await events.close();
  }
}

try {
  const result = await run(process.argv.slice(2));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  if (error instanceof UsageError) fail('USAGE', error.message, 2);
  if (error instanceof AppError)
    fail(error.code, error.message, 1, error.details.field ? { field: error.details.field } : {});
  fail('INTERNAL', error instanceof Error ? error.message : String(error), 1);
}
