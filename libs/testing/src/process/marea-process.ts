import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');
export const BUILT_SERVER = join(ROOT, 'dist/apps/api/main.js');

/** The first admin of every server these tests start (MAREA_ADMIN_EMAIL / MAREA_ADMIN_PASSWORD). */
export const TEST_ADMIN = { email: 'admin@marea.test', password: 'the test admin password' } as const;

/** A signed-in session as a browser holds it: send `headers` with every request. */
export interface SignedInSession {
  readonly headers: Record<string, string>;
}

export interface MareaProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM (a graceful stop) and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Signs in through the API, as the test admin unless told otherwise. */
  signIn(email?: string, password?: string): Promise<SignedInSession>;
}

/** Signs in at a running Marea: the session cookie and the CSRF token its changes need. */
export async function signIn(url: string, email: string = TEST_ADMIN.email, password: string = TEST_ADMIN.password): Promise<SignedInSession> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('marea_session='));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { headers: { cookie: cookie!.split(';')[0], 'x-csrf-token': csrfToken } };
}

/**
 * Starts the built Marea server (`nx build api` first) as a user would, and resolves once it
 * prints the address it serves. Tests must `stop()` it.
 */
export async function startMareaProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<MareaProcess> {
  if (!existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run "nx build api" first`);
  const child = spawn(process.execPath, [BUILT_SERVER], {
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: '0',
      LOG_LEVEL: 'warn',
      MAREA_ADMIN_EMAIL: TEST_ADMIN.email,
      MAREA_ADMIN_PASSWORD: TEST_ADMIN.password,
      ...env,
    },
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
    signIn: (email, password) => signIn(url, email, password),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
