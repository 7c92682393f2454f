import { z } from "zod";

/** One question and answer in a conversation. */
export interface Turn {
  readonly question: string;
  /** The question as it was searched (a follow-up rewritten to stand on its own). */
  readonly standalone: string;
  readonly answer: string;
  /** The question whose words say what this turn asked for (`questionAsked`): a follow-up that asks nothing by itself asks what the one before it did. */
  readonly asks?: string;
  /** Where the answer's quotes are (document offsets): a follow-up quotes something else. */
  readonly quoted?: readonly QuotedSpan[];
  /** The collections the question searched ("*": all): a follow-up uses only turns of the same ones. */
  readonly scope?: string;
  readonly at: number;
}

export interface QuotedSpan {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

/**
 * A turn as stored elsewhere (a database row anyone with access can edit): read as data, so one
 * that no longer reads as a turn is left out instead of failing every follow-up of its person.
 */
const STORED_TURN = z.object({
  question: z.string(),
  standalone: z.string(),
  answer: z.string(),
  asks: z.string().optional(),
  quoted: z.array(z.object({ source: z.string(), start: z.number(), end: z.number() })).optional(),
  scope: z.string().optional(),
  at: z.number(),
});

/** The turn, or undefined when the stored value is no turn. */
export function storedTurn(value: unknown): Turn | undefined {
  const parsed = STORED_TURN.safeParse(value);
  return parsed.success ? (parsed.data as Turn) : undefined;
}

/** Where recent turns per conversation live. In memory by default; any store can implement it. */
export interface ConversationStore {
  recent(conversation: string): Promise<Turn[]>;
  add(conversation: string, turn: Turn): Promise<void>;
}

/** Keeps the last `turns` turns per conversation, younger than `maxAgeMs`, for at most `maxConversations` conversations. */
export class MemoryConversationStore implements ConversationStore {
  private readonly data = new Map<string, Turn[]>();

  constructor(
    private readonly options: { turns: number; maxAgeMs: number; maxConversations?: number; now?: () => number },
  ) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  async recent(conversation: string): Promise<Turn[]> {
    const cutoff = this.now() - this.options.maxAgeMs;
    return (this.data.get(conversation) ?? []).filter((t) => t.at >= cutoff);
  }

  async add(conversation: string, turn: Turn): Promise<void> {
    if (this.options.turns === 0) return;
    const turns = [...(this.data.get(conversation) ?? []), turn].slice(-this.options.turns);
    this.data.delete(conversation); // re-insert: the map's order is least recently used first
    this.data.set(conversation, turns);
    const max = this.options.maxConversations ?? 10_000;
    while (this.data.size > max) this.data.delete(this.data.keys().next().value!);
  }
}
