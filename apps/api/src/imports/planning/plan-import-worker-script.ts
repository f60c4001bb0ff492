import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerScript } from './thread-import-planner';

const WORKSPACE_ROOT = join(__dirname, '../../../../..');

/**
 * Where the planning thread's code is. The production bundle carries it as an entry of its own
 * next to main.js; run from source (the test suite), the TypeScript file is compiled on load.
 */
export function planImportWorkerScript(): WorkerScript {
  const bundled = join(__dirname, 'plan-import.worker.js');
  if (existsSync(bundled)) return { filename: bundled };
  const source = join(__dirname, 'plan-import.worker.ts');
  const bootstrap = `
    const root = ${JSON.stringify(WORKSPACE_ROOT)};
    require('ts-node').register({ transpileOnly: true, project: root + '/apps/api/tsconfig.spec.json' });
    const { absoluteBaseUrl, paths } = require('tsconfig-paths').loadConfig(root + '/tsconfig.base.json');
    require('tsconfig-paths').register({ baseUrl: absoluteBaseUrl, paths });
    require(${JSON.stringify(source)});`;
  return { filename: bootstrap, options: { eval: true } };
}
