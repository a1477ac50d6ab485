// The sim layer's public surface. Other layers import only from here ('@sim').
export * from './trace';
export * from './scenario';
export * from './random';
