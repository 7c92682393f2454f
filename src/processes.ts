import { Tinypool } from "tinypool";
/**
 * What a child process of the bot (a document reader, the lexicon builder) is started with: the
 * bot's module loaders and nothing else of its command line. The loaders (tsx's) let the child load
 * the bot's TypeScript; an `--env-file` would hand it the token again, a debugger's port cannot be
 * shared, and a heap size is the child's own to set. Loaders given in NODE_OPTIONS are taken too:
 * children get an empty environment, so they would not see them.
 */
const LOADER = /^(--require|--import|--loader|--experimental-loader|-r)$/;
const LOADER_WITH_VALUE = /^(--require|--import|--loader|--experimental-loader|-r)=/;

export function loaderArgs(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  const args = [...nodeOptions.split(/\s+/).filter(Boolean), ...execArgv];
  const own: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (LOADER_WITH_VALUE.test(arg)) own.push(arg);
    else if (LOADER.test(arg) && i + 1 < args.length) own.push(arg, args[++i]!);
  }
  return own;
}

/** Whether a task failed because the child process running it ended (tinypool says only that it exited). */
export function childEnded(error: unknown): boolean {
  return error instanceof Error && /exited unexpectedly/i.test(error.message);
}

/**
 * A pool of child processes (tinypool) that run one module's exported functions, as the bot's
 * children are run: started on demand and ended when idle, with an empty environment (no token,
 * no keys), the bot's loaders and `execArgv` of their own (a heap size), and the structured clone
 * (bytes and typed arrays cross as they are, not as JSON). `onError` hears a child that fails to
 * start or dies between tasks: an "error" event nobody listens to would end the bot.
 */
export function childProcessPool(o: {
  readonly filename: URL;
  /** The export to run when a task names none. */
  readonly name?: string;
  readonly maxThreads: number;
  readonly idleTimeout: number;
  /** Node flags after the loaders (a heap size); the default is the loaders alone. */
  readonly execArgv?: readonly string[];
  readonly onError: (error: unknown) => void;
}): Tinypool {
  const pool = new Tinypool({
    filename: o.filename.href,
    runtime: "child_process",
    ...(o.name ? { name: o.name } : {}),
    minThreads: 0,
    maxThreads: o.maxThreads,
    idleTimeout: o.idleTimeout,
    concurrentTasksPerWorker: 1,
    env: {},
    execArgv: [...(o.execArgv ?? loaderArgs())],
    serialization: "advanced",
  });
  pool.on("error", o.onError);
  return pool;
}
