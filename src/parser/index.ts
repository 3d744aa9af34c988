export * from './document';
export { parse, print } from './parse';
export type { ParseOptions } from './parse';
