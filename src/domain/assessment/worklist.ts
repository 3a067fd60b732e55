/**
 * Which worklist buckets a CA falls in, for one viewer (C6, C9/S4, S5, C10, C11). Buckets overlap:
 * an aged CA is also in progress. Computed when read, like the referral worklists (decision 0006).
 */
import { AGEING_DAYS } from './lifecycle.js';
import {
  ASSESSMENT_BUCKETS,
  type AssessmentBucket,
  type AssessmentStatus,
  type ServiceLevel,
} from './types.js';

export interface WorklistFacts {
  status: AssessmentStatus;
  /** The organization that works the CA now. */
  holderOrganizationId: string;
  /** Set when the CA reached its holder through a referral (C6). */
  referralId: string | null;
  serviceLevel: ServiceLevel | null;
  /** C10: when and by whom the CA was returned to the SSM, if it was. */
  returnedToSsmAt: Date | null;
  returnedByOrganizationId: string | null;
  /** Calendar days since the CA started (`ageing(...).days`). */
  ageDays: number;
}

export interface WorklistViewer {
  organizationId: string;
  /** SSM staff see service-pending and submitted CAs of the whole catchment. */
  ssm: boolean;
}

export function inAssessmentBucket(
  bucket: AssessmentBucket,
  a: WorklistFacts,
  viewer: WorklistViewer,
): boolean {
  const held = a.holderOrganizationId === viewer.organizationId;
  const open = a.status === 'in_progress';
  switch (bucket) {
    case 'in_progress':
      return open && held;
    case 'referred':
      // C6: reached the holder through a referral (for the SSM: referred to it, awaiting a provider).
      return open && held && a.referralId !== null;
    case 'aged':
      // C9, S4: kept 120 days in progress before it may be cancelled.
      return open && held && a.ageDays >= AGEING_DAYS;
    case 'service_pending':
      // S5: the provider at capacity consults SSM intake at once: intake sees every one in the catchment.
      return open && a.serviceLevel === 'service_pending' && (viewer.ssm || held);
    case 'returned_to_ssm':
      // C10: the SSM sees what it was handed back; the provider, what it handed back.
      return (
        open &&
        a.returnedToSsmAt !== null &&
        (viewer.ssm ? held : a.returnedByOrganizationId === viewer.organizationId && !held)
      );
    case 'submitted':
      return a.status === 'submitted' && (viewer.ssm || held);
  }
}

export function assessmentBucketsOf(a: WorklistFacts, viewer: WorklistViewer): AssessmentBucket[] {
  return ASSESSMENT_BUCKETS.filter((b) => inAssessmentBucket(b, a, viewer));
}
