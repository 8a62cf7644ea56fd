import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type ParsedMail, simpleParser } from 'mailparser';

export interface ReceivedMail {
  envelopeTo: string[];
  parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every message received so far, oldest first. */
  received: ReceivedMail[];
  /** Resolves once `count` messages in all have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Stops the server process where it stands (SIGSTOP): connections are accepted, nothing answered. */
  hang(): void;
  /** Lets a hung server go on (SIGCONT). */
  resume(): void;
  close(): Promise<void>;
}

const script = fileURLToPath(new URL('./smtp-server-process.ts', import.meta.url));

/** Starts a real SMTP server process (smtp-server-process.ts) and collects what it receives. */
export async function startTestSmtpServer(
  options: { reject?: boolean; unknownAddresses?: string[] } = {},
): Promise<TestSmtpServer> {
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      SMTP_REJECT: options.reject ? '1' : '0',
      SMTP_UNKNOWN: (options.unknownAddresses ?? []).join(','),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  let parsing = Promise.resolve();
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`SMTP server process exited (${code})`)));
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { port?: number; to?: string[]; raw?: string };
      if (message.port !== undefined) return resolve(message.port);
      parsing = parsing.then(async () => {
        received.push({ envelopeTo: message.to ?? [], parsed: await simpleParser(message.raw ?? '') });
        for (const wake of waiters) wake();
      });
    });
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(received);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} emails, received ${received.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    hang: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGCONT');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
