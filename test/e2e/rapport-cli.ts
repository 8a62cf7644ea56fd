import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../packages/server/bin/rapport.js', import.meta.url));

/** Runs `rapport <args>` against a database, as an operator would; returns its JSON. */
export function rapport(databaseUrl: string, ...args: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`rapport ${args.join(' ')} failed: ${stderr}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}
