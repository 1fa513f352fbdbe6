import { TextDecoder, TextEncoder } from 'node:util';

// jsdom has no TextEncoder; react-router builds one when loaded. Node's is the same API.
if (typeof globalThis.TextEncoder === 'undefined') Object.assign(globalThis, { TextEncoder, TextDecoder });
