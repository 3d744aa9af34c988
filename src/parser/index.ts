export * from './document';
export { parse, print, ParseOptions } from './parse';
