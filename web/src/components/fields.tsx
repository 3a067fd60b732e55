/**
 * Form fields as native elements with the Ontario Design System classes.
 *
 * The ODS <ontario-input>, <ontario-dropdown-list>, <ontario-checkboxes> and <ontario-radio-buttons>
 * keep their <input> inside a shadow root: React cannot bind its value, error text cannot be tied to
 * it with aria-describedby, a form's Enter-to-submit does not reach it, and tests cannot find it by
 * id. The markup below is what those components render, in the light DOM.
 */
import type { HTMLInputTypeAttribute, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AlertIcon } from './Icons.js';

const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');
const describedBy = (...ids: (string | false | null | undefined)[]) => {
  const value = cx(...ids);
  return value ? { 'aria-describedby': value } : {};
};

export function FieldError({ id, message }: { id: string; message: string }) {
  return (
    <div className="ontario-error-messaging" id={id}>
      <AlertIcon kind="error" />
      <div className="ontario-error-messaging__content">{message}</div>
    </div>
  );
}

function Flag({ required, optional }: { required?: boolean | undefined; optional?: boolean | undefined }) {
  const { t } = useTranslation();
  if (required) return <span className="ontario-label__flag">({t('form.required')})</span>;
  if (optional) return <span className="ontario-label__flag">({t('form.optional')})</span>;
  return null;
}

interface FieldBase {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  /** Show "(optional)" after the label: for forms where most fields are required. */
  optional?: boolean | undefined;
}

/** The ids a field's hint and error get, for aria-describedby. */
const fieldIds = (props: FieldBase) => ({
  hintId: props.hint ? `${props.id}-hint` : null,
  errorId: props.error ? `${props.id}-error` : null,
});

/** Label, hint and error of a single-input field, in the order ODS lays them out. */
function FieldHead(props: FieldBase & { hintId: string | null; errorId: string | null }) {
  return (
    <>
      <label className="ontario-label" htmlFor={props.id}>
        {props.label}
        <Flag required={props.required} optional={props.optional} />
      </label>
      {props.hint ? (
        <p className="ontario-hint" id={props.hintId ?? undefined}>
          {props.hint}
        </p>
      ) : null}
      {props.error && props.errorId ? <FieldError id={props.errorId} message={props.error} /> : null}
    </>
  );
}

export function TextField(
  props: FieldBase & {
    value: string;
    onChange: (value: string) => void;
    type?: HTMLInputTypeAttribute;
    autoComplete?: string;
    inputMode?: 'text' | 'numeric' | 'decimal' | 'tel' | 'email' | 'search';
    width?: 2 | 3 | 4 | 5 | 7 | 10 | 20;
    name?: string;
    min?: string | number;
    max?: string | number;
    step?: string | number;
    spellCheck?: boolean;
    lang?: string;
  },
) {
  const { hintId, errorId } = fieldIds(props);
  return (
    <div className="ontario-form-group">
      <FieldHead {...props} hintId={hintId} errorId={errorId} />
      <input
        className={cx(
          'ontario-input',
          props.width && `ontario-input--${props.width}-char-width`,
          props.error && 'ontario-input__error',
        )}
        id={props.id}
        name={props.name ?? props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        min={props.min}
        max={props.max}
        step={props.step}
        spellCheck={props.spellCheck}
        lang={props.lang}
        {...describedBy(hintId, errorId)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  lang?: string | undefined;
}

export function SelectField(
  props: FieldBase & {
    value: string;
    onChange: (value: string) => void;
    options: Option[];
    /** Text of a first, empty option; none when every value is a valid answer. */
    placeholder?: string;
    name?: string;
    width?: 7 | 10 | 20;
  },
) {
  const { hintId, errorId } = fieldIds(props);
  return (
    <div className="ontario-form-group">
      <FieldHead {...props} hintId={hintId} errorId={errorId} />
      <select
        className={cx(
          'ontario-input',
          'ontario-dropdown',
          props.width && `ontario-input--${props.width}-char-width`,
          props.error && 'ontario-input__error',
        )}
        id={props.id}
        name={props.name ?? props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        {...describedBy(hintId, errorId)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Fieldset(
  props: FieldBase & { children: ReactNode; legendSize?: 'default' | 'heading'; headingLevel?: 2 | 3 },
) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="ontario-form-group">
      <fieldset className="ontario-fieldset" id={props.id} tabIndex={-1} {...describedBy(hintId, errorId)}>
        <legend
          className={cx(
            'ontario-fieldset__legend',
            props.legendSize === 'heading' && 'ontario-fieldset__legend--heading',
          )}
        >
          {props.legendSize === 'heading' ? (
            <Heading className="ontario-h5 legend-heading">{props.label}</Heading>
          ) : (
            props.label
          )}
          <Flag required={props.required} optional={props.optional} />
        </legend>
        {props.hint ? (
          <p className="ontario-hint" id={hintId ?? undefined}>
            {props.hint}
          </p>
        ) : null}
        {props.error && errorId ? <FieldError id={errorId} message={props.error} /> : null}
        {props.children}
      </fieldset>
    </div>
  );
}

export function CheckboxGroup(
  props: FieldBase & {
    options: Option[];
    values: string[];
    onChange: (values: string[]) => void;
    columns?: boolean;
    legendSize?: 'default' | 'heading';
    headingLevel?: 2 | 3;
  },
) {
  const toggle = (value: string, on: boolean) =>
    props.onChange(on ? [...props.values, value] : props.values.filter((v) => v !== value));
  return (
    <Fieldset {...props}>
      <div className={cx('ontario-checkboxes', props.columns && 'options-columns')}>
        {props.options.map((o) => {
          const optionId = `${props.id}-${o.value}`;
          return (
            <div className="ontario-checkboxes__item" key={o.value}>
              <input
                className="ontario-checkboxes__input"
                type="checkbox"
                id={optionId}
                name={props.id}
                value={o.value}
                checked={props.values.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <label className="ontario-checkboxes__label" htmlFor={optionId} lang={o.lang}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export function Checkbox(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const hintId = props.hint ? `${props.id}-hint` : null;
  return (
    <div className="ontario-form-group">
      <div className="ontario-checkboxes">
        <div className="ontario-checkboxes__item">
          <input
            className="ontario-checkboxes__input"
            type="checkbox"
            id={props.id}
            name={props.id}
            checked={props.checked}
            onChange={(e) => props.onChange(e.target.checked)}
            {...describedBy(hintId)}
          />
          <label className="ontario-checkboxes__label" htmlFor={props.id}>
            {props.label}
          </label>
          {props.hint ? (
            <p className="ontario-hint checkbox-hint" id={hintId ?? undefined}>
              {props.hint}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function RadioGroup(
  props: FieldBase & {
    options: Option[];
    value: string;
    onChange: (value: string) => void;
    inline?: boolean;
    legendSize?: 'default' | 'heading';
    headingLevel?: 2 | 3;
  },
) {
  return (
    <Fieldset {...props}>
      <div className={cx('ontario-radios', props.inline && 'options-inline')}>
        {props.options.map((o) => {
          const optionId = `${props.id}-${o.value}`;
          return (
            <div className="ontario-radios__item" key={o.value}>
              <input
                className="ontario-radios__input"
                type="radio"
                id={optionId}
                name={props.id}
                value={o.value}
                checked={props.value === o.value}
                onChange={() => props.onChange(o.value)}
              />
              <label className="ontario-radios__label" htmlFor={optionId}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

/** A native submit button with the ODS look, so Enter in any field submits the form. */
export function SubmitButton({
  children,
  pending,
  testId,
  variant = 'primary',
}: {
  children: ReactNode;
  pending?: boolean;
  testId?: string;
  variant?: 'primary' | 'secondary';
}) {
  return (
    <button
      type="submit"
      className={`ontario-button ontario-button--${variant}`}
      aria-disabled={pending ? true : undefined}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

export function TextAreaField(
  props: FieldBase & {
    value: string;
    onChange: (value: string) => void;
    rows?: number;
    maxLength?: number;
  },
) {
  const { hintId, errorId } = fieldIds(props);
  return (
    <div className="ontario-form-group">
      <FieldHead {...props} hintId={hintId} errorId={errorId} />
      <textarea
        className={cx('ontario-input', 'ontario-textarea', props.error && 'ontario-input__error')}
        id={props.id}
        name={props.id}
        rows={props.rows ?? 4}
        maxLength={props.maxLength}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        {...describedBy(hintId, errorId)}
      />
    </div>
  );
}
