# syntax=docker/dockerfile:1
# Rasd in a container: `rasd serve` (the API and the web app) by default, `rasd worker` with another command.
#   docker build -t rasd .
#   docker run -p 8080:8080 -e RASD_TOKEN=… rasd                       # an embedded store in the volume /var/lib/rasd
#   docker run -e RASD_DB=postgres://… rasd worker --metrics-port 9464
# compose.yaml runs PostgreSQL, the workers and the server together.
ARG NODE_VERSION=22

# 1. Everything installed, then compiled (dist/) and the web app bundled (dist/web)
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# no scripts: prepare would build before the sources are here (and esbuild's binary comes from its optional package)
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts scripts
COPY src src
RUN npm run build

# 2. The production dependencies alone (the web app's libraries were bundled in step 1)
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. What runs: node, the production dependencies, the built command and app, data/, as an unprivileged user
FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    RASD_DB=/var/lib/rasd
WORKDIR /app
COPY --from=deps /app/node_modules node_modules
# the command line as bin/rasd.js runs it (one bundle, dist/rasd) and the web app (dist/web)
COPY --from=build /app/dist/rasd dist/rasd
COPY --from=build /app/dist/web dist/web
COPY package.json ./
COPY bin bin
COPY data data
RUN mkdir -p /var/lib/rasd && chown node:node /var/lib/rasd
USER node
VOLUME /var/lib/rasd
EXPOSE 8080
# ready as soon as it listens; an embedded store is read into memory afterwards (health says warm: false until then).
# A worker container checks its own listener instead (compose.yaml: /health on RASD_METRICS_PORT).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "--max-semi-space-size=64", "bin/rasd.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
