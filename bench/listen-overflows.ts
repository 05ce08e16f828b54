// Why a burst's slowest answers take about one second: when a server does not accept() fast
// enough, its queue of finished handshakes (node's default backlog is 511) fills up, Linux drops
// the next connections' packets, and those clients retry after a second. Linux counts each drop
// in /proc/net/netstat (TcpExt ListenOverflows, ListenDrops). The counters are machine-wide: a
// neighbour's drops during the same burst count too; on loopback in a one-second burst, ours dominate.
import { readFileSync } from 'node:fs';

/** ListenDrops so far (it includes ListenOverflows), or null off Linux. */
export function listenDrops(): number | null {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n');
    for (let i = 0; i + 1 < lines.length; i++) {
      if (!lines[i]!.startsWith('TcpExt:') || !lines[i + 1]!.startsWith('TcpExt:')) continue;
      const names = lines[i]!.split(/\s+/);
      const values = lines[i + 1]!.split(/\s+/);
      const index = names.indexOf('ListenDrops');
      return index === -1 ? null : Number(values[index]);
    }
    return null;
  } catch {
    return null;
  }
}
