import { useTranslation } from 'react-i18next';
import { Checkbox, CheckboxGroup, SelectField } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import type { FormErrorsState } from '../../forms.js';
import { useOrganizations } from '../../queries.js';
import {
  ACCESSIBILITY_FEATURES,
  SERVICE_LANGUAGES,
  type AccessibilityFeature,
  type ReferralBarriers,
  type ServiceLanguage,
} from '../../types.js';

/** What a referral says about attending: a warm hand-off, and the barriers the provider should know of. */
export interface NeedsValues {
  warmReferral: boolean;
  transportation: boolean;
  childcare: boolean;
  language: ServiceLanguage | '';
  accessibility: AccessibilityFeature[];
}

export const emptyNeeds = (clientLanguage?: string): NeedsValues => ({
  warmReferral: false,
  transportation: false,
  childcare: false,
  language: clientLanguage === 'fr' ? 'fr' : '',
  accessibility: [],
});

export const barriersOf = (values: NeedsValues): ReferralBarriers => ({
  transportation: values.transportation,
  childcare: values.childcare,
  language: values.language || null,
  accessibility: values.accessibility,
});

/** The client's own choice of provider (P3): it binds SSM intake's assignment. */
export function ClientChoiceField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const providers = useOrganizations('provider');
  return (
    <SelectField
      id="clientChoiceOrganizationId"
      label={t('referrals.fields.clientChoice')}
      hint={t('referrals.form.clientChoiceHint')}
      options={(providers.data?.items ?? []).map((o) => ({ value: o.id, label: fmt.orgName(o) }))}
      placeholder={t('referrals.form.noChoice')}
      value={value}
      onChange={onChange}
      error={error}
      optional
    />
  );
}

/** Warm referral and barriers to attending (P4 matches them against each site). */
export function NeedsFields({
  values,
  onChange,
  form,
}: {
  values: NeedsValues;
  onChange: (values: NeedsValues) => void;
  form: FormErrorsState;
}) {
  const { t } = useTranslation();
  const set =
    <K extends keyof NeedsValues>(key: K) =>
    (value: NeedsValues[K]) =>
      onChange({ ...values, [key]: value });
  return (
    <>
      <Checkbox
        id="warmReferral"
        label={t('referrals.fields.warmReferral')}
        hint={t('referrals.form.warmReferralHint')}
        checked={values.warmReferral}
        onChange={set('warmReferral')}
      />
      <Checkbox
        id="transportation"
        label={t('referrals.fields.transportation')}
        checked={values.transportation}
        onChange={set('transportation')}
      />
      <Checkbox
        id="childcare"
        label={t('referrals.fields.childcare')}
        checked={values.childcare}
        onChange={set('childcare')}
      />
      <SelectField
        id="barriers-language"
        label={t('referrals.fields.language')}
        hint={t('referrals.form.languageHint')}
        options={SERVICE_LANGUAGES.filter((l) => l !== 'en').map((l) => ({
          value: l,
          label: t(`serviceLanguages.${l}`),
        }))}
        placeholder={t('referrals.form.englishIsFine')}
        value={values.language}
        onChange={(v) => set('language')(v as ServiceLanguage | '')}
        error={form.field('barriers.language')}
        optional
      />
      <CheckboxGroup
        id="barriers-accessibility"
        label={t('referrals.fields.accessibility')}
        hint={t('referrals.form.accessibilityHint')}
        options={ACCESSIBILITY_FEATURES.map((f) => ({
          value: f,
          label: t(`accessibilityFeatures.${f}`),
        }))}
        values={values.accessibility}
        onChange={(v) => set('accessibility')(v as AccessibilityFeature[])}
        columns
        optional
      />
    </>
  );
}
