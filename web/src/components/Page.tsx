import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

let firstPage = true;

/**
 * A page's one <h1> and the document title. After a client-side navigation the heading takes focus,
 * so screen-reader users hear where they landed (the first page load leaves focus to the browser).
 */
export function Page({
  title,
  lead,
  back,
  children,
}: {
  title: string;
  lead?: ReactNode;
  back?: { to: string; label: string };
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const app = t('app.name');
    document.title = title === app ? app : `${title} – ${app}`;
  }, [title, t]);

  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    heading.current?.focus();
  }, []);

  return (
    <>
      {back ? (
        <p className="back-link">
          <Link to={back.to}>
            <span aria-hidden="true">‹ </span>
            {back.label}
          </Link>
        </p>
      ) : null}
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {lead ? <p className="ontario-lead-statement">{lead}</p> : null}
      {children}
    </>
  );
}

/** Loading and failure states for a query, so every page says the same thing the same way. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="loading">
      {label ?? t('common.loading')}
    </p>
  );
}
