// A database server this run starts in a folder of its own and stops again. It runs in its own
// process group, so a Ctrl-C in the terminal reaches the platform first and the server is stopped
// after the services that use it. A run that dies without stopping it leaves an owner record
// behind; the next run adopts the server from it instead of leaving it running for ever.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface PrivateServer {
  /** For messages, e.g. "MariaDB on 127.0.0.1:3307". */
  name: string;
  pid: number;
  /** The folder with its data and log. */
  dir: string;
  logFile: string;
  /** Started by an earlier run that ended without stopping it, and taken over by this one. */
  adopted: boolean;
  /** Stops it (SIGTERM, then SIGKILL if it has not exited within a minute) and waits until it is gone. */
  stop(): Promise<void>;
}

interface OwnerRecord {
  ownerPid: number;
  serverPid: number;
  command: string;
}

const OWNER_FILE = 'owner.json';
/** Each server is told to write its pid here (`--pid-file`, `--pidfile`). */
export const PID_FILE = 'server.pid';
const STOP_WITHIN_MS = 60_000;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The last lines of a log, to show why a server did not start. */
export function logTail(file: string, lines = 20): string {
  if (!existsSync(file)) return `(no log at ${file})`;
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Starts `command` in the background with its output appended to `logFile`, owned by this process. */
export function launchServer(
  name: string,
  command: string,
  args: string[],
  dir: string,
  logFile: string,
): PrivateServer & { child: ChildProcess; exited: () => boolean } {
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, { cwd: dir, detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  child.once('error', () => (exited = true));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${name}: could not run ${command}`);
  writeFileSync(
    join(dir, OWNER_FILE),
    JSON.stringify({ ownerPid: process.pid, serverPid: pid, command } satisfies OwnerRecord),
  );
  return {
    name,
    pid,
    dir,
    logFile,
    adopted: false,
    child,
    exited: () => exited,
    stop: async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WITHIN_MS);
        await exit;
        clearTimeout(timer);
      }
      rmSync(join(dir, OWNER_FILE), { force: true });
    },
  };
}

/**
 * The server an earlier run started in `dir` and left running when it died (its owner is gone, the
 * server still runs from this folder); undefined when there is none.
 */
export function adoptOrphan(name: string, dir: string, logFile: string): PrivateServer | undefined {
  let record: OwnerRecord;
  try {
    record = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as OwnerRecord;
  } catch {
    return undefined;
  }
  const { ownerPid, serverPid, command } = record;
  if (ownerPid === process.pid || isAlive(ownerPid) || !isAlive(serverPid)) return undefined;
  // The pid may belong to anything by now: it must still be the server, by its own pid file and name.
  if (pidFileOf(dir) !== serverPid || !commandLineOf(serverPid)?.includes(basename(command)))
    return undefined;
  return {
    name,
    pid: serverPid,
    dir,
    logFile,
    adopted: true,
    stop: async () => {
      await stopPid(serverPid);
      rmSync(join(dir, OWNER_FILE), { force: true });
    },
  };
}

function pidFileOf(dir: string): number | undefined {
  try {
    return Number(readFileSync(join(dir, PID_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
}

/** The process's command line (or the title it gave itself), where `ps` can tell it: Linux, macOS. */
function commandLineOf(pid: number): string | undefined {
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 });
  } catch {
    return undefined;
  }
}

async function stopPid(pid: number): Promise<void> {
  const deadline = Date.now() + STOP_WITHIN_MS;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  let killed = false;
  while (isAlive(pid)) {
    if (!killed && Date.now() > deadline) {
      killed = true;
      process.kill(pid, 'SIGKILL');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
