import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CapturedPage {
  file: string;
  contentType: string;
  bytes: number;
}

/** One answer of `url`, kept byte for byte, for the baseline server to send as it is. */
export async function captureListPage(url: string, headers: Record<string, string>): Promise<CapturedPage> {
  const res = await fetch(url, { headers: { ...headers, 'accept-encoding': 'identity' } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  const file = join(tmpdir(), `showroom-bench-list-page-${process.pid}.json`);
  writeFileSync(file, body);
  return { file, contentType: res.headers.get('content-type') ?? 'application/json', bytes: body.length };
}
