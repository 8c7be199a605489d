// infra/scripts/kibana-import.sh: the deploy step that puts infra/kibana/saved-objects.ndjson into an
// environment's Kibana. A stand-in curl on PATH records how it was called and answers as Kibana's
// saved objects import API does, so the request and the handling of each answer are checked here.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { infraPath } from './support/terraform';

const SCRIPT = infraPath('scripts', 'kibana-import.sh');
const OBJECTS = infraPath('kibana', 'saved-objects.ndjson');

describe('kibana-import.sh imports the saved objects through Kibana’s import API', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'infra-kibana-'));
  const calls = join(scratch, 'calls.log');
  const stdin = join(scratch, 'stdin.log');
  writeFileSync(
    join(scratch, 'curl'),
    [
      '#!/bin/bash',
      'printf "%s\\n" "$*" >>"$CURL_CALLS"',
      'cat >>"$CURL_STDIN"',
      '[[ -n ${CURL_FAIL:-} ]] && { echo "curl: (7) Failed to connect" >&2; exit 7; }',
      'printf "%s\\n%s" "$CURL_BODY" "$CURL_STATUS"',
      '',
    ].join('\n'),
  );
  chmodSync(join(scratch, 'curl'), 0o755);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const run = (env: Record<string, string>, file = OBJECTS) => {
    rmSync(calls, { force: true });
    rmSync(stdin, { force: true });
    const result = spawnSync('bash', [SCRIPT, file], {
      encoding: 'utf8',
      env: {
        PATH: `${scratch}:/usr/bin:/bin`,
        CURL_CALLS: calls,
        CURL_STDIN: stdin,
        KIBANA_URL: 'https://kibana.example.test/',
        KIBANA_API_KEY: 'c2VjcmV0LWtleQ==',
        CURL_STATUS: '200',
        CURL_BODY: JSON.stringify({ success: true, successCount: 18, successResults: [] }),
        ...env,
      },
    });
    return {
      ...result,
      calls: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [],
      stdin: existsSync(stdin) ? readFileSync(stdin, 'utf8') : '',
    };
  };

  it('posts the NDJSON as a form file to /api/saved_objects/_import?overwrite=true with the API key on stdin, not argv', () => {
    const result = run({});

    expect(result.status, result.stderr).toBe(0);
    expect(result.calls).toEqual([
      `--silent --show-error --config - --request POST https://kibana.example.test/api/saved_objects/_import?overwrite=true --header kbn-xsrf: true --form file=@${OBJECTS} --write-out \\n%{http_code}`,
    ]);
    expect(result.stdin).toBe('header = "Authorization: ApiKey c2VjcmV0LWtleQ=="\n');
    expect(result.calls.join('\n')).not.toContain('c2VjcmV0LWtleQ==');
    expect(result.stderr).toContain('imported 18 saved objects');
  });

  it('imports into a Kibana space when KIBANA_SPACE names one', () => {
    const result = run({ KIBANA_SPACE: 'analytics' });

    expect(result.status, result.stderr).toBe(0);
    expect(result.calls[0]).toContain(
      'https://kibana.example.test/s/analytics/api/saved_objects/_import?overwrite=true',
    );
  });

  it('fails the deploy and lists each object Kibana refused', () => {
    const result = run({
      CURL_BODY: JSON.stringify({
        success: false,
        successCount: 17,
        errors: [{ id: 'showroom-es-heap', type: 'lens', error: { type: 'unknown', message: 'bad state' } }],
      }),
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('lens/showroom-es-heap: unknown bad state');
    expect(result.stderr).toContain('Kibana refused the saved objects listed above');
  });

  it('fails the deploy on an HTTP error, showing Kibana’s answer', () => {
    const result = run({ CURL_STATUS: '401', CURL_BODY: '{"statusCode":401,"message":"unauthorized"}' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Kibana answered 401: {"statusCode":401,"message":"unauthorized"}');
  });

  it('fails the deploy when Kibana cannot be reached', () => {
    const result = run({ CURL_FAIL: '1' });

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('could not be reached');
  });

  it('refuses to run without KIBANA_URL or KIBANA_API_KEY, or without the file, before calling Kibana', () => {
    expect(run({ KIBANA_URL: '' }).stderr).toContain('KIBANA_URL is not set');
    expect(run({ KIBANA_API_KEY: '' }).stderr).toContain('KIBANA_API_KEY is not set');
    const missing = run({}, join(scratch, 'nothing.ndjson'));
    expect(missing.stderr).toContain('no saved objects file');
    expect(missing.status).toBe(1);
    expect(missing.calls).toEqual([]);
  });
});
