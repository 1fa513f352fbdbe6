// react-router's ES modules read `import.meta.hot` (Vite's hot reload) in code jest never runs;
// CommonJS has no `import.meta`, so it is blanked before swc compiles the file like any other.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module jest loads by path
const { createTransformer } = require('@swc/jest');

module.exports = {
  createTransformer(options) {
    const swc = createTransformer(options);
    const blank = (source) => source.replace(/import\.meta\b/g, '({})');
    return {
      ...swc,
      process: (source, path, config) => swc.process(blank(source), path, config),
      getCacheKey: (source, path, config) => swc.getCacheKey(blank(source), path, config),
    };
  },
};
