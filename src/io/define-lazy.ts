// Properties whose values are read or made on first use: a run pays only for what it touches.

/**
 * Gives `target` the properties `keys` as getters that compute `valueOf(key)` on first use and then
 * become plain values: whoever reads them sees an ordinary object.
 */
export function defineLazy(target: object, keys: readonly string[], valueOf: (key: string) => unknown): void {
  for (const key of keys) {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = valueOf(key);
        Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
        return value;
      },
    });
  }
}
