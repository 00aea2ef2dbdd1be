import { defineConfig } from "vite";

// The page is served by the API at / (api/Complaints.Api/H5): Vite writes it into the API's wwwroot,
// with content-hashed asset names (cached for a year) and an index.html that is never cached.
export default defineConfig({
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  resolve: { dedupe: ["openapi-fetch", "preact"] },
  build: {
    outDir: "../../api/Complaints.Api/wwwroot",
    emptyOutDir: true,
    target: "es2020",
    // No inline script: the Content-Security-Policy forbids it, and the polyfill is not needed by the WebViews we serve.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` next to ./run.sh: the page on :5173, the API proxied to :8080.
    proxy: { "/api": "http://127.0.0.1:8080", "/h5-config.json": "http://127.0.0.1:8080" },
  },
});
