/** Removes this run's build of the app (each run builds its own copy on its own port). */
import { rmSync } from 'node:fs';

export default function teardown(): void {
  const port = process.env.FAULTLINE_E2E_PORT;
  if (port !== undefined) rmSync(`node_modules/.cache/faultline-e2e-${port}`, { recursive: true, force: true });
}
