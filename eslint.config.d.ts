// Types for the tests that read the layer order from eslint.config.js.
export declare const LAYERS: readonly string[];
declare const config: unknown;
export default config;
