/** localStorage that never throws (private browsing, disabled storage, tests). */
export function readSetting(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not persisted; the setting still holds for this visit.
  }
}

const NAME_KEY = 'kaskade.name';

/** The display name changes are signed with (sent in the socket handshake). */
export function readDisplayName(): string {
  return readSetting(NAME_KEY) ?? '';
}

export function writeDisplayName(name: string): void {
  writeSetting(NAME_KEY, name.trim() || null);
}
