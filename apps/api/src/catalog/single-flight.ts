/** Runs at most one load per key at a time; concurrent callers of the same key share its result. */
export class SingleFlight {
  private readonly flights = new Map<string, Promise<unknown>>()

  /** `load()` unless a load of `key` is already running, whose promise is returned instead. */
  run<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.flights.get(key)
    if (running) return running as Promise<T>
    const flight = load().finally(() => this.flights.delete(key))
    this.flights.set(key, flight)
    return flight
  }

  /** Loads in progress. */
  get inFlight(): number {
    return this.flights.size
  }
}
