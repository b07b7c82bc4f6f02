import { describe, it } from 'vitest';
import { describeCases } from '../../src/testing/index.js';

describeCases('rules/pii.cases.yaml', { describe, it });
