export { setup as default } from './jest-temp-root.mjs';
