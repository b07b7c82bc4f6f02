/** A flat Redis reply of names and values (`HGETALL`, `XINFO`) as a record of own properties. */
export function fieldsRecord(flat: readonly string[] | null): Record<string, string> {
  const pairs: [string, string][] = [];
  for (let i = 0; flat && i + 1 < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  return Object.fromEntries(pairs);
}

/** Waits `ms`, or less when the signal is aborted. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The promise's value, or undefined as soon as the signal is aborted (the promise is then left to settle alone). */
export function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T | undefined> {
  if (!signal) return promise;
  promise.catch(() => undefined);
  return new Promise((resolve, reject) => {
    if (signal.aborted) return resolve(undefined);
    const abort = () => resolve(undefined);
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}
