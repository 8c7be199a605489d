// `npx tsx infra/tests/support/format-terraform.mts [--write]`: what `terraform fmt -recursive`
// does, for machines without Terraform. Lists (or rewrites) every .tf/.tfvars/.backend.hcl file under infra/
// that @cdktf/hcl-tools would format differently; exits 1 when any is listed without --write.
import { format } from '@cdktf/hcl-tools';
import { readFileSync, writeFileSync } from 'node:fs';
import { displayPath, hclFiles } from './terraform';

async function main(write: boolean): Promise<number> {
  let unformatted = 0;
  for (const file of hclFiles()) {
    const source = readFileSync(file, 'utf8');
    const formatted = await format(source);
    if (formatted === source) continue;
    unformatted += 1;
    if (write) writeFileSync(file, formatted);
    console.log(`${write ? 'formatted' : 'not formatted'}: ${displayPath(file)}`);
  }
  return unformatted > 0 && !write ? 1 : 0;
}

main(process.argv.includes('--write')).then((code) => {
  process.exitCode = code;
});
