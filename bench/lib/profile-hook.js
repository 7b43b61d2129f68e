// Loaded into API processes with BENCH_PROFILE_DIR set (NODE_OPTIONS refuses --cpu-prof): writes
// a V8 CPU profile of the whole process life when it exits. Open it in Chrome DevTools.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
process.on('exit', () => {
  // In-process sessions answer synchronously, so this completes before the process ends.
  session.post('Profiler.stop', (error, result) => {
    if (error) return;
    const file = join(process.env.BENCH_PROFILE_DIR, `api-${process.pid}.cpuprofile`);
    writeFileSync(file, JSON.stringify(result.profile));
  });
});
