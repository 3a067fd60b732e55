import { useTranslation } from 'react-i18next';
import { CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { TEXT_ANSWER_MAX_LENGTH } from '../../../../src/domain/assessment/question-bank.js';
import type { AnswerValue, Answers, Question } from '../../types.js';
import { inLocale, questionFieldId } from './shared.js';

/** A question's answer as a form holds it: text for every type but multi, which is a list. */
export type DraftValue = string | string[];
export type Draft = Record<string, DraftValue>;

/** More options than this and a single choice is a select, so the page stays short (ODS guidance). */
const RADIO_LIMIT = 7;

/** A stored answer as the form shows it. */
export function toDraft(question: Question, value: AnswerValue | undefined): DraftValue {
  if (value === undefined) return question.type === 'multi' ? [] : '';
  if (question.type === 'multi') return Array.isArray(value) ? value : [String(value)];
  if (question.type === 'boolean') return value === true ? 'yes' : value === false ? 'no' : '';
  return String(value);
}

/** The form's value as an answer; null when there is none (or it is not a number where one is needed). */
export function fromDraft(question: Question, value: DraftValue | undefined): AnswerValue | null {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.length ? value : null;
  const text = value.trim();
  if (text === '') return null;
  switch (question.type) {
    case 'boolean':
      return text === 'yes' ? true : text === 'no' ? false : null;
    case 'number':
    case 'scale': {
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) ? n : null;
    }
    default:
      return text;
  }
}

export const draftOf = (questions: Question[], answers: Answers): Draft =>
  Object.fromEntries(questions.map((q) => [q.id, toDraft(q, answers[q.id])]));

/** One question of the bank as the field its type calls for (C5), with its help text as the hint. */
export function QuestionField({
  question,
  value,
  onChange,
  error,
}: {
  question: Question;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const id = questionFieldId(question.id);
  const label = inLocale(locale, question.en, question.fr);
  const help =
    question.helpEn || question.helpFr
      ? inLocale(locale, question.helpEn ?? '', question.helpFr ?? '')
      : undefined;
  const options = (question.options ?? []).map((o) => ({
    value: o.value,
    label: inLocale(locale, o.en, o.fr),
  }));
  const common = { id, label, error, required: question.required, optional: !question.required };
  const text = Array.isArray(value) ? '' : value;

  switch (question.type) {
    case 'boolean':
      return (
        <RadioGroup
          {...common}
          hint={help}
          options={[
            { value: 'yes', label: t('common.yes') },
            { value: 'no', label: t('common.no') },
          ]}
          value={text}
          onChange={onChange}
          inline
        />
      );
    case 'single':
      return options.length > RADIO_LIMIT ? (
        <SelectField
          {...common}
          hint={help}
          options={options}
          placeholder={t('common.choose')}
          value={text}
          onChange={onChange}
        />
      ) : (
        <RadioGroup {...common} hint={help} options={options} value={text} onChange={onChange} />
      );
    case 'multi':
      return (
        <CheckboxGroup
          {...common}
          hint={help ?? t('assessments.section.selectAll')}
          options={options}
          values={Array.isArray(value) ? value : []}
          onChange={onChange}
          columns={options.length > RADIO_LIMIT}
        />
      );
    case 'scale':
      return (
        <RadioGroup
          {...common}
          hint={help}
          options={options.map((o) => ({ value: o.value, label: `${o.value} – ${o.label}` }))}
          value={text}
          onChange={onChange}
        />
      );
    case 'number': {
      const range =
        question.min !== undefined && question.max !== undefined
          ? t('assessments.section.range', { min: question.min, max: question.max })
          : undefined;
      return (
        <TextField
          {...common}
          hint={[help, range].filter(Boolean).join(' ') || undefined}
          value={text}
          onChange={onChange}
          inputMode="decimal"
          width={5}
          autoComplete="off"
        />
      );
    }
    case 'date':
      return <TextField {...common} hint={help} type="date" value={text} onChange={onChange} width={10} />;
    default:
      return (
        <TextAreaField
          {...common}
          hint={help}
          value={text}
          onChange={onChange}
          rows={3}
          maxLength={TEXT_ANSWER_MAX_LENGTH}
        />
      );
  }
}
