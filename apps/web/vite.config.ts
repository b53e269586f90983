import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The web app is built to static files that the API serves at `/` (dist/web). `npm run dev:web` runs this
 * config's dev server with /api and /health proxied to a running API (API_URL, default http://127.0.0.1:3000).
 * JSX goes through Vite's own Oxc transform: @vitejs/plugin-react 6 pulls a Babel 8 peer that cannot coexist
 * with jest's Babel 7, and the build does not need it (we lose only fast refresh in development).
 */
export default defineConfig({
  root: here('.'),
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    alias: { '@domain-messages': here('../../libs/domain/src/shared/messages.ts') },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in a client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        // React changes rarely: its own chunk stays cached across releases. antd is left to per-page chunks so
        // that the first page loads only the components it shows.
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }] },
      },
    },
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: {
      '/api': { target: process.env.API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false },
      '/health': { target: process.env.API_URL ?? 'http://127.0.0.1:3000' },
    },
  },
});
