import { defineConfig } from 'vite';

// The designer is a static single-page app. The API serves designer/dist at `/`, so the
// browser only ever talks to the API's own origin (`/api/...`).
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  // No @vitejs/plugin-react: Vite 8 compiles TSX with oxc; use React's automatic JSX runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // ELK (the map layout, 1.5 MB) is its own chunk, loaded when the first map is drawn.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    // `vite preview` reuses this proxy too.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
