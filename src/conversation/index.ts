export { createConversation, type ConversationContext } from './conversation.js';
export { CONVERSATION_RULE_IDS } from './rule-ids.js';
export { ConversationStateError, DEFAULT_WINDOW, MAX_WINDOW_MESSAGES, STATE_VERSION } from './state.js';
export type * from './types.js';
