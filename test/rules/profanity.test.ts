import { describe, it } from 'vitest';
import { describeCases } from '../../src/testing/index.js';

describeCases('rules/profanity.cases.yaml', { describe, it });
