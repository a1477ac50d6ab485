/**
 * How a transition actor (a component with no state chart: etcd, kube-apiserver) sends its delayed
 * events. It does what a machine's delayed `raise` and `sendTo` actions do: the event is handed to
 * the system's scheduler once the actor's transition is over, in the order the sends were made, so
 * the clock sees the same timers in the same order as it would from a machine.
 */
import type { AnyActorRef, AnyActorScope, EventObject } from 'xstate';
import type { ComponentId } from '@sim';
import type { ClusterEvent } from '../protocol';

export class Outbox<Own extends EventObject> {
  constructor(private readonly scope: AnyActorScope) {}

  /** An event to this actor itself, `delay` ms from now. */
  raise(event: Own, delay: number, id: string): void {
    this.schedule(this.scope.self, event, delay, id);
  }

  /** An event to another component, `delay` ms from now; nothing when there is no such component. */
  send(to: ComponentId, event: ClusterEvent, delay: number, id: string): void {
    const target = this.scope.system.get(to) as AnyActorRef | undefined;
    if (target) this.schedule(target, event, delay, id);
  }

  private schedule(target: AnyActorRef, event: EventObject, delay: number, id: string): void {
    const { scope } = this;
    scope.defer(() => scope.system.scheduler.schedule(scope.self, target, event, delay, id));
  }
}
