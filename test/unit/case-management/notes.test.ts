import { describe, expect, it } from 'vitest';
import { icmSideOf, noteAccess, sharedNoteProblem } from '../../../src/domain/case-management/index.js';

const PROVIDER = 'org-provider';

describe('I2: who reads which case note', () => {
  const internal = { visibility: 'internal' as const, organizationId: PROVIDER };
  const shared = { visibility: 'shared_with_sa' as const, organizationId: PROVIDER };

  it('I2: an SA caseworker never reads an internal note, but reads the shared plan-item comment', () => {
    const sa = { organizationKind: 'sa_office' as const, organizationId: 'org-sa' };
    expect(noteAccess(sa, internal)).toBe('internal');
    expect(noteAccess(sa, shared)).toBe('visible');
  });

  it('I2: the writing provider reads its internal notes; another provider does not', () => {
    expect(noteAccess({ organizationKind: 'provider', organizationId: PROVIDER }, internal)).toBe('visible');
    expect(noteAccess({ organizationKind: 'provider', organizationId: 'org-other' }, internal)).toBe(
      'internal',
    );
    expect(noteAccess({ organizationKind: 'provider', organizationId: 'org-other' }, shared)).toBe('visible');
  });

  it('I2/§11: the SSM reads internal notes (closure rationale), the ministry none', () => {
    expect(noteAccess({ organizationKind: 'ssm', organizationId: 'org-ssm' }, internal)).toBe('visible');
    expect(noteAccess({ organizationKind: 'ministry', organizationId: 'org-min' }, internal)).toBe(
      'internal',
    );
  });
});

describe('I2: a shared note hangs on a plan item of this client', () => {
  it('I2: shared without a plan item is refused', () => {
    expect(
      sharedNoteProblem({ visibility: 'shared_with_sa', planItemId: null, itemOfClient: false }),
    ).toMatchObject({ rule: 'I2', code: 'shared_needs_plan_item' });
  });

  it('I2: an internal note needs no item', () => {
    expect(sharedNoteProblem({ visibility: 'internal', planItemId: null, itemOfClient: false })).toBeNull();
  });

  it('I2: an item of another client is refused, for shared and internal notes alike', () => {
    for (const visibility of ['shared_with_sa', 'internal'] as const) {
      expect(sharedNoteProblem({ visibility, planItemId: 'item', itemOfClient: false })?.code).toBe(
        'plan_item_of_another_client',
      );
    }
    expect(
      sharedNoteProblem({ visibility: 'shared_with_sa', planItemId: 'item', itemOfClient: true }),
    ).toBeNull();
  });
});

describe('I4: the ICM side of an organization', () => {
  it('I4: SA office, provider and SSM each speak for their side; the ministry for none', () => {
    expect(icmSideOf('sa_office')).toBe('sa');
    expect(icmSideOf('provider')).toBe('provider');
    expect(icmSideOf('ssm')).toBe('ssm');
    expect(icmSideOf('ministry')).toBeNull();
  });
});
