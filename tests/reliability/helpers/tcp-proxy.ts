import { type Server, type Socket, connect, createServer } from 'node:net';
import { aliasTestPort } from '../../helpers/auth';

interface Pair {
  client: Socket;
  upstream: Socket | null;
}

/**
 * A loopback TCP proxy the test controls, standing in for the network between a client and the server:
 * - `blackhole()`: nothing passes either way (existing and new connections stall, as on a dead Wi-Fi link;
 *   bytes wait in the kernel's buffers), until `heal()` lets everything through again;
 * - `drop()`: every connection is closed cleanly (FIN), as when a NAT box forgets them;
 * - `reset()`: every connection is reset (RST), as when a router reboots.
 */
export class TcpProxy {
  private pairs = new Set<Pair>();
  private blackholed = false;
  connections = 0;

  private constructor(private readonly server: Server, readonly port: number, private readonly targetPort: number) {
    server.on('connection', (client) => this.accept(client));
  }

  static start(targetPort: number): Promise<TcpProxy> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (typeof address !== 'object' || !address) return reject(new Error('proxy has no address'));
        aliasTestPort(address.port, targetPort); // clients of the proxy sign in to the server behind it
        resolve(new TcpProxy(server, address.port, targetPort));
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  blackhole(): void {
    this.blackholed = true;
    for (const pair of this.pairs) this.stall(pair);
  }

  heal(): void {
    this.blackholed = false;
    for (const pair of this.pairs) this.flow(pair);
  }

  drop(): void {
    for (const pair of this.pairs) {
      pair.client.destroySoon();
      pair.upstream?.destroySoon();
    }
  }

  reset(): void {
    for (const pair of this.pairs) {
      pair.client.resetAndDestroy();
      pair.upstream?.resetAndDestroy();
    }
  }

  close(): Promise<void> {
    this.reset();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.connections++;
    const pair: Pair = { client, upstream: null };
    this.pairs.add(pair);
    client.setNoDelay(true);
    const forget = () => {
      this.pairs.delete(pair);
      client.destroy();
      pair.upstream?.destroy();
    };
    client.on('error', forget);
    client.on('close', forget);
    if (this.blackholed) this.stall(pair);
    else this.flow(pair);
  }

  /** Stops forwarding and reading; a connection accepted meanwhile is not even connected upstream yet. */
  private stall(pair: Pair): void {
    pair.client.unpipe();
    pair.upstream?.unpipe();
    pair.client.pause();
    pair.upstream?.pause();
  }

  private flow(pair: Pair): void {
    if (!pair.upstream) {
      const upstream = connect(this.targetPort, '127.0.0.1');
      upstream.setNoDelay(true);
      upstream.on('error', () => pair.client.destroy());
      upstream.on('close', () => pair.client.destroy());
      pair.upstream = upstream;
    }
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  }
}
