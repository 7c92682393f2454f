import { createRequire } from "node:module";
import type * as HnswlibNode from "hnswlib-node";
import { NativeAddonError } from "../../errors.js";

let loaded: typeof HnswlibNode | undefined;

/**
 * hnswlib-node, loaded on first use: a missing or broken native addon (no C++ toolchain when
 * `npm ci` ran) becomes one clear NativeAddonError instead of a stack trace at import time.
 */
export function hnswlib(): typeof HnswlibNode {
  if (!loaded) {
    try {
      loaded = createRequire(import.meta.url)("hnswlib-node") as typeof HnswlibNode;
    } catch (error) {
      throw new NativeAddonError(error);
    }
  }
  return loaded;
}
