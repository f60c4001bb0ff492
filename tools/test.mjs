#!/usr/bin/env node
// `npm test`: lint and type-check every project, then run every test target, and close with one
// summary line ("N passed, N failed"). DATABASE_URL picks the PostgreSQL server the database
// tests use; without it they run on an embedded one.
import { spawn } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };
const parallel = process.env.MAREA_TEST_PARALLEL ?? '2';
const totals = { passed: 0, failed: 0, skipped: 0 };

function nx(args) {
  return new Promise((resolve) => {
    const child = spawn('npx', ['nx', ...args, `--parallel=${parallel}`, '--output-style=stream', '--skip-nx-cache'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const scan = (chunk, sink) => {
      sink.write(chunk);
      for (const line of chunk.toString().split('\n')) {
        const match = /Tests:\s+(.*\d+ total)/.exec(line);
        if (!match) continue;
        for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind] += Number(count);
      }
    };
    child.stdout.on('data', (chunk) => scan(chunk, process.stdout));
    child.stderr.on('data', (chunk) => scan(chunk, process.stderr));
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const where = process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : 'embedded PostgreSQL';
console.log(`\n== Marea test suite (database tests on ${where}) ==\n`);
const checks = await nx(['run-many', '-t', 'lint', 'typecheck']);
const tests = await nx(['run-many', '-t', 'test']);
const failedCheck = checks === 0 ? 0 : 1;
console.log(`\nlint and type-check: ${checks === 0 ? 'ok' : 'FAILED'}`);
console.log(`Tests: ${totals.passed} passed, ${totals.failed + failedCheck} failed, ${totals.skipped} skipped`);
process.exit(checks === 0 && tests === 0 ? 0 : 1);
