/** The rule set id of the findings that the conversation rules make. */
export const CONVERSATION_RULE_SET = 'conversation';

/**
 * The conversation rules, by id. `disable` (in `createModerator` options or an overrides file)
 * takes any of them, or `conversation` for all, out of a moderator's conversations.
 */
export const CONVERSATION_RULE_IDS = [
  'conversation/split-contact',
  'conversation/cancel-and-continue',
  'conversation/repeated-after-refusal',
  'conversation/escalation',
] as const;

export type ConversationRuleId = (typeof CONVERSATION_RULE_IDS)[number];
