/**
 * A Map that remembers which keys were written, read for writing (`get`), deleted or `touch`ed since
 * storage last took them: storage then writes those records, not every record on every turn.
 */
export class TrackedMap<K, V> extends Map<K, V> {
  readonly #changed = new Set<K>();

  override get(key: K): V | undefined {
    const value = super.get(key);
    if (value !== undefined) this.#changed.add(key);
    return value;
  }

  override set(key: K, value: V): this {
    this.#changed.add(key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    this.#changed.add(key);
    return super.delete(key);
  }

  /** A value found by iterating is about to change. */
  touch(key: K): void {
    if (super.has(key)) this.#changed.add(key);
  }

  /** The keys changed since the last call, with their values now (undefined: deleted). */
  takeChanged(): Array<[K, V | undefined]> {
    const out: Array<[K, V | undefined]> = [];
    for (const key of this.#changed) out.push([key, super.get(key)]);
    this.#changed.clear();
    return out;
  }
}
