import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Writes a report file atomically (temporary file in the same folder, then rename), so a CI
 * step that uploads it never sees half a report. Creates the folder if needed.
 */
export function writeReport(file: string, text: string, cwd: string): void {
  const target = resolve(cwd, file);
  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}
