export { teardown as default } from './jest-temp-root.mjs';
