import { useTranslation } from 'react-i18next';
import { RadioGroup, SelectField, Checkbox } from '../../components/fields.js';
import { PageAlert } from '../../components/Alert.js';
import { asksAboutSchool } from '../../../../src/domain/eligibility/screening.js';
import { todayIso, useFormatters } from '../../format.js';
import {
  WORK_AUTHORIZATIONS,
  WORK_PERMITS,
  type ScreeningAnswers,
  type ScreeningReason,
  type ScreeningResult,
} from '../../types.js';
import type { FormErrorsState } from '../../forms.js';

/** The screening answers as a form holds them: a yes/no question is unanswered until it is chosen. */
export interface ScreeningDraft {
  dateOfBirth: string;
  livesInOntario: '' | 'yes' | 'no';
  hasSin: '' | 'yes' | 'no';
  sinTemporary: boolean;
  workAuthorization: string;
  workPermit: string;
  secondarySchoolCompleted: '' | 'yes' | 'no';
  schoolExcusalProof: boolean;
  currentlyEmployed: '' | 'yes' | 'no';
  seekingSelfEmployment: '' | 'yes' | 'no';
}

export function emptyScreening(
  client: { dateOfBirth: string; sinMasked: string | null; sinTemporary: boolean } | undefined,
): ScreeningDraft {
  return {
    dateOfBirth: client?.dateOfBirth ?? '',
    livesInOntario: '',
    hasSin: client ? (client.sinMasked ? 'yes' : '') : '',
    sinTemporary: client?.sinTemporary ?? false,
    workAuthorization: '',
    workPermit: '',
    secondarySchoolCompleted: '',
    schoolExcusalProof: false,
    currentlyEmployed: '',
    seekingSelfEmployment: '',
  };
}

const under18 = (dateOfBirth: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) && asksAboutSchool(dateOfBirth, todayIso());

/** Field name (as the API names it, under "screening.") → message, for what is still unanswered. */
export function screeningGaps(
  draft: ScreeningDraft,
  t: (key: string) => string,
  prefix: string,
): Record<string, string> {
  const gaps: Record<string, string> = {};
  const need = (field: keyof ScreeningDraft) => {
    if (draft[field] === '') gaps[`${prefix}${field}`] = t('referrals.screening.answerThis');
  };
  need('dateOfBirth');
  need('livesInOntario');
  need('hasSin');
  need('workAuthorization');
  need('workPermit');
  if (under18(draft.dateOfBirth)) need('secondarySchoolCompleted');
  need('currentlyEmployed');
  need('seekingSelfEmployment');
  return gaps;
}

export function screeningAnswers(draft: ScreeningDraft): ScreeningAnswers {
  return {
    dateOfBirth: draft.dateOfBirth,
    livesInOntario: draft.livesInOntario === 'yes',
    hasSin: draft.hasSin === 'yes',
    sinTemporary: draft.hasSin === 'yes' && draft.sinTemporary,
    workAuthorization: draft.workAuthorization as ScreeningAnswers['workAuthorization'],
    workPermit: draft.workPermit as ScreeningAnswers['workPermit'],
    // Only asked under 18 (E3); an adult's answer does not change the outcome.
    secondarySchoolCompleted: under18(draft.dateOfBirth) ? draft.secondarySchoolCompleted === 'yes' : true,
    schoolExcusalProof: under18(draft.dateOfBirth) && draft.schoolExcusalProof,
    currentlyEmployed: draft.currentlyEmployed === 'yes',
    seekingSelfEmployment: draft.seekingSelfEmployment === 'yes',
  };
}

/**
 * The screening tool's questions (E1–E6) for a referral made directly to SSM intake (P2 pathway 2).
 * `idPrefix` keeps the ids unique and lets the error summary link to each question.
 */
export function ScreeningQuestions({
  draft,
  onChange,
  form,
  idPrefix,
}: {
  draft: ScreeningDraft;
  onChange: (next: ScreeningDraft) => void;
  form: FormErrorsState;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const yesNo = [
    { value: 'yes', label: t('common.yes') },
    { value: 'no', label: t('common.no') },
  ];
  const set = <K extends keyof ScreeningDraft>(key: K, value: ScreeningDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const id = (field: string) => `${idPrefix}-${field}`;
  const err = (field: string) => form.field(`screening.${field}`);
  return (
    <>
      <p className="ontario-hint">
        {t('referrals.screening.dateOfBirthFromRecord', {
          date: draft.dateOfBirth ? fmt.date(draft.dateOfBirth) : '—',
        })}
      </p>
      <RadioGroup
        id={id('livesInOntario')}
        label={t('referrals.screening.livesInOntario')}
        hint={t('referrals.screening.livesInOntarioHint')}
        options={yesNo}
        value={draft.livesInOntario}
        onChange={(v) => set('livesInOntario', v as ScreeningDraft['livesInOntario'])}
        error={err('livesInOntario')}
        inline
        required
      />
      <RadioGroup
        id={id('hasSin')}
        label={t('referrals.screening.hasSin')}
        hint={t('referrals.screening.hasSinHint')}
        options={yesNo}
        value={draft.hasSin}
        onChange={(v) => set('hasSin', v as ScreeningDraft['hasSin'])}
        error={err('hasSin')}
        inline
        required
      />
      {draft.hasSin === 'yes' ? (
        <Checkbox
          id={id('sinTemporary')}
          label={t('referrals.screening.sinTemporary')}
          checked={draft.sinTemporary}
          onChange={(v) => set('sinTemporary', v)}
        />
      ) : null}
      <SelectField
        id={id('workAuthorization')}
        label={t('referrals.screening.workAuthorization')}
        hint={t('referrals.screening.workAuthorizationHint')}
        options={WORK_AUTHORIZATIONS.map((v) => ({ value: v, label: t(`workAuthorizations.${v}`) }))}
        placeholder={t('common.choose')}
        value={draft.workAuthorization}
        onChange={(v) => set('workAuthorization', v)}
        error={err('workAuthorization')}
        required
      />
      <SelectField
        id={id('workPermit')}
        label={t('referrals.screening.workPermit')}
        options={WORK_PERMITS.map((v) => ({ value: v, label: t(`workPermits.${v}`) }))}
        placeholder={t('common.choose')}
        value={draft.workPermit}
        onChange={(v) => set('workPermit', v)}
        error={err('workPermit')}
        required
      />
      {under18(draft.dateOfBirth) ? (
        <>
          <RadioGroup
            id={id('secondarySchoolCompleted')}
            label={t('referrals.screening.secondarySchoolCompleted')}
            hint={t('referrals.screening.under18Hint')}
            options={yesNo}
            value={draft.secondarySchoolCompleted}
            onChange={(v) => set('secondarySchoolCompleted', v as ScreeningDraft['secondarySchoolCompleted'])}
            error={err('secondarySchoolCompleted')}
            inline
            required
          />
          {draft.secondarySchoolCompleted === 'no' ? (
            <Checkbox
              id={id('schoolExcusalProof')}
              label={t('referrals.screening.schoolExcusalProof')}
              checked={draft.schoolExcusalProof}
              onChange={(v) => set('schoolExcusalProof', v)}
            />
          ) : null}
        </>
      ) : null}
      <RadioGroup
        id={id('currentlyEmployed')}
        label={t('referrals.screening.currentlyEmployed')}
        hint={t('referrals.screening.currentlyEmployedHint')}
        options={yesNo}
        value={draft.currentlyEmployed}
        onChange={(v) => set('currentlyEmployed', v as ScreeningDraft['currentlyEmployed'])}
        error={err('currentlyEmployed')}
        inline
        required
      />
      <RadioGroup
        id={id('seekingSelfEmployment')}
        label={t('referrals.screening.seekingSelfEmployment')}
        options={yesNo}
        value={draft.seekingSelfEmployment}
        onChange={(v) => set('seekingSelfEmployment', v as ScreeningDraft['seekingSelfEmployment'])}
        error={err('seekingSelfEmployment')}
        inline
        required
      />
    </>
  );
}

function ReasonList({ reasons }: { reasons: ScreeningReason[] }) {
  const { i18n } = useTranslation();
  return (
    <ul>
      {reasons.map((r) => (
        <li key={r.code}>
          <strong>{r.rule}</strong> — {i18n.language === 'fr' ? r.fr : r.en}
        </li>
      ))}
    </ul>
  );
}

/** The outcome and why (E1–E6); never a dead end: other outcomes say what the person can still use. */
export function ScreeningResultView({ result }: { result: ScreeningResult }) {
  const { t } = useTranslation();
  const kind = result.outcome === 'case_managed_eligible' ? 'success' : 'warning';
  return (
    <div data-testid="screening-result" data-outcome={result.outcome}>
      <PageAlert kind={kind} heading={t(`screeningOutcomes.${result.outcome}`)}>
        {result.reasons.length ? <ReasonList reasons={result.reasons} /> : null}
        {result.outcome !== 'case_managed_eligible' ? (
          <p>{t('referrals.screening.selfDirectedOpen')}</p>
        ) : null}
        {result.notes.length ? (
          <>
            <p>{t('referrals.screening.notes')}</p>
            <ReasonList reasons={result.notes} />
          </>
        ) : null}
        {result.consultSsm ? <p>{t('referrals.screening.consultSsm')}</p> : null}
      </PageAlert>
    </div>
  );
}
