/** slipway's version, sent in the AWS user agent. Kept in step with package.json by a unit test. */
export const SLIPWAY_VERSION = '0.1.0';
