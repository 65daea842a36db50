import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: dist/ works from any static host and from a sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
});
