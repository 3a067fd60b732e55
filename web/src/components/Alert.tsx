import { forwardRef, type ReactNode } from 'react';
import { AlertIcon, type AlertKind } from './Icons.js';

/**
 * The ODS page alert, as plain markup with the ODS classes: the <ontario-page-alert> component's
 * icon is an SVG with role="img" and no name, which axe reports and we cannot fix from outside.
 */
export const PageAlert = forwardRef<
  HTMLDivElement,
  { kind: AlertKind; heading: string; headingId?: string; children?: ReactNode; live?: boolean }
>(function PageAlert({ kind, heading, headingId, children, live }, ref) {
  return (
    <div
      ref={ref}
      className={`ontario-alert ontario-alert--${kind}`}
      tabIndex={-1}
      {...(headingId ? { 'aria-labelledby': headingId } : {})}
      {...(live ? { role: kind === 'error' ? 'alert' : 'status' } : {})}
    >
      <div className="ontario-alert__header">
        <div className="ontario-alert__header-icon">
          <AlertIcon kind={kind} />
        </div>
        <h2 className="ontario-alert__header-title ontario-h4" id={headingId}>
          {heading}
        </h2>
      </div>
      {children ? <div className="ontario-alert__body">{children}</div> : null}
    </div>
  );
});
