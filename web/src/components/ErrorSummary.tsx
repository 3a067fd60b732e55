import type { MouseEvent } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultFieldId, type FormErrorsState } from '../forms.js';
import { PageAlert } from './Alert.js';

/**
 * The ODS error summary at the top of a form: what went wrong, with a link to each field at fault.
 * It takes focus after every failed submit (see useFormErrors).
 */
export function ErrorSummary({
  form,
  labels,
  idFor = defaultFieldId,
}: {
  form: FormErrorsState;
  /** Field path → its label, so each link says which field it is about. */
  labels?: Record<string, string>;
  idFor?: (field: string) => string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { errors } = form;
  if (!errors) return null;
  const fields = Object.entries(errors.fields);

  // A nested field ("hours.mon.0.closes") may have no input of its own: go to the closest one that exists.
  const focusField = (event: MouseEvent<HTMLAnchorElement>, field: string) => {
    const parts = field.split('.');
    while (parts.length) {
      const target = document.getElementById(idFor(parts.join('.')));
      if (target) {
        event.preventDefault();
        target.scrollIntoView({ block: 'center' });
        target.focus();
        return;
      }
      parts.pop();
    }
  };
  const labelFor = (field: string) => {
    const parts = field.split('.');
    while (parts.length) {
      const label = labels?.[parts.join('.')];
      if (label) return label;
      parts.pop();
    }
    return null;
  };

  return (
    <PageAlert ref={form.summaryRef} kind="error" heading={t('errors.summaryTitle')} headingId={headingId}>
      {errors.summary ? <p>{errors.summary}</p> : null}
      {fields.length ? (
        <ul>
          {fields.map(([field, message]) => {
            const label = labelFor(field);
            return (
              <li key={field}>
                <a href={`#${idFor(field)}`} onClick={(e) => focusField(e, field)}>
                  {label ? t('errors.fieldMessage', { label, message }) : message}
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
    </PageAlert>
  );
}
