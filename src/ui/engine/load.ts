/** Loads the engine chunk once (engine.ts); later callers get the same module. */
import type * as EngineModule from './engine';

export type Engine = typeof EngineModule;

let pending: Promise<Engine> | undefined;

export const loadEngine = (): Promise<Engine> => (pending ??= import('./engine'));
