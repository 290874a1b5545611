/**
 * The hostile clients of the attacks scenario, run in their own process
 * (`node --import tsx attackers.ts <attack> <url>`) so that their work never
 * shares an event loop with the measured pinger. Says "ready" over IPC once
 * attacking; runs until killed.
 */
import { connect, type Socket } from 'node:net';
import { BASE_HEADERS, openSession as open } from '../lib/mcp-http.js';

/** The loads, by name. */
export type Attack = 'big bodies' | 'slow readers' | 'subscribe flood';

/** A session to attack from; a server too busy to open one is attacked without (its answers are errors). */
const openSession = (url: string): Promise<Record<string, string>> => open(url).catch(() => ({}));

const rpc = (id: number, method: string, params?: object) =>
  JSON.stringify(params ? { jsonrpc: '2.0', id, method, params } : { jsonrpc: '2.0', id, method });

/** POSTs one body and reads the answer whole; failures (413, errors) are part of the attack and ignored. */
export const send = async (url: string, headers: Record<string, string>, body: string) => {
  try {
    const response = await fetch(url, { method: 'POST', headers: { ...BASE_HEADERS, ...headers }, body });
    await response.arrayBuffer();
  } catch {
    // A refused or dropped attacker is the server defending itself.
  }
};

/** Runs `lanes` copies of `step` back to back until `stop()`; resolves when all stopped. */
const loop = (lanes: number, step: (lane: number, i: number) => Promise<void>) => {
  let running = true;
  const done = Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; running; i++) await step(lane, i);
    }),
  );
  return async () => {
    running = false;
    await done;
  };
};

/** Sockets that pipeline `count` pings each and never read: the server's answers pile up. */
const slowReaders = (url: string, headers: Record<string, string>, sockets: number, count: number) => {
  const { hostname, port, pathname } = new URL(url);
  const open: Socket[] = [];
  for (let s = 0; s < sockets; s++) {
    const socket = connect(Number(port), hostname, () => {
      const head = Object.entries({ ...BASE_HEADERS, ...headers, host: `${hostname}:${port}` })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      let batch = '';
      for (let i = 0; i < count; i++) {
        const body = rpc(i, 'ping');
        batch += `POST ${pathname} HTTP/1.1\r\n${head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
      }
      socket.write(batch);
    });
    socket.pause();
    socket.on('error', () => {});
    open.push(socket);
  }
  return async () => {
    for (const socket of open) socket.destroy();
  };
};

/** Starts `attack` on `url`; resolves to its stop function once it runs. */
export const startAttack = async (attack: Attack, url: string): Promise<() => Promise<void>> => {
  if (attack === 'big bodies') {
    const lanes = await Promise.all([openSession(url), openSession(url)]);
    const pad = `[${'{},'.repeat(1_300_000)}{}]`;
    const body = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"add","arguments":{"a":1,"b":2,"pad":${pad}}}}`;
    return loop(2, (lane) => send(url, lanes[lane] as Record<string, string>, body));
  }
  if (attack === 'slow readers') return slowReaders(url, await openSession(url), 8, 5000);
  const lanes = await Promise.all(Array.from({ length: 4 }, () => openSession(url)));
  const filler = 'x'.repeat(4096);
  return loop(4, (lane, i) =>
    send(
      url,
      lanes[lane] as Record<string, string>,
      rpc(i, 'resources/subscribe', { uri: `flood://${lane}/${i}/${filler}` }),
    ),
  );
};

if (process.send) {
  const [attack, url] = process.argv.slice(2) as [Attack, string];
  await startAttack(attack, url);
  process.send('ready');
}
