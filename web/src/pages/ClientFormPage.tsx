import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, patch, post } from '../api.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import {
  Checkbox,
  RadioGroup,
  SelectField,
  SubmitButton,
  TextField,
  type Option,
} from '../components/fields.js';
import { OntarioCallout } from '../components/Ods.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { todayIso, useFormatters } from '../format.js';
import {
  collect,
  EMAIL_PATTERN,
  isBlank,
  looksLikeSin,
  PHONE_PATTERN,
  POSTAL_CODE_PATTERN,
  problemMessage,
  useFormErrors,
  type FieldMessages,
} from '../forms.js';
import { keys, useCatchment, useClient, useOrganizations, useSites } from '../queries.js';
import { useSession } from '../session.js';
import {
  CLIENT_LANGUAGES,
  CONTACT_METHODS,
  CONTACT_TIMES,
  SA_PROGRAMS,
  SELF_IDENTIFICATION,
  SPECIALIZED_POPULATIONS,
  type Client,
  type ClientCreate,
  type ClientLanguage,
  type ContactMethod,
  type ContactTime,
  type SaProgram,
  type SelfIdentification,
  type SpecializedPopulationAnswers,
} from '../types.js';

interface Values {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string;
  dateOfBirth: string;
  sin: string;
  phone: string;
  email: string;
  preferredContactMethod: ContactMethod | '';
  preferredContactTime: ContactTime | '';
  street: string;
  unit: string;
  city: string;
  province: string;
  postalCode: string;
  isProviderAddress: boolean;
  regionId: string;
  language: ClientLanguage;
  languageOther: string;
  specializedPopulations: SpecializedPopulationAnswers;
  saLinked: 'yes' | 'no';
  saProgram: SaProgram | '';
  samsMemberId: string;
  officeId: string;
  caseworkerId: string | null;
}

const emptyValues = (prefill: URLSearchParams): Values => ({
  legalGivenName: prefill.get('givenName') ?? '',
  legalFamilyName: prefill.get('familyName') ?? '',
  preferredName: '',
  dateOfBirth: prefill.get('dateOfBirth') ?? '',
  sin: '',
  phone: '',
  email: '',
  preferredContactMethod: '',
  preferredContactTime: '',
  street: '',
  unit: '',
  city: '',
  province: 'ON',
  postalCode: '',
  isProviderAddress: false,
  regionId: '',
  language: 'en',
  languageOther: '',
  specializedPopulations: {},
  saLinked: 'no',
  saProgram: '',
  samsMemberId: '',
  officeId: '',
  caseworkerId: null,
});

const valuesFrom = (c: Client): Values => ({
  legalGivenName: c.legalGivenName,
  legalFamilyName: c.legalFamilyName,
  preferredName: c.preferredName ?? '',
  dateOfBirth: c.dateOfBirth,
  // The full SIN never comes back from the API; a blank field means "keep the one on file".
  sin: '',
  phone: c.phone ?? '',
  email: c.email ?? '',
  preferredContactMethod: c.preferredContactMethod ?? '',
  preferredContactTime: c.preferredContactTime ?? '',
  street: c.address?.street ?? '',
  unit: c.address?.unit ?? '',
  city: c.address?.city ?? '',
  province: c.address?.province ?? 'ON',
  postalCode: c.address?.postalCode ?? '',
  isProviderAddress: c.address?.isProviderAddress ?? false,
  regionId: c.regionId ?? '',
  language: c.language,
  languageOther: c.languageOther ?? '',
  specializedPopulations: { ...c.specializedPopulations },
  saLinked: c.socialAssistance ? 'yes' : 'no',
  saProgram: c.socialAssistance?.program ?? '',
  samsMemberId: c.socialAssistance?.samsMemberId ?? '',
  officeId: c.socialAssistance?.officeId ?? '',
  caseworkerId: c.socialAssistance?.caseworkerId ?? null,
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const hasAddress = (v: Values) =>
  [v.street, v.unit, v.city, v.postalCode].some((s) => s.trim() !== '') || v.isProviderAddress;

function toBody(v: Values): ClientCreate {
  return {
    legalGivenName: v.legalGivenName.trim(),
    legalFamilyName: v.legalFamilyName.trim(),
    preferredName: orNull(v.preferredName),
    dateOfBirth: v.dateOfBirth,
    sin: orNull(v.sin),
    address: hasAddress(v)
      ? {
          street: v.street.trim(),
          unit: orNull(v.unit),
          city: v.city.trim(),
          province: v.province.trim().toUpperCase() || 'ON',
          postalCode: v.postalCode.trim().toUpperCase(),
          isProviderAddress: v.isProviderAddress,
        }
      : null,
    phone: orNull(v.phone),
    email: orNull(v.email),
    preferredContactMethod: v.preferredContactMethod || null,
    preferredContactTime: v.preferredContactTime || null,
    language: v.language,
    languageOther: v.language === 'other' ? orNull(v.languageOther) : null,
    specializedPopulations: v.specializedPopulations,
    socialAssistance:
      v.saLinked === 'yes' && v.saProgram
        ? {
            program: v.saProgram,
            samsMemberId: v.samsMemberId.trim(),
            officeId: v.officeId || null,
            caseworkerId: v.caseworkerId,
          }
        : null,
    regionId: v.regionId || null,
  };
}

export function ClientFormPage() {
  const { clientId } = useParams();
  const { t } = useTranslation();
  const client = useClient(clientId);
  if (!clientId) return <ClientForm initial={null} />;
  return (
    <>
      {client.data ? (
        <ClientForm key={client.data.id} initial={client.data} />
      ) : (
        <Page title={t('clients.form.editTitle')}>
          {client.isPending ? (
            <Loading />
          ) : (
            <QueryError error={client.error} onRetry={() => void client.refetch()} />
          )}
        </Page>
      )}
    </>
  );
}

function ClientForm({ initial }: { initial: Client | null }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Values>(() => (initial ? valuesFrom(initial) : emptyValues(params)));
  const form = useFormErrors();
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const save = useMutation({
    mutationFn: (body: ClientCreate) => {
      if (!initial) return post<Client>('/clients', body);
      // Leave the SIN alone unless a new one was typed: the form never holds the one on file.
      const { sin, ...rest } = body;
      return patch<Client>(`/clients/${initial.id}`, sin ? body : rest);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.client(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.clientsAll });
      navigate(`/clients/${saved.id}`, { state: { saved: initial ? 'updated' : 'created' } });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'duplicate_sin') {
        form.check({ sin: problemMessage(error, t, i18n.language) });
        return;
      }
      form.fromError(error);
    },
  });

  const validate = (v: Values): FieldMessages => {
    const address = hasAddress(v);
    return collect([
      ['legalGivenName', isBlank(v.legalGivenName) && t('clients.form.errors.givenNameRequired')],
      ['legalFamilyName', isBlank(v.legalFamilyName) && t('clients.form.errors.familyNameRequired')],
      [
        'dateOfBirth',
        !v.dateOfBirth
          ? t('clients.form.errors.dateOfBirthRequired')
          : (v.dateOfBirth > todayIso() || v.dateOfBirth < '1900-01-01') &&
            t('clients.form.errors.dateOfBirthInvalid'),
      ],
      ['sin', !isBlank(v.sin) && !looksLikeSin(v.sin) && t('clients.form.errors.sinFormat')],
      [
        'phone',
        !isBlank(v.phone) && !PHONE_PATTERN.test(v.phone.trim()) && t('clients.form.errors.phoneFormat'),
      ],
      [
        'email',
        !isBlank(v.email) && !EMAIL_PATTERN.test(v.email.trim()) && t('clients.form.errors.emailFormat'),
      ],
      ['address.street', address && isBlank(v.street) && t('clients.form.errors.streetRequired')],
      ['address.city', address && isBlank(v.city) && t('clients.form.errors.cityRequired')],
      [
        'address.postalCode',
        address &&
          (isBlank(v.postalCode)
            ? t('clients.form.errors.postalCodeRequired')
            : !POSTAL_CODE_PATTERN.test(v.postalCode.trim()) && t('clients.form.errors.postalCodeFormat')),
      ],
      [
        'address.province',
        address && !/^[A-Za-z]{2}$/.test(v.province.trim()) && t('clients.form.errors.provinceFormat'),
      ],
      [
        'languageOther',
        v.language === 'other' && isBlank(v.languageOther) && t('clients.form.errors.languageOtherRequired'),
      ],
      [
        'socialAssistance.program',
        v.saLinked === 'yes' && !v.saProgram && t('clients.form.errors.saProgramRequired'),
      ],
      [
        'socialAssistance.samsMemberId',
        v.saLinked === 'yes' &&
          !/^\d{6,12}$/.test(v.samsMemberId.trim()) &&
          t('clients.form.errors.samsFormat'),
      ],
    ]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    if (form.check(validate(values))) {
      form.clear();
      save.mutate(toBody(values));
    }
  };

  const labels: Record<string, string> = {
    legalGivenName: t('clients.fields.legalGivenName'),
    legalFamilyName: t('clients.fields.legalFamilyName'),
    preferredName: t('clients.fields.preferredName'),
    dateOfBirth: t('clients.fields.dateOfBirth'),
    sin: t('clients.fields.sin'),
    phone: t('clients.fields.phone'),
    email: t('clients.fields.email'),
    preferredContactMethod: t('clients.fields.preferredContactMethod'),
    preferredContactTime: t('clients.fields.preferredContactTime'),
    address: t('clients.sections.address'),
    'address.street': t('clients.fields.street'),
    'address.unit': t('clients.fields.unit'),
    'address.city': t('clients.fields.city'),
    'address.province': t('clients.fields.province'),
    'address.postalCode': t('clients.fields.postalCode'),
    regionId: t('clients.fields.region'),
    language: t('clients.fields.language'),
    languageOther: t('clients.fields.languageOther'),
    specializedPopulations: t('clients.sections.populations'),
    socialAssistance: t('clients.sections.socialAssistance'),
    'socialAssistance.program': t('clients.fields.saProgram'),
    'socialAssistance.samsMemberId': t('clients.fields.samsMemberId'),
    'socialAssistance.officeId': t('clients.fields.saOffice'),
  };

  const title = initial ? t('clients.form.editTitle') : t('clients.form.newTitle');
  const back = initial
    ? { to: `/clients/${initial.id}`, label: t('clients.form.backToProfile') }
    : { to: '/clients', label: t('clients.form.backToSearch') };

  return (
    <Page
      title={title}
      back={back}
      lead={
        initial ? `${initial.legalGivenName} ${initial.legalFamilyName} (${initial.reference})` : undefined
      }
    >
      {!initial ? (
        <OntarioCallout headingLevel="h2" heading={t('clients.form.searchFirstTitle')} colour="gold">
          <p>
            {t('clients.form.searchFirstBody')} <Link to="/clients">{t('clients.form.searchFirstLink')}</Link>
          </p>
        </OntarioCallout>
      ) : null}
      <ErrorSummary form={form} labels={labels} />
      <form className="form" onSubmit={submit} noValidate>
        <IdentitySection values={values} set={set} form={form} initial={initial} />

        <section className="form-section" aria-labelledby="contact-heading">
          <h2 id="contact-heading">{t('clients.sections.contact')}</h2>
          <TextField
            id="phone"
            type="tel"
            label={labels.phone ?? ''}
            value={values.phone}
            onChange={set('phone')}
            error={form.field('phone')}
            autoComplete="off"
            width={20}
            optional
            hint={t('clients.form.phoneHint')}
          />
          <TextField
            id="email"
            type="email"
            label={labels.email ?? ''}
            value={values.email}
            onChange={set('email')}
            error={form.field('email')}
            autoComplete="off"
            optional
            spellCheck={false}
          />
          <SelectField
            id="preferredContactMethod"
            label={labels.preferredContactMethod ?? ''}
            value={values.preferredContactMethod}
            onChange={(v) => set('preferredContactMethod')(v as ContactMethod | '')}
            placeholder={t('common.notSpecified')}
            options={CONTACT_METHODS.map((m) => ({ value: m, label: t(`contactMethods.${m}`) }))}
            error={form.field('preferredContactMethod')}
            optional
          />
          <SelectField
            id="preferredContactTime"
            label={labels.preferredContactTime ?? ''}
            value={values.preferredContactTime}
            onChange={(v) => set('preferredContactTime')(v as ContactTime | '')}
            placeholder={t('common.notSpecified')}
            options={CONTACT_TIMES.map((m) => ({ value: m, label: t(`contactTimes.${m}`) }))}
            error={form.field('preferredContactTime')}
            optional
          />
        </section>

        <AddressSection values={values} set={set} setValues={setValues} form={form} labels={labels} />

        <section className="form-section" aria-labelledby="language-heading">
          <h2 id="language-heading">{t('clients.sections.language')}</h2>
          <RadioGroup
            id="language"
            label={labels.language ?? ''}
            options={CLIENT_LANGUAGES.map((l) => ({ value: l, label: t(`clientLanguages.${l}`) }))}
            value={values.language}
            onChange={(v) => set('language')(v as ClientLanguage)}
            error={form.field('language')}
            required
          />
          {values.language === 'other' ? (
            <TextField
              id="languageOther"
              label={labels.languageOther ?? ''}
              value={values.languageOther}
              onChange={set('languageOther')}
              error={form.field('languageOther')}
              required
              width={20}
            />
          ) : null}
        </section>

        <section className="form-section" aria-labelledby="populations-heading">
          <h2 id="populations-heading">{t('clients.sections.populations')}</h2>
          <p>{t('clients.form.populationsIntro')}</p>
          {SPECIALIZED_POPULATIONS.map((p) => (
            <RadioGroup
              key={p}
              id={`specializedPopulations-${p}`}
              label={t(`populations.question.${p}`)}
              options={SELF_IDENTIFICATION.map((a) => ({ value: a, label: t(`selfIdentification.${a}`) }))}
              value={values.specializedPopulations[p] ?? ''}
              onChange={(v) =>
                setValues((cur) => ({
                  ...cur,
                  specializedPopulations: { ...cur.specializedPopulations, [p]: v as SelfIdentification },
                }))
              }
              error={form.field(`specializedPopulations.${p}`)}
              inline
              optional
            />
          ))}
        </section>

        <SocialAssistanceSection values={values} set={set} form={form} labels={labels} />

        <div className="actions">
          <SubmitButton pending={save.isPending} testId="client-save">
            {initial ? t('clients.form.saveChanges') : t('clients.form.create')}
          </SubmitButton>
          <Link to={back.to}>{t('common.cancel')}</Link>
        </div>
        {save.isPending ? <Loading label={t('common.saving')} /> : null}
      </form>
      <p className="tag--muted">
        {initial
          ? t('clients.profile.recordDates', {
              created: fmt.dateTime(initial.createdAt),
              updated: fmt.dateTime(initial.updatedAt),
            })
          : null}
      </p>
    </Page>
  );
}

type Setter = <K extends keyof Values>(key: K) => (value: Values[K]) => void;
type FormState = ReturnType<typeof useFormErrors>;

function IdentitySection({
  values,
  set,
  form,
  initial,
}: {
  values: Values;
  set: Setter;
  form: FormState;
  initial: Client | null;
}) {
  const { t } = useTranslation();
  const sinHint = initial?.sinMasked
    ? t('clients.form.sinKeepHint', { masked: initial.sinMasked })
    : t('clients.form.sinHint');
  return (
    <section className="form-section" aria-labelledby="identity-heading">
      <h2 id="identity-heading">{t('clients.sections.identity')}</h2>
      <TextField
        id="legalGivenName"
        label={t('clients.fields.legalGivenName')}
        value={values.legalGivenName}
        onChange={set('legalGivenName')}
        error={form.field('legalGivenName')}
        required
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        id="legalFamilyName"
        label={t('clients.fields.legalFamilyName')}
        value={values.legalFamilyName}
        onChange={set('legalFamilyName')}
        error={form.field('legalFamilyName')}
        required
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        id="preferredName"
        label={t('clients.fields.preferredName')}
        value={values.preferredName}
        onChange={set('preferredName')}
        error={form.field('preferredName')}
        optional
        autoComplete="off"
        spellCheck={false}
        hint={t('clients.form.preferredNameHint')}
      />
      <TextField
        id="dateOfBirth"
        type="date"
        label={t('clients.fields.dateOfBirth')}
        value={values.dateOfBirth}
        onChange={set('dateOfBirth')}
        error={form.field('dateOfBirth')}
        required
        width={10}
        max={todayIso()}
        min="1900-01-01"
        autoComplete="off"
      />
      <TextField
        id="sin"
        label={t('clients.fields.sin')}
        value={values.sin}
        onChange={set('sin')}
        error={form.field('sin')}
        optional
        hint={sinHint}
        inputMode="numeric"
        width={10}
        autoComplete="off"
      />
    </section>
  );
}

function AddressSection({
  values,
  set,
  setValues,
  form,
  labels,
}: {
  values: Values;
  set: Setter;
  setValues: (update: (v: Values) => Values) => void;
  form: FormState;
  labels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const me = useSession();
  const catchment = useCatchment();
  const ownHasSites = me.organization.kind === 'provider' || me.organization.kind === 'sa_office';
  const sites = useSites(me.organization.id, ownHasSites && values.isProviderAddress);
  const siteOptions: Option[] = (sites.data?.items ?? [])
    .filter((s) => s.active)
    .map((s) => ({ value: s.id, label: `${s.name} — ${s.street}, ${s.city}` }));

  const copySite = (siteId: string) => {
    const site = sites.data?.items.find((s) => s.id === siteId);
    if (!site) return;
    setValues((v) => ({
      ...v,
      street: site.street,
      unit: '',
      city: site.city,
      province: 'ON',
      postalCode: site.postalCode,
      regionId: v.regionId || site.regionId,
    }));
  };

  return (
    <section className="form-section" aria-labelledby="address-heading">
      <h2 id="address-heading">{t('clients.sections.address')}</h2>
      <p>{t('clients.form.addressIntro')}</p>
      <Checkbox
        id="address-isProviderAddress"
        label={t('clients.form.useProviderAddress')}
        hint={t('clients.form.useProviderAddressHint')}
        checked={values.isProviderAddress}
        onChange={set('isProviderAddress')}
      />
      {values.isProviderAddress && siteOptions.length ? (
        <SelectField
          id="copy-site"
          label={t('clients.form.copySiteAddress')}
          value=""
          onChange={copySite}
          placeholder={t('clients.form.chooseSite')}
          options={siteOptions}
        />
      ) : null}
      <TextField
        id="address-street"
        label={labels['address.street'] ?? ''}
        value={values.street}
        onChange={set('street')}
        error={form.field('address.street')}
        autoComplete="off"
      />
      <TextField
        id="address-unit"
        label={labels['address.unit'] ?? ''}
        value={values.unit}
        onChange={set('unit')}
        error={form.field('address.unit')}
        optional
        width={10}
        autoComplete="off"
      />
      <TextField
        id="address-city"
        label={labels['address.city'] ?? ''}
        value={values.city}
        onChange={set('city')}
        error={form.field('address.city')}
        width={20}
        autoComplete="off"
      />
      <div className="inline-fields">
        <TextField
          id="address-province"
          label={labels['address.province'] ?? ''}
          value={values.province}
          onChange={set('province')}
          error={form.field('address.province')}
          width={3}
          autoComplete="off"
          hint={t('clients.form.provinceHint')}
        />
        <TextField
          id="address-postalCode"
          label={labels['address.postalCode'] ?? ''}
          value={values.postalCode}
          onChange={set('postalCode')}
          error={form.field('address.postalCode')}
          width={7}
          autoComplete="off"
          hint={t('clients.form.postalCodeHint')}
        />
      </div>
      <SelectField
        id="regionId"
        label={labels.regionId ?? ''}
        value={values.regionId}
        onChange={set('regionId')}
        placeholder={t('common.notSpecified')}
        options={(catchment.data?.regions ?? []).map((r) => ({ value: r.id, label: fmt.name(r) }))}
        error={form.field('regionId')}
        optional
      />
    </section>
  );
}

function SocialAssistanceSection({
  values,
  set,
  form,
  labels,
}: {
  values: Values;
  set: Setter;
  form: FormState;
  labels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const offices = useOrganizations('sa_office');
  const officeOptions = (offices.data?.items ?? [])
    .filter((o) => o.active && (!values.saProgram || o.saProgram === values.saProgram))
    .map((o) => ({
      value: o.id,
      label: `${fmt.orgName(o)}${o.saProgram ? ` (${t(`saProgramsShort.${o.saProgram}`)})` : ''}`,
    }));
  return (
    <section className="form-section" aria-labelledby="sa-heading">
      <h2 id="sa-heading">{t('clients.sections.socialAssistance')}</h2>
      <RadioGroup
        id="socialAssistance"
        label={t('clients.form.saQuestion')}
        options={[
          { value: 'no', label: t('common.no') },
          { value: 'yes', label: t('common.yes') },
        ]}
        value={values.saLinked}
        onChange={(v) => set('saLinked')(v === 'yes' ? 'yes' : 'no')}
        inline
      />
      {values.saLinked === 'yes' ? (
        <>
          <RadioGroup
            id="socialAssistance-program"
            label={labels['socialAssistance.program'] ?? ''}
            options={SA_PROGRAMS.map((p) => ({ value: p, label: t(`saPrograms.${p}`) }))}
            value={values.saProgram}
            onChange={(v) => set('saProgram')(v as SaProgram)}
            error={form.field('socialAssistance.program')}
            required
          />
          <TextField
            id="socialAssistance-samsMemberId"
            label={labels['socialAssistance.samsMemberId'] ?? ''}
            hint={t('clients.form.samsHint')}
            value={values.samsMemberId}
            onChange={set('samsMemberId')}
            error={form.field('socialAssistance.samsMemberId')}
            inputMode="numeric"
            width={20}
            required
            autoComplete="off"
          />
          <SelectField
            id="socialAssistance-officeId"
            label={labels['socialAssistance.officeId'] ?? ''}
            value={values.officeId}
            onChange={set('officeId')}
            placeholder={offices.isPending ? t('common.loading') : t('common.notSpecified')}
            options={officeOptions}
            error={form.field('socialAssistance.officeId')}
            optional
          />
        </>
      ) : null}
    </section>
  );
}
