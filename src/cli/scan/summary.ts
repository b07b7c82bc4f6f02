import { writeFileSync } from 'node:fs';
import { MAX_MODERATED_LENGTH } from '../../engine/limits.js';
import { UsageError } from '../usage.js';
import type { ScanCounts } from './records.js';

/** What a scan found, as written to `--summary FILE`. */
export interface ScanSummary {
  readonly lines: number;
  readonly errors: number;
  /** Messages longer than `MAX_MODERATED_LENGTH`, moderated in their first part (their records say where). */
  readonly truncated: number;
  readonly seconds: number;
  readonly messagesPerSecond: number;
  readonly workers: number;
  readonly verdicts: Record<string, number>;
  readonly categories: Record<string, number>;
  readonly rules: Record<string, number>;
  /** Senders with the most flagged messages, most first. */
  readonly topSenders: { sender: string; flagged: number }[];
  /**
   * With `--conversation-field`: conversations read (one more each time one starts again after it
   * was idle past the window), those whose thread was flagged, and the senders whose findings
   * flagged them, with the most flagged conversations first.
   */
  readonly conversations?: { readonly total: number; readonly flagged: number; readonly senders: { sender: string; conversations: number }[] };
  /** Set when the scan was interrupted: the summary covers input lines up to this one. */
  readonly interruptedAfterLine?: number;
}

/**
 * The summary of a run from its counts, its duration and the number of workers that moderated it;
 * with `conversations`, what the conversations of the run came to.
 */
export function summarise(counts: ScanCounts, seconds: number, workers: number, conversations = false): ScanSummary {
  // Object.fromEntries defines own properties, so a rule or category named `__proto__` stays a key.
  const sorted = (map: Map<string, number>) => Object.fromEntries([...map].sort((a, b) => b[1] - a[1]));
  return {
    lines: counts.lines,
    errors: counts.errors,
    truncated: counts.truncated,
    seconds: Math.round(seconds * 100) / 100,
    messagesPerSecond: Math.round(counts.lines / Math.max(seconds, 0.001)),
    workers,
    verdicts: Object.fromEntries(counts.verdicts),
    categories: sorted(counts.categories),
    rules: sorted(counts.rules),
    topSenders: [...counts.senders]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([sender, flagged]) => ({ sender, flagged })),
    ...(conversations
      ? {
          conversations: {
            total: counts.conversations,
            flagged: counts.flaggedConversations,
            senders: [...counts.conversationSenders]
              .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
              .slice(0, 10)
              .map(([sender, n]) => ({ sender, conversations: n })),
          },
        }
      : {}),
  };
}

/** The summary as written to stderr. */
export function formatSummary(s: ScanSummary): string {
  const list = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none';
  return [
    `scanned ${s.lines} lines in ${s.seconds}s (${s.messagesPerSecond} msg/s, ${s.workers} workers), ${s.errors} errors` +
      (s.truncated > 0 ? `, ${s.truncated} moderated in part (longer than ${MAX_MODERATED_LENGTH} characters)` : ''),
    `  verdicts: ${list(s.verdicts)}`,
    `  flagged by category: ${list(s.categories)}`,
    `  findings by rule: ${list(s.rules)}`,
    `  senders with the most flagged messages: ${s.topSenders.map((t) => `${t.sender} ${t.flagged}`).join(', ') || 'none'}`,
    ...(s.conversations
      ? [
          `  conversations: ${s.conversations.total}, flagged ${s.conversations.flagged}; senders behind them: ` +
            (s.conversations.senders.map((t) => `${t.sender} ${t.conversations}`).join(', ') || 'none'),
        ]
      : []),
    '',
  ].join('\n');
}

/** Writes the summary as JSON to `--summary FILE`, when one was given; a file that cannot be written is a usage error. */
export function writeSummaryFile(file: string | undefined, summary: object): void {
  if (!file) return;
  try {
    writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`cannot write --summary ${file}: ${(error as Error).message}`);
  }
}
