/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// In production Quarkus answers /api/config from its settings; the Vite dev server answers it from the
// environment, so `npm run dev` works against a platform started with `./platform up`.
function devRuntimeConfig(): Plugin {
  return {
    name: 'planning-dev-runtime-config',
    configureServer(server) {
      server.middlewares.use('/api/config', (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(
          JSON.stringify({
            graphqlUrl: process.env.CONSOLE_GRAPHQL_URL ?? 'http://localhost:8080/graphql',
            oidcIssuer: process.env.CONSOLE_OIDC_ISSUER ?? 'http://localhost:8180/realms/planning',
            oidcClientId: process.env.CONSOLE_OIDC_CLIENT_ID ?? 'planning-web',
          }),
        );
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), devRuntimeConfig()],
  server: { port: 5173, strictPort: true },
  build: {
    outDir: 'dist',
    // Vendor code in its own chunks: cached across releases of the app's own code, fetched in parallel, and ECharts
    // (half a megabyte) only when 督查看板 first opens. The pages themselves are lazy (AppRoutes).
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // The machine is shared and slow at times; a form test types a few fields.
    testTimeout: 30_000,
  },
});
