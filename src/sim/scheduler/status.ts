/**
 * A plugin's verdict (k/k pkg/scheduler/framework/interface.go Status). `reasons` are the strings the
 * FitError histogram counts; `Message()` joins them with ", ".
 */
export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Skip';

export interface Status {
  code: Code;
  reasons: string[];
}

export const SUCCESS: Status = { code: 'Success', reasons: [] };
export const SKIP: Status = { code: 'Skip', reasons: [] };

export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

/** Status.Message(): the reasons joined with ", ". */
export const message = (s: Status): string => s.reasons.join(', ');

/** framework.MaxNodeScore */
export const MAX_NODE_SCORE = 100;
