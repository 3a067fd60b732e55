/**
 * F12: the one notion of "employer supports active". While employer financial supports (a training
 * incentive or wage subsidy, F10) are paid for a client, that client's PBF is deferred; a checkpoint
 * whose date falls inside any support period is a deferred checkpoint. The monitoring module records
 * support periods against a job; employer placements (issue 7) add theirs; both are read here.
 */
import { compareIsoDates, ymdOf, type IsoDate } from '../calendar/iso-date.js';

export interface EmployerSupportPeriod {
  startsOn: IsoDate;
  /** Last supported day, inclusive; null while the supports continue. */
  endsOn: IsoDate | null;
}

export function employerSupportsActiveOn(periods: readonly EmployerSupportPeriod[], on: IsoDate): boolean {
  ymdOf(on);
  return periods.some(
    (p) => compareIsoDates(p.startsOn, on) <= 0 && (p.endsOn === null || compareIsoDates(p.endsOn, on) >= 0),
  );
}
