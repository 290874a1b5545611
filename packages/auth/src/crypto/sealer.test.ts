import { describe, expect, test } from 'vitest';
import { randomToken } from './random.js';
import { createSealer } from './sealer.js';

describe('createSealer', () => {
  test('opens what it sealed, and the sealed text does not contain the plaintext', async () => {
    const sealer = await createSealer(randomToken(32));
    const sealed = await sealer.seal('gho_secret-token', 'grant:1');
    expect(sealed).not.toContain('gho_secret');
    expect(await sealer.open(sealed, 'grant:1')).toBe('gho_secret-token');
  });

  test('refuses another context, a tampered value and another key', async () => {
    const sealer = await createSealer(randomToken(32));
    const sealed = await sealer.seal('secret', 'grant:1');
    await expect(sealer.open(sealed, 'grant:2')).rejects.toThrow();
    await expect(sealer.open(`${sealed.slice(0, -2)}AA`, 'grant:1')).rejects.toThrow();
    await expect((await createSealer(randomToken(32))).open(sealed, 'grant:1')).rejects.toThrow();
  });

  test('a key that is not 32 bytes is refused', async () => {
    await expect(createSealer(randomToken(16))).rejects.toThrow(TypeError);
  });
});
