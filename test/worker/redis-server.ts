import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether a `redis-server` binary is on the PATH (`.ci/run` installs one when it is not). */
export const redisServerAvailable = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A real redis-server on a free loopback port, with its data in a directory of its own. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** SHUTDOWN (which writes the append-only file when it is on), and waits for the process to exit. */
  shutdown(): Promise<void>;
  /** Starts the server again on the same port and directory. */
  start(): Promise<void>;
  /** Stops the server for good and removes its directory. */
  close(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Sends one inline command and resolves to the first reply line (or '' when the server closes the connection). */
export function command(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let reply = '';
    socket.once('error', reject);
    socket.on('data', (chunk) => {
      reply += String(chunk);
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.slice(0, reply.indexOf('\r\n')));
      }
    });
    socket.on('close', () => resolve(reply));
    socket.write(`${text}\r\n`);
  });
}

/** Starts redis-server; `appendonly` makes it persist every write to disk, so a restart keeps them. */
export async function startRedisServer(options: { appendonly?: boolean; args?: readonly string[] } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'chaperone-redis-'));
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--daemonize', 'no',
    '--appendonly', options.appendonly ? 'yes' : 'no', '--logfile', join(dir, 'redis.log'), ...(options.args ?? []),
  ];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const start = async () => {
    const started = spawn('redis-server', args, { stdio: 'ignore' });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      const reply = await command(port, 'PING').catch(() => '');
      // -LOADING while it reads the append-only file back.
      if (reply === '+PONG' || reply.startsWith('-NOAUTH')) return;
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start (see ${dir}/redis.log)`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    start,
    async shutdown() {
      await command(port, 'SHUTDOWN').catch(() => '');
      await exited;
    },
    async close() {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
