import assert from "node:assert/strict";
import { test } from "node:test";
import { anySignal } from "../../src/net/abort.js";

test("one signal for several aborts when the first of them does, with its reason, also where Node (before 20.3) has no AbortSignal.any", async () => {
  const native = AbortSignal.any;
  for (const withAny of [true, false]) {
    // (Node 20.0 to 20.2: the project's own combination.)
    if (!withAny) (AbortSignal as { any?: unknown }).any = undefined;
    try {
      const user = new AbortController();
      const combined = anySignal([user.signal, undefined, AbortSignal.timeout(60_000)])!;
      assert.equal(combined.aborted, false);
      user.abort(new Error("stopped by the user"));
      assert.equal(combined.aborted, true, `withAny ${withAny}`);
      assert.equal((combined.reason as Error).message, "stopped by the user");
      // A time limit that runs out first is the reason.
      const late = new AbortController();
      const timed = anySignal([late.signal, AbortSignal.timeout(20)])!;
      await new Promise((r) => setTimeout(r, 60));
      assert.equal(timed.aborted, true);
      assert.equal((timed.reason as Error).name, "TimeoutError");
      // One aborted already: so is the combination, at once.
      assert.equal(anySignal([AbortSignal.abort("gone"), late.signal])!.reason, "gone");
    } finally {
      (AbortSignal as { any?: unknown }).any = native;
    }
  }
  assert.equal(anySignal([undefined]), undefined);
  const only = new AbortController().signal;
  assert.equal(anySignal([only, undefined]), only);
});
