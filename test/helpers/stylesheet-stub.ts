// Jest runs the designer's components without a browser: their stylesheet imports load nothing.
export default {};
