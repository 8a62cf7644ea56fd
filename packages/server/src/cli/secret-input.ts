import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { badInput } from '../core/errors.ts';

/**
 * A secret (a password) without putting it on the command line, where process listings and shell
 * history show it: the first line of stdin (`--password-stdin`, for scripts), or typed at a prompt
 * that does not echo it when stdin is a terminal. node:readline is all it takes; no library needed.
 */
export async function readSecret(prompt: string, fromStdin: boolean): Promise<string> {
  if (fromStdin) return firstLine();
  if (!process.stdin.isTTY) {
    throw badInput(
      { forDevelopers: 'Give the password with --password-stdin (or type it at the prompt in a terminal).' },
      'password',
    );
  }
  return typedSecret(prompt);
}

async function firstLine(): Promise<string> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw badInput({ forDevelopers: '--password-stdin was given, but stdin was empty.' }, 'password');
}

function typedSecret(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    // Readline echoes what is typed to its output: here, one that writes nothing.
    const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
    const lines = createInterface({ input: process.stdin, output: muted, terminal: true });
    let answered = false;
    lines.question('', (answer) => {
      answered = true;
      lines.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    // The terminal is raw: Ctrl-C and Ctrl-D reach readline, not the process. Give up on either.
    lines.on('SIGINT', () => {
      process.stderr.write('\n');
      process.exit(130);
    });
    lines.on('close', () => {
      if (!answered) reject(badInput({ forDevelopers: 'No password was typed.' }, 'password'));
    });
  });
}
