import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
export const BUILT_SERVER = join(ROOT, 'dist/apps/api/main.js');

export interface MareaProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM (a graceful stop) and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the built Marea server (`nx build api` first) as a user would, and resolves once it
 * prints the address it serves. Tests must `stop()` it.
 */
export async function startMareaProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<MareaProcess> {
  if (!existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run "nx build api" first`);
  const child = spawn(process.execPath, [BUILT_SERVER], {
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk) => (printed += chunk));
  child.stderr?.on('data', (chunk) => (printed += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Marea did not start in ${timeoutMs} ms:\n${printed}`)), timeoutMs);
    const poll = setInterval(() => {
      const match = /Marea is running at (http:\/\/\S+)/.exec(printed);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`Marea exited with ${code} before it was ready:\n${printed}`));
    });
  });

  return {
    url,
    child,
    output: () => printed,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
