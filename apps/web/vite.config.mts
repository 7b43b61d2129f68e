import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The web application (DESIGN §8), built at build time into dist/web as static files that
 * apps/api serves. Assets live under /static/ because /assets/ still belongs to the old
 * dashboard at `/`.
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@stegvis/domain': `${repository}libs/domain/src/index.ts`,
    },
  },
  build: {
    outDir: `${repository}dist/web`,
    emptyOutDir: true,
    assetsDir: 'static',
    // The API's CSP allows no inline code: keep even tiny assets as files.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
    // React, the router and zod make the first chunk ≈ 420 kB; the report's Chart.js loads apart.
    chunkSizeWarningLimit: 700,
  },
  logLevel: 'warn',
});
