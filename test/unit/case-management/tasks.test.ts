import { describe, expect, it } from 'vitest';
import {
  caseloadSummary,
  daysSinceContact,
  dueWithinWeek,
  noContactFor,
  taskCounts,
  taskDueState,
} from '../../../src/domain/case-management/index.js';

describe('J9: task due state on Ontario dates', () => {
  it('J9: before today is overdue, today is due today, later is upcoming', () => {
    expect(taskDueState('2026-03-01', '2026-03-02')).toBe('overdue');
    expect(taskDueState('2026-03-02', '2026-03-02')).toBe('due_today');
    expect(taskDueState('2026-03-03', '2026-03-02')).toBe('upcoming');
  });

  it('J9: "due this week" is due by the sixth day after today, overdue included', () => {
    expect(dueWithinWeek('2026-03-02', '2026-03-02')).toBe(true);
    expect(dueWithinWeek('2026-03-08', '2026-03-02')).toBe(true);
    expect(dueWithinWeek('2026-03-09', '2026-03-02')).toBe(false);
    expect(dueWithinWeek('2026-02-01', '2026-03-02')).toBe(true);
  });

  it('J9: outstanding tasks count open ones only, with the earliest due date', () => {
    const counts = taskCounts(
      [
        { status: 'open', dueOn: '2026-03-05' },
        { status: 'open', dueOn: '2026-02-27' },
        { status: 'open', dueOn: '2026-03-02' },
        { status: 'done', dueOn: '2026-01-01' },
        { status: 'cancelled', dueOn: '2026-01-02' },
      ],
      '2026-03-02',
    );
    expect(counts).toEqual({ open: 3, overdue: 1, dueToday: 1, nextDueOn: '2026-02-27' });
  });
});

describe('J9: no contact in N days', () => {
  // 2026-03-02 04:30Z is still 1 March in Toronto (EST, UTC−5).
  const now = new Date('2026-03-31T16:00:00Z');

  it('J9: days since contact are counted on Ontario dates', () => {
    expect(daysSinceContact(new Date('2026-03-02T04:30:00Z'), now)).toBe(30);
    expect(daysSinceContact(null, now)).toBeNull();
  });

  it('J9: the last contact N days ago counts; N−1 does not', () => {
    const assignedAt = new Date('2025-01-01T12:00:00Z');
    expect(noContactFor(30, { lastContactAt: new Date('2026-03-01T15:00:00Z'), assignedAt }, now)).toBe(true);
    expect(noContactFor(30, { lastContactAt: new Date('2026-03-02T15:00:00Z'), assignedAt }, now)).toBe(
      false,
    );
  });

  it('J9: never contacted counts from the day the client joined the caseload', () => {
    expect(noContactFor(30, { lastContactAt: null, assignedAt: new Date('2026-03-20T15:00:00Z') }, now)).toBe(
      false,
    );
    expect(noContactFor(30, { lastContactAt: null, assignedAt: new Date('2026-02-01T15:00:00Z') }, now)).toBe(
      true,
    );
  });

  it('J9: a caseload summary adds tasks and counts the clients without contact', () => {
    const assignedAt = new Date('2026-01-05T15:00:00Z');
    expect(
      caseloadSummary(
        [
          { openTasks: 2, overdueTasks: 1, lastContactAt: new Date('2026-03-30T15:00:00Z'), assignedAt },
          { openTasks: 1, overdueTasks: 0, lastContactAt: null, assignedAt },
          { openTasks: 0, overdueTasks: 0, lastContactAt: new Date('2026-02-01T15:00:00Z'), assignedAt },
        ],
        30,
        now,
      ),
    ).toEqual({ clients: 3, outstandingTasks: 3, overdueTasks: 1, noContact: 2 });
  });
});
