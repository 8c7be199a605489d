import baseConfig from '../eslint.config.mjs';

export default [
  ...baseConfig,
  // Written by the reporters on every run (HTML report assets included).
  { ignores: ['reports'] },
];
