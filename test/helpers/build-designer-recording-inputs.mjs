// Builds the designer as `npm run build:designer` does, into the folder given, and lists beside it
// every file the build read: the cache in designer-build.ts reuses a build only while each of
// them is unchanged. Vite is ES modules only, so it runs in a process of its own, not in jest's.
import { writeFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import process from 'node:process';
import { build } from 'vite';

const [configFile, outDir, inputsFile] = process.argv.slice(2);
const inputs = new Set();

await build({
  configFile,
  logLevel: 'error',
  build: { outDir, emptyOutDir: true },
  plugins: [
    {
      name: 'carepath-record-build-inputs',
      buildEnd() {
        // Virtual modules (`\0vite/...`) are Vite's own; a query (`?url`) names the file before it.
        for (const id of this.getModuleIds()) {
          const file = id.split('?')[0];
          if (isAbsolute(file)) inputs.add(file);
        }
      },
    },
  ],
});

writeFileSync(inputsFile, JSON.stringify([...inputs].sort()));
