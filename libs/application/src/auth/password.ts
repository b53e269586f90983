import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with parameters fixed here (not left to library defaults, which differ between packages):
 * 19 MiB, 2 passes, 1 lane — the OWASP baseline, ~40–60 ms on these 2-core machines.
 */
const PARAMS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, PARAMS);
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    return false;
  }
}
