import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { until } from './waits';

/**
 * Where Chromium saves downloads: protractor.conf.cjs points its preferences here (and exports the
 * path as E2E_DOWNLOAD_DIR), inside the reports folder that each run empties.
 */
export function downloadDirectory(): string {
  return process.env['E2E_DOWNLOAD_DIR'] || join(__dirname, '..', 'reports', 'downloads');
}

/** Removes an earlier copy, so the file read afterwards is the one this story downloaded. */
export function forgetDownload(fileName: string): void {
  rmSync(join(downloadDirectory(), fileName), { force: true });
  mkdirSync(downloadDirectory(), { recursive: true });
}

/** Waits until Chromium has finished writing `fileName` (no `.crdownload` left) and returns its text. */
export async function downloaded(fileName: string): Promise<string> {
  const path = join(downloadDirectory(), fileName);
  await until(async () => {
    if (!existsSync(path)) return false;
    return !readdirSync(downloadDirectory()).some((name) => name.endsWith('.crdownload'));
  }, `the download of ${fileName} into ${downloadDirectory()}`);
  return readFileSync(path, 'utf8');
}
