import type { ConversationNotice, ConversationState, ConversationWindow, MessageSignals, StoredFragment, StoredMessage, ThreadFinding } from './types.js';

/** The version of the state this library writes and reads. */
export const STATE_VERSION = 1;

/** The window when none is given: the last 50 messages of the last two hours. */
export const DEFAULT_WINDOW: ConversationWindow = { messages: 50, minutes: 120 };

/** The most messages a window may hold, so that a state stays small enough to store per request. */
export const MAX_WINDOW_MESSAGES = 1000;

/** A state that cannot be read: not what `JSON.stringify(convo)` wrote. A `TypeError` with a stable `code` and the `path` of the problem. */
export class ConversationStateError extends TypeError {
  override readonly name = 'ConversationStateError';
  readonly code = 'invalid_state';
  readonly path: readonly (string | number)[];

  constructor(path: readonly (string | number)[], problem: string) {
    super(`conversation(): state${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')} ${problem}`);
    this.path = path;
  }
}

/** The window of the options, over the state's, over the default; a bad value is a `RangeError`. */
export function readWindow(given: Partial<ConversationWindow> | undefined, base: ConversationWindow): ConversationWindow {
  if (given === undefined) return base;
  if (given === null || typeof given !== 'object') throw new TypeError(`conversation(): window must be an object such as { messages: 50, minutes: 120 }`);
  const messages = given.messages ?? base.messages;
  const minutes = given.minutes ?? base.minutes;
  if (!Number.isInteger(messages) || messages < 1 || messages > MAX_WINDOW_MESSAGES) {
    throw new RangeError(`conversation(): window.messages must be a whole number from 1 to ${MAX_WINDOW_MESSAGES}, got ${String(messages)}`);
  }
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0) {
    throw new RangeError(`conversation(): window.minutes must be a number above 0, got ${String(minutes)}`);
  }
  return { messages, minutes };
}

/** A state read back: its parts, or a fresh start with a notice when it was written by another version. */
export type ReadState =
  | { readonly kind: 'state'; readonly state: ConversationState }
  | { readonly kind: 'reset'; readonly window: ConversationWindow; readonly notice: ConversationNotice };

/**
 * Checks a parsed state. One of another version (older or newer) cannot be read field by field,
 * so the conversation starts afresh with its window (documented fallback, notice `state_version`);
 * anything else that is not a state of this version is a {@link ConversationStateError}.
 */
export function readState(value: unknown): ReadState {
  const state = record(value, []);
  const version = state.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) throw new ConversationStateError(['version'], 'must be a whole number');
  if (version !== STATE_VERSION) {
    // Another version's window may be written otherwise: kept when it reads as one.
    let window = DEFAULT_WINDOW;
    try {
      window = readStoredWindow(state.window);
    } catch {
      // the default window, then
    }
    const message = `state version ${version} is not this library's (${STATE_VERSION}): the conversation starts again from this message`;
    return { kind: 'reset', window, notice: { code: 'state_version', message } };
  }
  const window = readStoredWindow(state.window);
  const messages = array(state.messages, ['messages']).map((m, i) => readMessage(m, ['messages', i]));
  const ids = new Set<string>();
  messages.forEach((m, i) => {
    if (ids.has(m.id)) throw new ConversationStateError(['messages', i, 'id'], `repeats the id "${m.id}"`);
    ids.add(m.id);
    if (i > 0 && m.at < messages[i - 1]!.at) throw new ConversationStateError(['messages', i, 'at'], 'is earlier than the message before it');
  });
  const fragments = array(state.fragments, ['fragments']).map((f, i) => readFragment(f, ['fragments', i], ids));
  const findings = array(state.findings, ['findings']).map((f, i) => readFinding(f, ['findings', i], ids));
  return { kind: 'state', state: { version, window, messages, fragments, findings } };
}

function readStoredWindow(value: unknown): ConversationWindow {
  const window = record(value, ['window']);
  try {
    return readWindow({ messages: window.messages as number, minutes: window.minutes as number }, DEFAULT_WINDOW);
  } catch (error) {
    throw new ConversationStateError(['window'], `is not a window (${(error as Error).message.replace(/^conversation\(\): /, '')})`);
  }
}

function readMessage(value: unknown, path: (string | number)[]): StoredMessage {
  const m = record(value, path);
  const id = text(m.id, [...path, 'id']);
  const at = number(m.at, [...path, 'at']);
  const sender = m.sender === undefined ? undefined : text(m.sender, [...path, 'sender']);
  const signals = m.signals === undefined ? undefined : readSignals(m.signals, [...path, 'signals']);
  return { id, ...(sender === undefined ? {} : { sender }), at, ...(signals ? { signals } : {}) };
}

function readSignals(value: unknown, path: (string | number)[]): MessageSignals {
  const s = record(value, path);
  const out: { -readonly [K in keyof MessageSignals]: MessageSignals[K] } = {};
  if (s.request !== undefined) {
    const r = tuple(s.request, [...path, 'request'], 4);
    const kind = r[3];
    if (kind !== 'off-platform' && kind !== 'words' && kind !== 'contact-data') {
      throw new ConversationStateError([...path, 'request', 3], 'must be "off-platform", "words" or "contact-data"');
    }
    out.request = [spanNumber(r[0], [...path, 'request', 0]), spanNumber(r[1], [...path, 'request', 1]), number(r[2], [...path, 'request', 2]), kind];
  }
  for (const key of ['cancel', 'refusal', 'app', 'carry', 'resume', 'pitch', 'move'] as const) {
    if (s[key] === undefined) continue;
    const r = tuple(s[key], [...path, key], 2);
    out[key] = [spanNumber(r[0], [...path, key, 0]), spanNumber(r[1], [...path, key, 1])];
  }
  if (s.hostility !== undefined) {
    const h = record(s.hostility, [...path, 'hostility']);
    const kinds: Record<string, readonly [number, number, number]> = {};
    for (const [kind, span] of Object.entries(h)) {
      const r = tuple(span, [...path, 'hostility', kind], 3);
      const at = [...path, 'hostility', kind];
      Object.defineProperty(kinds, kind, { value: [spanNumber(r[0], [...at, 0]), spanNumber(r[1], [...at, 1]), number(r[2], [...at, 2])], enumerable: true });
    }
    out.hostility = kinds;
  }
  return out;
}

function readFragment(value: unknown, path: (string | number)[], ids: ReadonlySet<string>): StoredFragment {
  const f = record(value, path);
  const sender = text(f.sender, [...path, 'sender']);
  const parts = array(f.parts, [...path, 'parts']).map((p, i) => {
    const part = record(p, [...path, 'parts', i]);
    const id = text(part.id, [...path, 'parts', i, 'id']);
    if (!ids.has(id)) throw new ConversationStateError([...path, 'parts', i, 'id'], `names a message "${id}" that is not in the window`);
    return { id, start: spanNumber(part.start, [...path, 'parts', i, 'start']), text: string(part.text, [...path, 'parts', i, 'text']) };
  });
  return { sender, parts };
}

function readFinding(value: unknown, path: (string | number)[], ids: ReadonlySet<string>): ThreadFinding {
  const f = record(value, path);
  for (const key of ['ruleId', 'ruleSet', 'category', 'text', 'severity', 'message', 'since'] as const) string(f[key], [...path, key]);
  for (const key of ['start', 'end'] as const) spanNumber(f[key], [...path, key]);
  number(f.score, [...path, 'score']);
  if (!ids.has(f.since as string)) throw new ConversationStateError([...path, 'since'], `names a message "${String(f.since)}" that is not in the window`);
  array(f.messages, [...path, 'messages']).forEach((m, i) => {
    const span = record(m, [...path, 'messages', i]);
    text(span.id, [...path, 'messages', i, 'id']);
    spanNumber(span.start, [...path, 'messages', i, 'start']);
    spanNumber(span.end, [...path, 'messages', i, 'end']);
  });
  const explanation = record(f.explanation, [...path, 'explanation']);
  string(explanation.matched, [...path, 'explanation', 'matched']);
  array(explanation.steps, [...path, 'explanation', 'steps']).forEach((s, i) => {
    const step = record(s, [...path, 'explanation', 'steps', i]);
    string(step.kind, [...path, 'explanation', 'steps', i, 'kind']);
    number(step.delta, [...path, 'explanation', 'steps', i, 'delta']);
    string(step.note, [...path, 'explanation', 'steps', i, 'note']);
  });
  return value as ThreadFinding;
}

function record(value: unknown, path: readonly (string | number)[]): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConversationStateError(path, `must be an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

function array(value: unknown, path: readonly (string | number)[]): unknown[] {
  if (!Array.isArray(value)) throw new ConversationStateError(path, `must be an array, got ${describe(value)}`);
  return value;
}

function tuple(value: unknown, path: readonly (string | number)[], length: number): unknown[] {
  const items = array(value, path);
  if (items.length !== length) throw new ConversationStateError(path, `must have ${length} items, got ${items.length}`);
  return items;
}

function string(value: unknown, path: readonly (string | number)[]): string {
  if (typeof value !== 'string') throw new ConversationStateError(path, `must be a string, got ${describe(value)}`);
  return value;
}

function text(value: unknown, path: readonly (string | number)[]): string {
  const s = string(value, path);
  if (s.length === 0) throw new ConversationStateError(path, 'must not be empty');
  return s;
}

function number(value: unknown, path: readonly (string | number)[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ConversationStateError(path, `must be a finite number, got ${describe(value)}`);
  return value;
}

function spanNumber(value: unknown, path: readonly (string | number)[]): number {
  const n = number(value, path);
  if (!Number.isInteger(n) || n < 0) throw new ConversationStateError(path, `must be a whole number >= 0, got ${n}`);
  return n;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
