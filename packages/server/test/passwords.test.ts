// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hashPassword, isPasswordHash, passwordCheck, verifyPassword } from '../src/auth/passwords';

describe('agent passwords (scrypt)', () => {
  it('hashes with a fresh salt each time, and verifies only the right password', async () => {
    const [one, two] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(one).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(one).not.toBe(two);
    expect(isPasswordHash(one)).toBe(true);
    expect(await verifyPassword('correct horse', one)).toBe(true);
    expect(await verifyPassword('correct horse ', one)).toBe(false);
    expect(await verifyPassword('', one)).toBe(false);
  });

  it('matches nothing against a stored value that is no hash, or no account at all', async () => {
    expect(await verifyPassword('alice', 'alice')).toBe(false);
    expect(await verifyPassword('alice', undefined)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$15$8$1$short$short')).toBe(false);
  });

  it('takes plain passwords from the config only in demo mode', async () => {
    const hash = await hashPassword('s3cret');
    expect(await passwordCheck(false)('alice', 'alice')).toBe(false);
    expect(await passwordCheck(true)('alice', 'alice')).toBe(true);
    expect(await passwordCheck(true)('alicE', 'alice')).toBe(false);
    for (const demo of [false, true]) {
      expect(await passwordCheck(demo)('s3cret', hash)).toBe(true);
      expect(await passwordCheck(demo)('s3cret', undefined)).toBe(false);
    }
  });
});
