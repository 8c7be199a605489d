// A thread of a batch run: checks the projects it is handed, one after another, sharing parsed files.
import { parentPort, workerData } from 'node:worker_threads';
import { checkConfigs, createSharedFiles } from './check-configs.ts';
import type { ProjectCheck, ProjectChecked } from './messages.ts';

const root = (workerData as { root: string }).root;
const shared = createSharedFiles(root);

parentPort?.on('message', ({ task, tsConfigs }: ProjectCheck) => {
  const startTime = Date.now();
  let answer: ProjectChecked;
  try {
    const { ok, output } = checkConfigs(root, tsConfigs, shared);
    answer = { task, success: ok, terminalOutput: output, startTime, endTime: Date.now() };
  } catch (error) {
    const terminalOutput = `${(error as Error).stack ?? String(error)}\n`;
    answer = { task, success: false, terminalOutput, startTime, endTime: Date.now() };
  }
  parentPort?.postMessage(answer);
});
