/**
 * Until `release` is called, SIGINT and SIGTERM abort the returned signal instead of killing the
 * process mid-line; a second signal, once the listeners are gone, kills it as usual. A signal the
 * caller gives (tests, an embedding program) is used as it is, and no listener is added.
 */
export function interruptSignal(given: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
  if (given) return { signal: given, release: () => {} };
  const controller = new AbortController();
  const release = () => {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  };
  const interrupt = () => {
    release();
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  return { signal: controller.signal, release };
}
