import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' so that dist/ works from any sub-folder of a static host.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
