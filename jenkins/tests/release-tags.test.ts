import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const jenkinsfile = readFileSync(join(root, 'Jenkinsfile'), 'utf8');
const ecr = readFileSync(join(root, 'jenkins', 'vars', 'showroomEcr.groovy'), 'utf8');

describe('release images survive ECR lifecycle rules', () => {
  it('beta and prod deployments tag the images with the release (git) tag; qa does not', () => {
    const deploys = [...jenkinsfile.matchAll(/deployServices\(environment: '(\w+)'.*$/gm)];
    const byEnvironment = Object.fromEntries(deploys.map((m) => [m[1], m[0]]));
    expect(byEnvironment['beta']).toContain('releaseTag: env.TAG_NAME');
    expect(byEnvironment['prod']).toContain('releaseTag: env.TAG_NAME');
    expect(byEnvironment['qa']).not.toContain('releaseTag');
  });

  it('re-tags the existing manifest (no rebuild, no docker push)', () => {
    expect(ecr).toMatch(/aws ecr batch-get-image/);
    expect(ecr).toMatch(/aws ecr put-image/);
    expect(ecr.slice(ecr.indexOf('def tagRelease'))).not.toMatch(/docker (build|push)/);
  });
});
