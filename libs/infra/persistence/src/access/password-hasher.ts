import { argon2id, hash, verify } from 'argon2';

/** OWASP's argon2id settings: 19 MiB, 2 passes, 1 lane (≈ 30 ms here); stored in the hash itself. */
const OPTIONS = { type: argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/**
 * Checked against when the email is unknown, so a failed sign-in takes as long whether or not
 * the account exists (no way to probe which emails have accounts).
 */
let decoy: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoy ??= hashPassword('not the password of anybody');
  return decoy;
}
