type Handler<T> = (payload: T) => void | Promise<void>;

export interface DomainEvents {
  "order.placed": { orderId: number; totalCents: number };
  "order.cancelled": { orderId: number; reason: string };
  "user.invited": { teamId: number; email: string };
}

// In-process event bus; handlers run one after another so ordering is predictable.
export class EventBus<Events extends object = DomainEvents> {
  private readonly handlers = new Map<keyof Events, Handler<never>[]>();

  on<K extends keyof Events>(event: K, handler: Handler<Events[K]>): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(event, list);
    return () => {
      const current = this.handlers.get(event) ?? [];
      this.handlers.set(
        event,
        current.filter((h) => h !== handler),
      );
    };
  }

  async emit<K extends keyof Events>(event: K, payload: Events[K]): Promise<void> {
    for (const handler of this.handlers.get(event) ?? []) {
      await (handler as Handler<Events[K]>)(payload);
    }
  }

  listenerCount(event: keyof Events): number {
    return this.handlers.get(event)?.length ?? 0;
  }
}
