/**
 * A minimal Redis client (RESP2, and the RESP3 types a `HELLO 3` connection receives) over TCP for the tests:
 * commands in order, replies parsed, error replies returned as values (the tests assert on refusals). Pipelining:
 * `pipeline` writes many commands before reading the replies. RESP3 push messages (`>`, e.g. client-tracking
 * invalidations) answer no command: they are collected in `pushes`. RESP3 types per redis/redis docs/reference
 * protocol-spec (maps are read as flat arrays, booleans as 1/0, doubles and big numbers as strings).
 */
import { connect, type Socket } from 'node:net';

export type Reply = string | number | null | RedisError | Reply[];

export class RedisError {
  constructor(readonly message: string) {}
  toString(): string {
    return `RedisError(${this.message})`;
  }
}

function encode(args: readonly (string | number | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const data = Buffer.isBuffer(arg) ? arg : Buffer.from(String(arg));
    parts.push(Buffer.from(`$${data.length}\r\n`), data, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** A RESP3 push message: out-of-band data, no command's reply. */
class Push {
  constructor(readonly items: Reply[]) {}
}

/** `count` replies from `at`, and the offset after them, or undefined when more bytes are needed. */
function parseItems(buffer: Buffer, at: number, count: number): [Reply[], number] | undefined {
  const items: Reply[] = [];
  for (let i = 0; i < count; i++) {
    const item = parse(buffer, at);
    if (!item) return undefined;
    if (item[0] instanceof Push) throw new Error('a RESP3 push message inside an aggregate reply');
    items.push(item[0]);
    at = item[1];
  }
  return [items, at];
}

/** Parses one reply at `offset`; returns it and the offset after it, or undefined when more bytes are needed. */
function parse(buffer: Buffer, offset: number): [Reply | Push, number] | undefined {
  const end = buffer.indexOf('\r\n', offset);
  if (end < 0) return undefined;
  const line = buffer.toString('utf8', offset + 1, end);
  const next = end + 2;
  const type = String.fromCharCode(buffer[offset]);
  switch (type) {
    case '+':
      return [line, next];
    case '-':
      return [new RedisError(line), next];
    case ':':
      return [Number(line), next];
    case '_':
      return [null, next];
    case '#':
      return [line === 't' ? 1 : 0, next];
    case ',':
    case '(':
      return [line, next];
    case '$':
    case '=':
    case '!': {
      const length = Number(line);
      if (length < 0) return [null, next];
      if (buffer.length < next + length + 2) return undefined;
      const text = buffer.toString('utf8', next, next + length);
      const value = type === '!' ? new RedisError(text) : type === '=' ? text.slice(4) : text;
      return [value, next + length + 2];
    }
    case '*':
    case '~':
    case '>':
    case '%': {
      const count = Number(line) * (type === '%' ? 2 : 1);
      if (count < 0) return [null, next];
      const items = parseItems(buffer, next, count);
      if (!items) return undefined;
      return [type === '>' ? new Push(items[0]) : items[0], items[1]];
    }
    default:
      throw new Error(`unexpected RESP type byte ${buffer[offset]}`);
  }
}

export class RedisConnection {
  private buffer = Buffer.alloc(0);
  private readonly waiting: ((reply: Reply) => void)[] = [];
  /** The RESP3 push messages received so far, oldest first. */
  readonly pushes: Reply[][] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      let offset = 0;
      for (let parsed = parse(this.buffer, offset); parsed; parsed = parse(this.buffer, offset)) {
        offset = parsed[1];
        const [reply] = parsed;
        if (reply instanceof Push) this.pushes.push(reply.items);
        else this.waiting.shift()?.(reply);
      }
      this.buffer = this.buffer.subarray(offset);
    });
  }

  static open(port: number, host = '127.0.0.1'): Promise<RedisConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, host);
      socket.once('connect', () => resolve(new RedisConnection(socket)));
      socket.once('error', reject);
    });
  }

  command(...args: (string | number | Buffer)[]): Promise<Reply> {
    const reply = new Promise<Reply>((resolve) => this.waiting.push(resolve));
    this.socket.write(encode(args));
    return reply;
  }

  /** Sends every command, then waits for all replies. */
  pipeline(commands: readonly (string | number | Buffer)[][]): Promise<Reply[]> {
    const replies = commands.map(() => new Promise<Reply>((resolve) => this.waiting.push(resolve)));
    this.socket.write(Buffer.concat(commands.map(encode)));
    return Promise.all(replies);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** INFO output as a map (`used_memory` → `123`). */
export function infoFields(info: Reply): Map<string, string> {
  return new Map(
    String(info)
      .split('\r\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)] as [string, string]),
  );
}
