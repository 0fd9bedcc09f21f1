# Sáng kiến bot for production: compiled JavaScript on Node 20 (no tsx at run time).
# docker compose up (docker-compose.yml) runs it with MongoDB 7 and Redis; see the README.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY handlers ./handlers
COPY jobs ./jobs
COPY locales ./locales
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# V8's young generation capped at 2 x 4 MiB (default 2 x 16 MiB), and gc() for the chart renderer to free
# its native memory (src/channels/charts/svg-to-png.ts): the same as npm run start:prod, and what
# npm run bench measures (the README's Performance section says what it costs and saves).
ENV NODE_OPTIONS="--max-semi-space-size=4 --expose-gc"
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The playground's demo data (no messenger configured) comes from the sample files.
COPY examples ./examples
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `node dist/src/main.js worker` runs the jobs alone (the worker service of docker-compose.yml).
CMD ["node", "dist/src/main.js"]
