// 2. Every Terraform file is formatted exactly as `terraform fmt` would leave it
//    (@cdktf/hcl-tools runs hclwrite's formatter, the one terraform fmt uses).
//    Fix with: npx tsx infra/tests/support/format-terraform.mts --write
import { format } from '@cdktf/hcl-tools';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayPath, hclFiles } from './support/terraform';

const files = hclFiles();

describe('HCL formatting', () => {
  it.each(files.map((file) => [displayPath(file), file]))('%s is formatted', async (_label, file) => {
    const source = readFileSync(file, 'utf8');
    expect(await format(source), `${displayPath(file)} differs from terraform fmt`).toBe(source);
  });

  it('detects a mis-indented, misaligned file', async () => {
    const messy = 'variable "name" {\n    type = string\n  default = "x"\n}\n';
    const formatted = await format(messy);
    expect(formatted).not.toBe(messy);
    expect(formatted).toBe('variable "name" {\n  type    = string\n  default = "x"\n}\n');
  });
});
