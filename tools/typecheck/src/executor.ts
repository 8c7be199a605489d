// `nx typecheck <project>` alone: its tsconfigs in this process, one after another.
import type { ExecutorContext } from '@nx/devkit';
import { checkConfigs, createSharedFiles } from './check-configs.ts';
import type { TypecheckOptions } from './messages.ts';

export default async function typecheck(
  options: TypecheckOptions,
  context: ExecutorContext,
): Promise<{ success: boolean }> {
  const { ok, output } = checkConfigs(context.root, options.tsConfigs, createSharedFiles(context.root));
  process.stdout.write(output);
  return { success: ok };
}
