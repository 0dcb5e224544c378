// argon2 is a native addon: it is loaded on the first password hashed or checked (a sign-in, a new account),
// not at start-up, so a wall screen's first snapshot after a restart does not wait for it.
type Argon2 = typeof import('argon2');

let loaded: Promise<Argon2> | undefined;
const argon2 = (): Promise<Argon2> => (loaded ??= import('argon2').then((m) => m.default));

/** An argon2id hash of `password`. */
export async function hashPassword(password: string): Promise<string> {
  const a = await argon2();
  return a.hash(password, { type: a.argon2id });
}

/** Whether `password` matches `hash`; false for a malformed hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  const a = await argon2();
  return a.verify(hash, password).catch(() => false);
}
