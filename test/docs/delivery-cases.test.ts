import { describe, it } from 'vitest';
import { describeCases } from 'chaperone/testing';

describeCases('docs/examples/delivery.cases.yaml', {
  describe,
  it,
  ruleSets: ['docs/examples/delivery.en.yaml', 'docs/examples/delivery.zh.yaml'],
});
