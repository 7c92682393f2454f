/**
 * One signal that aborts when any of `signals` does (undefined ones left out; undefined when none
 * is given). AbortSignal.any does this from Node 20.3; the project supports Node 20.0 too, where
 * it falls back to a controller of its own that lets go of the signals once it has aborted.
 */
export function anySignal(signals: readonly (AbortSignal | undefined)[]): AbortSignal | undefined {
  const given = signals.filter((s): s is AbortSignal => s !== undefined);
  if (given.length <= 1) return given[0];
  if (typeof AbortSignal.any === "function") return AbortSignal.any(given);
  const controller = new AbortController();
  const aborted = given.find((s) => s.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return controller.signal;
  }
  const onAbort = (event: Event) => {
    for (const s of given) s.removeEventListener("abort", onAbort);
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const s of given) s.addEventListener("abort", onAbort);
  return controller.signal;
}
