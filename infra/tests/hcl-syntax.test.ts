// 1. Every Terraform file parses with HashiCorp's HCL parser (what `terraform init` would read).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayPath, hclFiles, parseHcl } from './support/terraform';

const files = hclFiles();

describe('HCL syntax', () => {
  it('finds the Terraform of every module and environment', () => {
    expect(files.filter((file) => file.endsWith('.tf')).length).toBeGreaterThan(60);
    expect(files.filter((file) => file.endsWith('.tfvars')).length).toBe(5);
    expect(files.filter((file) => file.endsWith('.backend.hcl')).length).toBe(4);
  });

  it.each(files.map((file) => [displayPath(file), file]))('%s parses', async (_label, file) => {
    const document = await parseHcl(displayPath(file), readFileSync(file, 'utf8'));
    expect(Object.keys(document).length).toBeGreaterThan(0);
  });

  it('rejects a file with a syntax error, naming the line', async () => {
    const broken = 'resource "aws_s3_bucket" "this" {\n  bucket = \n}\n';
    await expect(parseHcl('broken.tf', broken)).rejects.toThrow(/broken\.tf:2.*Invalid expression/);
  });

  it('rejects an unclosed block', async () => {
    await expect(parseHcl('unclosed.tf', 'module "network" {\n  source = "../network"\n')).rejects.toThrow(
      /unclosed\.tf/,
    );
  });
});
