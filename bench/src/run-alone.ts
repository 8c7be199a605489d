// What each `npm run bench:<section>` does around its section: build what it runs, run it with the
// bench's MySQL and Redis, print its report, and stop every child process however it ends.
import { join } from 'node:path';
import { finish, ROOT, start, stopAll } from './processes';

/** `nx run-many -t build` for these projects (their production builds). */
export async function buildForBench(projects: string[]): Promise<void> {
  const built = await finish(
    start([join(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', ...projects], {
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
    }),
  );
  if (built !== 0) throw new Error('build failed');
}

/** Runs one section and prints its report; a failure sets the exit code. */
export function runAlone(section: () => Promise<string>): void {
  section()
    .then((report) => console.log(`\n${report}`))
    .catch((error: unknown) => {
      console.error(`bench failed: ${(error as Error).message}`);
      process.exitCode = 1;
    })
    .finally(stopAll);
}
