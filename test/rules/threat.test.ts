import { describe, it } from 'vitest';
import { describeCases } from '../../src/testing/index.js';

describeCases('rules/threat.cases.yaml', { describe, it });
