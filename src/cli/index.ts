import { interruptSignal } from './interrupt.js';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable, Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import pc from 'picocolors';
import { describeProblem, OptionError } from '../engine/errors.js';
import { MAX_MODERATED_LENGTH, moderatedLength } from '../engine/limits.js';
import { createModerator, type ModeratorOptions } from '../engine/moderator.js';
import { RuleSetError } from '../policy/errors.js';
import { moderatorOptionsFor } from '../policy/files.js';
import { nearest } from '../policy/nearest.js';
import { caseFileJsonSchema, overridesJsonSchema, ruleSetJsonSchema } from '../policy/json-schema.js';
import { formatCaseFailure, runCaseFile } from '../testing/runner.js';
import { formatCheckReport } from './check.js';
import { runQueueCommand } from './queue/commands.js';
import { runScan } from './scan/index.js';
import type { InputFormat } from './scan/records.js';
import { UsageError } from './usage.js';

interface Io {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stdin: () => string;
  /** The raw stdin stream, for `scan -`. */
  readonly stdinStream?: NodeJS.ReadableStream;
  /** Interrupts a scan; by default SIGINT and SIGTERM do. */
  readonly signal?: AbortSignal;
}

const HELP: Record<string, string> = {
  main: `chaperone: moderate chat messages (profanity, threats, off-platform requests, personal data)

Usage: chaperone <command> [options]

Commands:
  scan <file|->       moderate an archive (JSONL, CSV or text, gzip or not) to JSONL
  check [text]        report on one message (text argument or stdin)
  redact [text]       print the message with personal data masked
  explain [text]      why each rule fired on a message, or why not
  rules               list the loaded rule sets and rules
  schema [rules|cases|overrides]  JSON Schema for rule, case or overrides files
  test <cases.yaml…>  run rule-set test cases
  enqueue <file|->    load an archive into a Redis stream for workers (needs ioredis)
  worker              moderate a Redis stream as one of a group of workers (needs ioredis)
  collect             write a Redis results stream back to JSONL in input order (needs ioredis)

Options for every command:
  --rules PATH        add a custom rule set or overrides file (repeatable)
  --only-rules        use only the --rules sets, not the built-in ones
  -h, --help          help for a command
  -v, --version       print chaperone's version

Examples:
  chaperone scan fixtures/sample-archive.jsonl --only-flagged
  chaperone check "add me on w e c h a t, no app fees"
  echo "you absolute moron" | chaperone check --json
  chaperone test fixtures/house-rules.cases.yaml --rules fixtures/house-rules.yaml`,
  scan: `Usage: chaperone scan <file|-> [options]

Moderates every message of an archive and writes one JSONL line per input line to stdout, in
input order whatever the number of workers; a malformed line becomes an error record with its line
number, and trailing blank lines are nothing. JSONL, CSV with a header, or plain text (one message a
line), gzip-compressed or not (by content, stdin too); input that is not UTF-8 text is refused. A
truncated input ends with the record "input truncated after line N". A message longer than
1,048,576 characters is moderated in its first part: its record says where ("truncated": {"at",
"length"}) and the summary counts such messages. Progress on stderr when it is a terminal; a
summary at the end. Exit 0 when every line was read, 1 when some lines were errors, 2 for a usage
error (nothing is read), 130 when interrupted (SIGINT/SIGTERM): every line up to the one named in
"interrupted after line N" on stderr is written, and none after it.

Options:
  --format jsonl|csv|text   override format detection
  --text-field NAME         field holding the message (default text)
  --id-field NAME           field holding the message id (default id)
  --sender-field NAME       field holding the sender (default sender)
  --conversation-field NAME moderate messages with this field as conversations, grouped by it:
                            each record adds "conversation" and "thread" (the thread's verdict,
                            score, categories and the findings this message raised in it)
  --time-field NAME         field holding the time (ms or s since the epoch, or ISO 8601), for
                            the conversation window (default: a window of 50 messages, no time)
  --workers N               worker threads (default: one per core; 0 runs in this thread)
  --only-flagged            write only messages that are not allowed (and errors)
  --summary FILE            also write the summary as JSON to FILE
  --rules PATH              add a custom rule set or overrides file (repeatable)
  --only-rules              use only the --rules sets

Examples:
  chaperone scan fixtures/sample-archive.jsonl --only-flagged
  chaperone scan export.csv.gz --text-field body --sender-field author --summary summary.json
  cat messages.txt | chaperone scan - --format text --workers 2
  chaperone scan chats.jsonl --conversation-field chat --time-field sent_at --only-flagged`,
  enqueue: `Usage: chaperone enqueue <file|-> --redis URL --stream IN [--max-lag N] [--format jsonl|csv|text]

Loads an archive (read as scan reads it: JSONL, CSV or text, gzip or not) into the Redis stream IN,
one entry per input line, numbered from 1, and records the count beside the stream so that collect
knows when every entry is answered. While a group reading IN lags more than --max-lag entries behind
it, enqueue waits (the stream is never capped: that would drop entries no worker has answered).
Interrupted, it says how far it got; the same command again goes on from there.

Options:
  --redis URL          redis://[user:password@]host[:port][/db] or rediss:// (default $REDIS_URL)
  --stream IN          the input stream
  --max-lag N          wait while a group lags more than N entries (default 20000; 0 never waits)
  --format jsonl|csv|text  override format detection

Needs the ioredis package (npm install ioredis).`,
  worker: `Usage: chaperone worker --redis URL --stream IN --group G --out OUT [options]

Reads entries of IN as a consumer of group G (created when missing), moderates them as scan does and
writes one entry per input entry to OUT: its fields are in (the input entry's id), seq and run (its
place in an enqueued archive), worker, policy (chaperone's version and a hash of the rule sets) and
result (scan's JSONL record). An entry of IN written by enqueue carries an archive line; any other
entry is a message of its own (XADD IN * id m-1 sender bob text "…"). Delivery is at least once: an
entry another worker held for --claim-idle without answering is taken over, so an entry may be answered
twice (collect keeps the first); one that --max-deliveries deliveries did not answer goes to the
dead-letter stream with an error result. SIGINT or SIGTERM: answers what it holds, then exits 0 (a
second signal kills it at once).

Options:
  --redis URL           redis:// or rediss:// URL (default $REDIS_URL)
  --stream IN           the input stream
  --group G             the consumer group the workers share
  --out OUT             the results stream
  --consumer NAME       this worker's name in the group (default host-pid)
  --dead-letter NAME    the dead-letter stream (default IN:dead-letter)
  --batch N             entries read and answered together (default 200)
  --claim-idle MS       take over entries held this long unanswered (default 60000)
  --max-deliveries N    dead-letter an entry after N deliveries (default 5)
  --metrics-interval S  processed, errors, lag and msg/s on stderr every S seconds (default 10; 0 none)
  --metrics-port PORT   serve the same as Prometheus text on http://*:PORT/metrics
  --text-field, --id-field, --sender-field NAME, --rules PATH, --only-rules   as for scan

Needs the ioredis package (npm install ioredis).`,
  collect: `Usage: chaperone collect --redis URL --stream OUT [--only-flagged] [--summary FILE] [--trim]

Writes the results of an enqueued archive to stdout as scan does: one JSONL line per input line, in
input order, the first answer to each entry (later ones are redeliveries). Done once every entry
the enqueue counted has its answer and the enqueue is complete; then prints scan's summary, with the
policy versions that produced the results. Exit 0, 1 when some lines are errors, 130 when interrupted.

Options:
  --redis URL          redis:// or rediss:// URL (default $REDIS_URL)
  --stream OUT         the results stream the workers write
  --only-flagged       write only messages that are not allowed (and errors)
  --summary FILE       also write the summary as JSON to FILE
  --trim               once all is written, delete the run's results, its input entries and its
                       enqueue record, so the streams can take the next archive

Needs the ioredis package (npm install ioredis).`,
  check: `Usage: chaperone check [text] [--json] [--fail-on review|block] [--rules PATH]…

Reports on one message: the verdict, the message with flagged spans marked (colour on a
terminal, [brackets] otherwise) and, for each finding, its rule, score, message and the steps
from the rule's base score to the final score. Reads stdin when no text is given. A message
longer than 1,048,576 characters is moderated in its first 1,048,576 and the report says so.
Exit 0 whatever the verdict, unless --fail-on says otherwise; 2 for a usage error.

Options:
  --json              print the raw ModerationResult as JSON
  --fail-on LEVEL     exit 1 when the verdict reaches LEVEL: review (review or block) or block;
                      for scripts and pre-commit hooks
  --rules PATH        add a custom rule set or overrides file (repeatable)
  --only-rules        use only the --rules sets

Examples:
  chaperone check "sh1t driver, f.u.c.k this"
  chaperone check --json "你是不是傻逼"
  chaperone check --fail-on block < message.txt > /dev/null || echo "blocked"`,
  redact: `Usage: chaperone redact [text] [--style label|mask] [--category NAME]… [--entity NAME]…

Prints the message with the chosen findings masked (default: personal data, as [phone]-style labels).
A message of any length is read whole (past 1,048,576 characters, in overlapping windows).

Options:
  --style label|mask  [phone]-style labels (default), or one * per character
  --category NAME     redact findings of this category (repeatable; default pii)
  --entity NAME       only personal data of this kind: phone, email, card, … (repeatable)

A category or entity that no loaded rule produces is a usage error (exit 2), not a no-op.

Examples:
  chaperone redact "mail me at jay@example.com"
  chaperone redact --entity phone "call 138 0013 8000 or mail jay@example.com"
  chaperone redact --style mask --category profanity "what the fuck"`,
  explain: `Usage: chaperone explain [text] [--rule ID] [--json]

For one message, every rule of the policy and what happened to it: flagged, below the review
threshold, suppressed by an exception (and which), matched nothing after its trigger, or not
triggered at all — so a policy author sees why a message was missed, not only why it was caught.
Reads what check reads: the first 1,048,576 characters of a longer message (said on stderr).

Options:
  --rule ID           only rules whose id starts with ID (e.g. profanity/ or profanity/insult)
  --json              the explanations as JSON
  --rules PATH        add a custom rule set or overrides file (repeatable)

Examples:
  chaperone explain "you absolute m0ron"
  chaperone explain --rule off-platform/ "support said add me on wechat"`,
  schema: `Usage: chaperone schema [rules|cases|overrides]

Prints the JSON Schema for rule files (default), *.cases.yaml files or policy overrides files, generated from the
same zod schemas the loader uses. Point your editor's YAML extension at it.

Example:
  chaperone schema rules > rule-set.schema.json`,
  rules: `Usage: chaperone rules [--rules PATH]… [--json]

Lists the loaded rule sets and their rules with descriptions, severities and scores.`,
  test: `Usage: chaperone test <cases.yaml…> [--rules PATH]…

Runs rule-set test cases. Prints each failing case with what was expected and what was found,
rules no case covers, duplicated cases, and a summary line. Exit 0 when all pass, 1 otherwise.

Example:
  chaperone test rules/profanity.cases.yaml`,
};

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
  rules: { type: 'string', multiple: true },
  'only-rules': { type: 'boolean' },
  style: { type: 'string' },
  category: { type: 'string', multiple: true },
  entity: { type: 'string', multiple: true },
  format: { type: 'string' },
  'text-field': { type: 'string' },
  'id-field': { type: 'string' },
  'sender-field': { type: 'string' },
  'conversation-field': { type: 'string' },
  'time-field': { type: 'string' },
  workers: { type: 'string' },
  'only-flagged': { type: 'boolean' },
  summary: { type: 'string' },
  rule: { type: 'string' },
  'fail-on': { type: 'string' },
  redis: { type: 'string' },
  stream: { type: 'string' },
  group: { type: 'string' },
  out: { type: 'string' },
  consumer: { type: 'string' },
  'dead-letter': { type: 'string' },
  batch: { type: 'string' },
  'claim-idle': { type: 'string' },
  'max-deliveries': { type: 'string' },
  'metrics-interval': { type: 'string' },
  'metrics-port': { type: 'string' },
  'max-lag': { type: 'string' },
  trim: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** Runs the command line; resolves to the exit status (0 ok, 1 findings/failures, 2 usage error). */
export async function main(argv: readonly string[], io: Io = defaultIo()): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`chaperone: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RuleSetError) {
      io.stderr.write(`chaperone: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

function run(argv: readonly string[], io: Io): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.stdout.write(`${HELP.main}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  // Own keys only: `chaperone constructor` is an unknown command, not Object's constructor.
  if (!Object.hasOwn(HELP, command) || command === 'main') {
    throw new UsageError(`unknown command "${command}" (commands: scan, check, explain, redact, rules, schema, test, enqueue, worker, collect; see --help)`);
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]!);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${HELP[command]}\n`);
    return 0;
  }
  for (const path of values.rules ?? []) {
    if (!existsSync(path)) throw new UsageError(`cannot read rule set ${path}: no such file`);
  }
  if (values['fail-on'] !== undefined && command !== 'check') throw new UsageError(`--fail-on applies to check only, not ${command}`);
  for (const name of ['conversation-field', 'time-field'] as const) {
    // The queue moderates each entry alone; a conversation option there would be ignored without a word.
    if (values[name] !== undefined && command !== 'scan') throw new UsageError(`--${name} applies to scan only, not ${command}`);
  }
  const moderatorOptions: ModeratorOptions = moderatorOptionsFor(values.rules ?? [], Boolean(values['only-rules']));
  if (command === 'scan') return scan(positionals, values, io);
  if (command === 'worker' || command === 'enqueue' || command === 'collect') {
    return runQueueCommand(command, positionals, values, moderatorOptions, {
      stdin: (io.stdinStream ?? process.stdin) as unknown as Readable,
      stdout: io.stdout as unknown as Writable,
      stderr: io.stderr as unknown as Writable,
      ...(io.signal ? { signal: io.signal } : {}),
    });
  }
  const color = Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;

  switch (command) {
    case 'check': {
      const failOn = failLevel(values['fail-on']);
      const text = messageFrom(positionals, io);
      const result = createModerator(moderatorOptions).moderate(text);
      io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatCheckReport(text, result, color)}\n`);
      return failOn !== undefined && VERDICT_RANK[result.verdict] >= VERDICT_RANK[failOn] ? 1 : 0;
    }
    case 'redact': {
      const text = messageFrom(positionals, io);
      const style = values.style ?? 'label';
      if (style !== 'label' && style !== 'mask') throw new UsageError(`--style must be label or mask, got "${style}"`);
      let result;
      try {
        result = createModerator(moderatorOptions).redact(text, {
          style,
          ...(values.category ? { categories: values.category } : {}),
          ...(values.entity ? { entities: values.entity } : {}),
        });
      } catch (error) {
        if (!(error instanceof OptionError)) throw error;
        throw new UsageError(describeProblem(error, error.path[0] === 'categories' ? '--category' : '--entity'));
      }
      io.stdout.write(`${result.text}\n`);
      return 0;
    }
    case 'explain': {
      const text = messageFrom(positionals, io);
      const prefix = values.rule;
      const order: Record<string, number> = { flagged: 0, 'below-threshold': 1, suppressed: 2, 'no-match': 3, 'not-triggered': 4 };
      const explanations = createModerator(moderatorOptions)
        .explain(text)
        .filter((e) => prefix === undefined || e.ruleId.startsWith(prefix))
        .sort((a, b) => order[a.outcome]! - order[b.outcome]! || a.ruleId.localeCompare(b.ruleId));
      if (prefix !== undefined && explanations.length === 0) throw new UsageError(`no rule id starts with "${prefix}"`);
      if (text.length > MAX_MODERATED_LENGTH) {
        io.stderr.write(`explained the first ${moderatedLength(text)} of ${text.length} characters, as check reads them; the rest was not read\n`);
      }
      if (values.json) {
        io.stdout.write(`${JSON.stringify(explanations, null, 2)}\n`);
        return 0;
      }
      const c = pc.createColors(color);
      const paint: Record<string, (s: string) => string> = {
        flagged: c.red,
        'below-threshold': c.yellow,
        suppressed: c.cyan,
        'no-match': c.dim,
        'not-triggered': c.dim,
      };
      for (const e of explanations) io.stdout.write(`${paint[e.outcome]!(e.outcome.padEnd(15))} ${e.ruleId}: ${e.reason}\n`);
      return 0;
    }
    case 'schema': {
      const which = positionals[0] ?? 'rules';
      const schemas: Record<string, () => Record<string, unknown>> = { rules: ruleSetJsonSchema, cases: caseFileJsonSchema, overrides: overridesJsonSchema };
      const generate = Object.hasOwn(schemas, which) ? schemas[which] : undefined;
      if (!generate) throw new UsageError(`schema takes "rules", "cases" or "overrides", got "${which}"`);
      const schema = generate();
      io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
      return 0;
    }
    case 'rules': {
      const moderator = createModerator(moderatorOptions);
      if (values.json) {
        io.stdout.write(`${JSON.stringify(moderator.ruleSets, null, 2)}\n`);
        return 0;
      }
      const c = pc.createColors(color);
      for (const ruleSet of moderator.ruleSets) {
        const file = ruleSet.file ? ` ${c.dim(ruleSet.file)}` : '';
        io.stdout.write(`${c.bold(ruleSet.id)} (${ruleSet.category}, ${ruleSet.locale})${file}\n  ${ruleSet.description.trim()}\n`);
        const regions = Object.entries(ruleSet.regions ?? {}).map(([id, region]) => (region.off ? c.dim(`${id} (off)`) : id));
        if (regions.length > 0) io.stdout.write(`  regions: ${regions.join(', ')}\n`);
        for (const rule of ruleSet.rules) {
          io.stdout.write(`  ${ruleSet.id}/${rule.id}  ${rule.severity}, score ${rule.score}\n    ${c.dim(rule.description)}\n`);
        }
      }
      return 0;
    }
    case 'test': {
      if (positionals.length === 0) throw new UsageError('test needs at least one cases.yaml file');
      const ruleSets = moderatorOptions.ruleSets!;
      let passed = 0;
      let failed = 0;
      for (const file of positionals) {
        const outcome = runCaseFile(file, { ruleSets });
        passed += outcome.passed;
        failed += outcome.failed;
        for (const result of outcome.results) if (!result.passed) io.stdout.write(`${formatCaseFailure(result, file)}\n\n`);
        for (const rule of outcome.uncoveredRules) io.stdout.write(`! ${file}: no invalid case covers ${rule}\n`);
        for (const text of outcome.duplicates) io.stdout.write(`! ${file}: duplicated case ${JSON.stringify(text)}\n`);
      }
      io.stdout.write(`${passed} passed, ${failed} failed\n`);
      return failed > 0 ? 1 : 0;
    }
  }
  return 2;
}

async function scan(positionals: readonly string[], values: Record<string, unknown>, io: Io): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('scan needs exactly one input: a file, or - for stdin');
  const format = values.format as string | undefined;
  if (format !== undefined && !['jsonl', 'csv', 'text'].includes(format)) {
    throw new UsageError(`--format must be jsonl, csv or text, got "${format}"`);
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) {
    throw new UsageError(`--workers must be a whole number >= 0, got "${String(values.workers)}"`);
  }
  if (values['time-field'] !== undefined && values['conversation-field'] === undefined) {
    throw new UsageError('--time-field is the time of messages in conversations: give --conversation-field too');
  }
  const here = import.meta.url;
  const workerUrl = new URL(here.endsWith('.cjs') ? './scan-worker.cjs' : './scan-worker.js', here);
  const options = {
    input: positionals[0]!,
    ...(format === undefined ? {} : { format: format as InputFormat }),
    textField: (values['text-field'] as string | undefined) ?? 'text',
    idField: (values['id-field'] as string | undefined) ?? 'id',
    senderField: (values['sender-field'] as string | undefined) ?? 'sender',
    ...(values['conversation-field'] === undefined ? {} : { conversationField: values['conversation-field'] as string }),
    ...(values['time-field'] === undefined ? {} : { timeField: values['time-field'] as string }),
    rules: (values.rules as string[] | undefined) ?? [],
    onlyRules: Boolean(values['only-rules']),
    onlyFlagged: Boolean(values['only-flagged']),
    ...(workers === undefined ? {} : { workers }),
    ...(values.summary === undefined ? {} : { summaryFile: values.summary as string }),
    workerUrl,
  };
  // Until the scan is over, SIGINT and SIGTERM stop it cleanly instead of killing it mid-line; a
  // second signal, once the listeners are gone, kills it as usual.
  const { signal, release } = interruptSignal(io.signal);
  try {
    return await runScan(options, {
      stdin: (io.stdinStream ?? process.stdin) as unknown as Readable,
      stdout: io.stdout as unknown as Writable,
      stderr: io.stderr as unknown as Writable & { isTTY?: boolean },
      signal,
    });
  } finally {
    release();
  }
}

const VERDICT_RANK = { allow: 0, review: 1, block: 2 } as const;

/** The verdict `--fail-on` names, checked before any work so a typo is not a silent pass. */
function failLevel(value: string | undefined): 'review' | 'block' | undefined {
  if (value === undefined || value === 'review' || value === 'block') return value;
  const hint = nearest(value, ['review', 'block']);
  throw new UsageError(`--fail-on must be review or block, got "${value}"${hint ? `; did you mean "${hint}"?` : ''}`);
}

/** The installed package's version, read from its own package.json by the package's name. */
function version(): string {
  return (createRequire(import.meta.url)('chaperone/package.json') as { version: string }).version;
}

function messageFrom(positionals: readonly string[], io: Io): string {
  if (positionals.length > 0) return positionals.join(' ');
  const text = io.stdin().replace(/\r?\n$/, '');
  if (text === '') throw new UsageError('no message given: pass it as an argument or on stdin');
  return text;
}

function defaultIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: () => {
      if (process.stdin.isTTY) throw new UsageError('no message given: pass it as an argument or on stdin');
      return readFileSync(0, 'utf8');
    },
  };
}
