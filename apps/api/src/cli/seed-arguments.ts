export interface SeedArguments {
  readonly customers?: number;
  readonly seed: number;
  readonly reset: boolean;
}

export const SEED_USAGE = 'usage: npm run seed -- [--customers N] [--seed N] [--reset]';

/** Parses `--customers N --seed N --reset`; throws with the usage line on anything else. */
export function parseSeedArguments(argv: readonly string[]): SeedArguments {
  let customers: number | undefined;
  let seed = 1;
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reset') reset = true;
    else if (arg === '--customers' || arg === '--seed') {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < (arg === '--customers' ? 1 : 0)) throw new Error(`${arg} needs a whole number\n${SEED_USAGE}`);
      if (arg === '--customers') customers = value;
      else seed = value;
    } else throw new Error(`unknown argument ${arg}\n${SEED_USAGE}`);
  }
  return { customers, seed, reset };
}
