import { EnvHttpProxyAgent, setGlobalDispatcher } from "undici";
import type { Logger } from "./logger.js";

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

/**
 * Node's fetch ignores HTTPS_PROXY / HTTP_PROXY / NO_PROXY; undici's EnvHttpProxyAgent honours
 * them. Installed as the global dispatcher, it carries every fetch of the process (the model
 * download, OpenAI-compatible endpoints) through the proxy the environment names.
 */
export function useProxyFromEnvironment(log: Logger, env: NodeJS.ProcessEnv = process.env): boolean {
  const set = PROXY_VARIABLES.filter((name) => env[name]);
  if (!set.length) return false;
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy ?? httpProxy;
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  setGlobalDispatcher(
    new EnvHttpProxyAgent({
      ...(httpProxy ? { httpProxy } : {}),
      ...(httpsProxy ? { httpsProxy } : {}),
      ...(noProxy !== undefined ? { noProxy } : {}),
    }),
  );
  // The address may carry credentials: name the variables, not their values.
  log.info({ variables: set, noProxy: noProxy ?? "" }, "network requests go through the proxy these variables name");
  return true;
}
