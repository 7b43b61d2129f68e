/**
 * The image's HEALTHCHECK: healthy when the Stegvis process of this container answers ready on
 * its port, the API on PORT or the worker on WORKER_PORT (one image runs either, and the other
 * port is simply not listened on). Settings are read by the same rules as the processes.
 */
import { loadConfig } from '@stegvis/config';

const TIMEOUT_MS = 4_000;

async function ready(port: number): Promise<void> {
  const answer = await fetch(`http://127.0.0.1:${port}/health/ready`, {
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!answer.ok) throw new Error(`port ${port}: ${answer.status}`);
}

const config = loadConfig();
Promise.any([ready(config.port), ready(config.workerPort)]).then(
  () => process.exit(0),
  () => process.exit(1),
);
