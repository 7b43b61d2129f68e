# syntax=docker/dockerfile:1
# Stegvis: one image, two processes (see docker-compose.yml):
#   api     node dist/apps/api/apps/api/src/main.js      (the default command)
#   worker  node dist/apps/worker/apps/worker/src/main.js
# plus the event-log tool: node dist/tools/scripts/event-log.js (docs/production.md).

ARG NODE_IMAGE=node:20-bookworm-slim

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
COPY tsconfig.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts

RUN npm run build
# The event-log tool runs without ts tooling in production: compile it (and what it imports,
# all by relative path) to plain JavaScript.
RUN npx tsc scripts/event-log.ts --outDir dist/tools --rootDir . \
      --module commonjs --moduleResolution node --target es2022 \
      --esModuleInterop --skipLibCheck --strict
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
COPY --from=build /app/apps/api/src/dashboard/assets ./apps/api/src/dashboard/assets

USER node
EXPOSE 3000
VOLUME ["/data"]
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
