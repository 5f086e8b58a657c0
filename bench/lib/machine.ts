import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  nproc: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started: other work on the machine skews wall times, not ratios as much. */
  loadAverage: number;
}

export function describeMachine(): MachineInfo {
  return {
    nproc: os.availableParallelism(),
    cpu: cpuModel(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

/** os.cpus() can report an empty model in containers; /proc/cpuinfo usually has it. */
function cpuModel(): string {
  const fromOs = os.cpus()[0]?.model.trim();
  if (fromOs) return fromOs;
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1]!.trim();
  } catch {
    // not Linux
  }
  return 'unknown';
}
