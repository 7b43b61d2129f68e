#!/usr/bin/env node
// The npm registry this project's machines reach serves only the linux-x64 builds of packages
// with per-platform optional dependencies (@swc/core, unrs-resolver, msgpackr-extract), so
// `npm install` leaves the other platforms out of package-lock.json, and `npm ci` then refuses
// the lockfile. This adds those entries back as optional packages for other platforms, which
// `npm ci` skips here. Run it after every `npm install`: `npm run lock:complete`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = [
  'darwin',
  'win32',
  'linux',
  'android',
  'freebsd',
  'openharmony',
  'sunos',
  'netbsd',
  'openbsd',
  'aix',
];
const CPU = [
  'arm64',
  'x64',
  'ia32',
  'arm',
  'ppc64',
  's390x',
  'riscv64',
  'loong64',
  'wasm32',
  'mips64el',
];
const platformOf = (name) => {
  const base = name.split('/').pop();
  const os = OS.find((o) => base.includes(`-${o}`));
  const cpu = CPU.find((c) => base.includes(`-${c}`));
  const libc = /-(gnu|gnueabihf)$/.test(base)
    ? 'glibc'
    : /-musl(eabihf)?$/.test(base)
      ? 'musl'
      : undefined;
  return { os, cpu, libc };
};

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const prefix = path === '' ? '' : `${path}/`;
    if (packages[`${prefix}node_modules/${name}`] || packages[`node_modules/${name}`]) continue;
    const { os, cpu, libc } = platformOf(name);
    packages[`node_modules/${name}`] = {
      version,
      ...(pkg.dev ? { dev: true } : {}),
      optional: true,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(os ? { os: [os] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`package-lock.json: ${added} optional platform packages recorded\n`);
