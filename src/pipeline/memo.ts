/**
 * A pure reading of a text, remembered per isolate (bounded): titles and places repeat across a pool
 * ("Senior Software Engineer", "San Francisco Bay Area") and an import or a run reads thousands of them.
 * Past `max` entries the memory starts over rather than growing with the pool.
 */
export function memo<T>(read: (text: string) => T, max = 20_000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined && !seen.has(text)) {
      if (seen.size >= max) seen.clear();
      value = read(text);
      seen.set(text, value);
    }
    return value as T;
  };
}
