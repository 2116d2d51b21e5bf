/**
 * Runs work for one key at a time, in the order it was asked for: the outbox's lock on a chain, so
 * two sends (or two writes) of one chain never interleave. Locks belong to a scope (the outbox's
 * storage), so every Outbox on the same storage in this process shares them, and outboxes on other
 * storages never wait for each other.
 */

const locksByScope = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Runs fn once every earlier holder of (scope, key) has finished, whether it resolved or rejected,
 * and resolves or rejects as fn does. Different keys, or scopes, run at the same time.
 */
export function withLock<T>(scope: object, key: string, fn: () => Promise<T>): Promise<T> {
  let locks = locksByScope.get(scope);
  if (!locks) locksByScope.set(scope, (locks = new Map()));
  const before = locks.get(key) ?? Promise.resolve();
  const run = before.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  locks.set(key, settled);
  void settled.then(() => {
    if (locks.get(key) === settled) locks.delete(key);
  });
  return run;
}
