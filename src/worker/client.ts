import { createHash } from 'node:crypto';

/**
 * The part of a Redis client the queue uses. Commands go through `call`, so the queue does not
 * depend on the client's typed command helpers, and ioredis's types never reach the declarations
 * that chaperone ships (a consumer without ioredis installed still type-checks).
 */
export interface RedisClient {
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
  quit(): Promise<unknown>;
  disconnect(): void;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** The package the queue commands load when they start, and only then. */
export const REDIS_CLIENT_PACKAGE = 'ioredis';

/**
 * Thrown when the Redis client package is not installed: it is an optional peer dependency of
 * chaperone, needed only by the worker, `enqueue` and `collect`.
 */
export class MissingRedisClientError extends Error {
  override readonly name = 'MissingRedisClientError';
  constructor() {
    super(
      `the Redis client package "${REDIS_CLIENT_PACKAGE}" is not installed; chaperone's worker, enqueue and collect need it: ` +
        `npm install ${REDIS_CLIENT_PACKAGE}`,
    );
  }
}

/** A stream or key that is not what the queue needs (a key of another type, a results stream that answers another input). */
export class QueueSetupError extends Error {
  override readonly name = 'QueueSetupError';
}

type RedisConstructor = new (url: string, options: Record<string, unknown>) => RedisClient;

let loaded: Promise<RedisConstructor> | undefined;

/** Loads ioredis on first use; a missing package is a {@link MissingRedisClientError}. */
export function loadRedisClient(): Promise<RedisConstructor> {
  loaded ??= import(REDIS_CLIENT_PACKAGE).then(
    (module: { default?: unknown; Redis?: unknown }) => (module.Redis ?? (module.default as { Redis?: unknown })?.Redis ?? module.default) as RedisConstructor,
    (error: NodeJS.ErrnoException) => {
      loaded = undefined;
      if (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'MODULE_NOT_FOUND') throw new MissingRedisClientError();
      throw error;
    },
  );
  return loaded;
}

/**
 * Checks a Redis URL and returns it without its password, for messages: `redis://` or
 * `rediss://` (TLS), with user and password when the server wants them. Throws a `TypeError`.
 */
export function describeRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`not a Redis URL: "${url}" (expected redis://[user:password@]host[:port][/db] or rediss://…)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new TypeError(`not a Redis URL: "${parsed.protocol}" (expected redis:// or rediss://)`);
  }
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** How a client reports trouble with its connection: one line, at most every few seconds. */
export type Log = (line: string) => void;

/**
 * Connects to Redis. A connection that drops is made again, for as long as it takes, and the
 * commands waiting on it are sent again once it is back: a worker outlives a Redis restart. So
 * every command must be safe to run twice (the queue's scripts are).
 */
export async function connectRedis(url: string, name: string, log: Log): Promise<RedisClient> {
  const where = describeRedisUrl(url);
  const Redis = await loadRedisClient();
  const client = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: null,
    autoResendUnfulfilledCommands: true,
    retryStrategy: (times: number) => Math.min(100 * times, 2000),
  });
  let lastLogged = 0;
  let down = false;
  const lost = (why: string) => {
    down = true;
    const now = Date.now();
    if (now - lastLogged < 5000) return;
    lastLogged = now;
    log(`Redis at ${where}: ${why}; retrying`);
  };
  client.on('error', (error) => lost((error as Error).message));
  client.on('reconnecting', () => lost('connection lost'));
  client.on('ready', () => {
    if (!down) return;
    down = false;
    lastLogged = 0;
    log(`Redis at ${where}: connected again`);
  });
  return client;
}

/** A Lua script run by its SHA, sent again in full when the server does not have it (after a restart). */
export interface Script {
  run(client: RedisClient, keys: readonly string[], args: readonly (string | number)[]): Promise<unknown>;
}

/** Makes a {@link Script} of Lua source. */
export function createScript(source: string): Script {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    async run(client, keys, args) {
      try {
        return await client.call('EVALSHA', sha, keys.length, ...keys, ...args);
      } catch (error) {
        if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
        return client.call('EVAL', source, keys.length, ...keys, ...args);
      }
    },
  };
}
