// The actors layer's public surface. Other layers import only from here ('@actors').
export { simulate } from './system';
export type { SimEnv } from './env';
