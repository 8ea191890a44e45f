import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import type { VerifyPassword } from '../contact-center/sign-in';

// OWASP's scrypt floor is N=2^17 with r=8 (128 MiB); 2^15 keeps a sign-in near 50 ms on a small server.
const cost = { log2N: 15, r: 8, p: 1 };
const keyLength = 32;
const pattern = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]{16,})\$([\w-]{40,})$/;

function derive(password: string, salt: Buffer, log2N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** log2N, r, p, maxmem: 256 * 2 ** log2N * r + 2 ** 20 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$log2N$r$p$salt$hash` (base64url): what the config's `password` holds. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost.log2N, cost.r, cost.p);
  return `scrypt$${cost.log2N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export const isPasswordHash = (stored: string): boolean => pattern.test(stored);

// Checked when the account does not exist, so that an unknown name takes as long as a wrong password.
let decoy: Promise<string> | undefined;

/** Compares in constant time; a stored value that is no hash matches nothing. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const match = pattern.exec(stored ?? '');
  if (!match) {
    decoy ??= hashPassword('decoy');
    await verifyPassword(password, await decoy);
    return false;
  }
  const [, log2N, r, p, salt, hash] = match;
  const expected = Buffer.from(hash ?? '', 'base64url');
  const actual = await derive(
    password,
    Buffer.from(salt ?? '', 'base64url'),
    +(log2N ?? 0),
    +(r ?? 0),
    +(p ?? 0),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The check the server uses: hashes always; plain text from the config only in demo mode, where every
 * demo agent's password is written in the file anyway.
 */
export function passwordCheck(demo: boolean): VerifyPassword {
  return (password, stored) =>
    stored !== undefined && !isPasswordHash(stored)
      ? demo && plainEqual(password, stored)
      : verifyPassword(password, stored);
}

function plainEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
