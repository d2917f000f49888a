/**
 * Many streams in one process receive the same event; its data is loaded once and shared. Keyed by
 * event id: ids are never reused, and the data is the state just after that event committed.
 */
export function sharedLoader<T>(capacity = 256): (key: string, load: () => Promise<T>) => Promise<T> {
  const entries = new Map<string, Promise<T>>();
  return (key, load) => {
    const known = entries.get(key);
    if (known) return known;
    const loading = load();
    entries.set(key, loading);
    // A failed load is not kept: the next stream tries again.
    loading.catch(() => entries.delete(key));
    if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    return loading;
  };
}
