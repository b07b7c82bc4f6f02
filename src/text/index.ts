export { CONFUSABLES, WEAK_CONFUSABLE } from './confusables.js';
export { isCjk, isMaskChar, isWordChar } from './char-class.js';
export { createDigitsView, readLettersBack } from './digits-view.js';
export { createPlainView } from './plain-view.js';
export { createSkeletonView, skeletonize } from './skeleton-view.js';
export { createOriginalView, createViews, mapSpanToOriginal, type Views } from './views.js';
export type { SkeletonView, Span, TextView, ViewName } from './types.js';
