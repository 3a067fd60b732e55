import { useTranslation } from 'react-i18next';
import { CheckboxGroup, RadioGroup, SelectField, TextAreaField, TextField } from '../../components/fields.js';
import { TEXT_ANSWER_MAX_LENGTH } from '../../../../src/domain/assessment/question-bank.js';
import type { Question } from '../../types.js';
import { inLocale, questionFieldId, type DraftValue } from './logic.js';

/** More options than this and a single choice is a select, so the page stays short (ODS guidance). */
const RADIO_LIMIT = 7;

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
