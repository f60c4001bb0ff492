#!/usr/bin/env node
// `npm start`: builds the API and the web app (cached by Nx when nothing changed) and runs Marea.
import { spawn, spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static'], {
  stdio: 'inherit',
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/main.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
// The server handles SIGINT/SIGTERM itself (it stops the embedded database first).
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
