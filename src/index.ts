export { createModerator } from './engine/moderator.js';
export type { Moderator, ModeratorOptions } from './engine/moderator.js';
export type { RuleExplanation, RuleOutcome } from './engine/explain.js';
export type { RedactOptions, RedactResult, RedactStyle } from './engine/redact.js';
export { OptionError } from './engine/errors.js';
export type { OptionErrorCode, OptionProblem } from './engine/errors.js';
export type {
  Category,
  CategoryResult,
  Explanation,
  ExplanationStep,
  Finding,
  ModerationResult,
  NationalIdScheme,
  Thresholds,
  Truncation,
  Verdict,
} from './engine/types.js';
export { MAX_MODERATED_LENGTH } from './engine/limits.js';
export { CONVERSATION_RULE_IDS, ConversationStateError, DEFAULT_WINDOW, MAX_WINDOW_MESSAGES, STATE_VERSION } from './conversation/index.js';
export type {
  Conversation,
  ConversationMessage,
  ConversationNotice,
  ConversationNoticeCode,
  ConversationOptions,
  ConversationState,
  ConversationUpdate,
  ConversationWindow,
  MessageSignals,
  MessageSpan,
  RequestKind,
  ScoredSpan,
  StoredFragment,
  StoredMessage,
  ThreadFinding,
  ThreadResult,
} from './conversation/index.js';
export { DEFAULT_THRESHOLDS } from './engine/scoring.js';
export { loadRuleSet, safeLoadRuleSet } from './policy/load.js';
export type { LoadRuleSetOptions, Region, RuleSet, TermEntry } from './policy/load.js';
export type { RegionChoice, SeverityChoice } from './policy/switches.js';
export { applyOverrides, loadOverrides, overridesSchema } from './policy/overrides.js';
export type { AppliedOverrides, PolicyOverrides } from './policy/overrides.js';
export { builtinRuleSets, builtinRuleSetIds } from './policy/builtin.js';
export { RuleSetError, formatIssues } from './policy/errors.js';
export type { RuleSetIssue, RuleSetIssueCode } from './policy/errors.js';
export type { Severity } from './policy/schema.js';
export { builtinDetectors } from './detectors/index.js';
export type { Detector, DetectorContext, DetectorMatch, RejectedCandidate } from './detectors/index.js';
export { createViews } from './text/index.js';
export type { Views } from './text/index.js';
export type { SkeletonView, Span, TextView, ViewName } from './text/types.js';
export { caseFileJsonSchema, overridesJsonSchema, ruleSetJsonSchema } from './policy/json-schema.js';
