// `nx run-many -t typecheck`: Nx hands every project's typecheck to this one process (the executor
// prefers batches), which checks them on one thread per core. Each thread parses node_modules'
// declarations once for all the projects it checks, where a tsc per tsconfig parsed them ~40 times.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ExecutorContext, TaskGraph } from '@nx/devkit';
import type { ProjectCheck, ProjectChecked, TypecheckOptions } from './messages.ts';

export interface BatchResult {
  task: string;
  result: Omit<ProjectChecked, 'task'>;
}

export default async function* typecheckBatch(
  _taskGraph: TaskGraph,
  inputs: Record<string, TypecheckOptions>,
  _overrides: unknown,
  context: ExecutorContext,
): AsyncGenerator<BatchResult> {
  // In path order, so the projects one thread checks in a row (libraries, then services...) share the most.
  const queue: ProjectCheck[] = Object.entries(inputs)
    .map(([task, options]) => ({ task, tsConfigs: options.tsConfigs }))
    .sort((a, b) => String(a.tsConfigs[0]).localeCompare(String(b.tsConfigs[0])));
  const total = queue.length;
  const checked: ProjectChecked[] = [];
  let crash: Error | undefined;
  let wake: (() => void) | undefined;

  const threads = Array.from({ length: Math.max(1, Math.min(total, availableParallelism())) }, () => {
    const thread = new Worker(new URL('./check-worker.ts', import.meta.url), {
      workerData: { root: context.root },
    });
    const handOut = () => {
      const next = queue.shift();
      if (next) thread.postMessage(next);
      else void thread.terminate();
    };
    thread.on('message', (answer: ProjectChecked) => {
      checked.push(answer);
      wake?.();
      handOut();
    });
    thread.on('error', (error) => {
      crash = error;
      wake?.();
    });
    handOut();
    return thread;
  });

  try {
    for (let reported = 0; reported < total;) {
      const answer = checked.shift();
      if (answer) {
        const { task, ...result } = answer;
        reported++;
        yield { task, result };
      } else if (crash) {
        throw crash;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}
