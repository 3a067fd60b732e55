import { describe, expect, it } from 'vitest';
import { EN, FR } from '../../../web/src/i18n/resources.js';
import { centsToInput, dollarsToCents } from '../../../web/src/money.js';
import {
  MINIMUM_SERVICES,
  PLAN_EVENT_KINDS,
  PLAN_ITEM_OUTCOMES,
  PLAN_ITEM_STATUSES,
  PLAN_PHASES,
  PLAN_STATUSES,
  SIGNATURE_METHODS,
  SUB_GOAL_KINDS,
  TRAINING_PROGRAMS,
} from '../../../web/src/pages/plans/types.js';

describe('plan money input', () => {
  it('turns dollars typed either way into integer cents, never a float', () => {
    expect(dollarsToCents('250')).toBe(25_000);
    expect(dollarsToCents('45.50')).toBe(4_550);
    expect(dollarsToCents('45,50')).toBe(4_550);
    expect(dollarsToCents('$1,234.5')).toBe(123_450);
    expect(dollarsToCents('1 234,56 $')).toBe(123_456);
    expect(dollarsToCents('0.1')).toBe(10);
    expect(dollarsToCents('0')).toBe(0);
    // 0.29 * 100 is 28.999… in floating point; cents are built from the digits instead.
    expect(dollarsToCents('0.29')).toBe(29);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '12.3.4', '1e3'])
      expect(dollarsToCents(bad), bad).toBeNull();
  });

  it('shows cents back as an amount to edit', () => {
    expect(centsToInput(4_550, 'en')).toBe('45.50');
    expect(dollarsToCents(centsToInput(123_456, 'en'))).toBe(123_456);
  });
});

type Tree = { [key: string]: string | Tree };
const at = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe('plan labels (A2, A3, A7, A8, A10)', () => {
  it('has an English and a French label for every code the plan API sends', () => {
    const families: [string, readonly string[]][] = [
      ['plans.statuses', PLAN_STATUSES],
      ['plans.phases', PLAN_PHASES],
      ['plans.subGoalKinds', SUB_GOAL_KINDS],
      ['plans.itemStatuses', PLAN_ITEM_STATUSES],
      ['plans.itemOutcomes', PLAN_ITEM_OUTCOMES],
      ['plans.signatureMethods', SIGNATURE_METHODS],
      ['plans.minimumServices', MINIMUM_SERVICES],
      ['plans.trainingPrograms', TRAINING_PROGRAMS],
      ['plans.eventKinds', PLAN_EVENT_KINDS],
    ];
    for (const [prefix, values] of families)
      for (const value of values) {
        expect(typeof at(EN as Tree, `${prefix}.${value}`), `en ${prefix}.${value}`).toBe('string');
        expect(typeof at(FR as Tree, `${prefix}.${value}`), `fr ${prefix}.${value}`).toBe('string');
      }
  });
});
