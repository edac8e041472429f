/**
 * A minimal Redis client (RESP2 over TCP) for the tests: commands in order, replies parsed, error replies returned
 * as values (the tests assert on refusals). Pipelining: `pipeline` writes many commands before reading the replies.
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

/** Parses one reply at `offset`; returns it and the offset after it, or undefined when more bytes are needed. */
function parse(buffer: Buffer, offset: number): [Reply, number] | undefined {
  const end = buffer.indexOf('\r\n', offset);
  if (end < 0) return undefined;
  const line = buffer.toString('utf8', offset + 1, end);
  const next = end + 2;
  switch (String.fromCharCode(buffer[offset])) {
    case '+':
      return [line, next];
    case '-':
      return [new RedisError(line), next];
    case ':':
      return [Number(line), next];
    case '$': {
      const length = Number(line);
      if (length < 0) return [null, next];
      if (buffer.length < next + length + 2) return undefined;
      return [buffer.toString('utf8', next, next + length), next + length + 2];
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return [null, next];
      const items: Reply[] = [];
      let at = next;
      for (let i = 0; i < count; i++) {
        const item = parse(buffer, at);
        if (!item) return undefined;
        items.push(item[0]);
        at = item[1];
      }
      return [items, at];
    }
    default:
      throw new Error(`unexpected RESP type byte ${buffer[offset]}`);
  }
}

export class RedisConnection {
  private buffer = Buffer.alloc(0);
  private readonly waiting: ((reply: Reply) => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      let offset = 0;
      for (let parsed = parse(this.buffer, offset); parsed; parsed = parse(this.buffer, offset)) {
        offset = parsed[1];
        this.waiting.shift()?.(parsed[0]);
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
