# syntax=docker/dockerfile:1
# Stegvis: one image, two processes (see docker-compose.yml):
#   api     node dist/apps/api/main.js     (the default command)
#   worker  node dist/apps/worker/main.js
# plus the event-log tool: node dist/tools/scripts/event-log.js (docs/production.md).
# `npm test` builds the same way (npm run build) and checks that every command the compose files,
# this file and docs/production.md run is in the build (test/process/built-image.e2e.spec.ts).

# Node 26 is the Active LTS line (from 2026-10-28 to 2027-10-20; end of life 2029-04-30);
# better-sqlite3 12.x ships prebuilt binaries for it, the other native packages use N-API.
ARG NODE_IMAGE=node:26-trixie-slim

# ---- build: full dependencies, compile, then drop the dev dependencies -----------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# better-sqlite3 downloads a prebuilt binary when one matches; the toolchain is the fallback
# for platforms without one. It stays in this stage only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*

COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Only the sources: the build context may hold a host node_modules (other platform) and data/.
COPY tsconfig.json tsconfig.tools.json nest-cli.json webpack.config.js ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts

# Every app (api, worker) and the event-log tool, compiled to plain JavaScript.
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies and compiled code, as a non-root user ------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app

# The node image's unprivileged user owns only the data directory; the code is read-only to it.
RUN mkdir -p /data && chown node:node /data
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

USER node
# 3000: the API (PORT); 3001: a worker's health and metrics (WORKER_PORT).
EXPOSE 3000 3001
VOLUME ["/data"]
# Healthy when this container's process, API or worker, answers ready on its own port.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "dist/apps/worker/healthcheck.js"]
CMD ["node", "dist/apps/api/main.js"]
