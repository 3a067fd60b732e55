import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { patch, post } from '../api.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { CheckboxGroup, RadioGroup, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { useFormatters } from '../format.js';
import { collect, isBlank, POSTAL_CODE_PATTERN, useFormErrors, type FieldMessages } from '../forms.js';
import { keys, useCatchment, useOrganization, useSite } from '../queries.js';
import {
  ACCESSIBILITY_FEATURES,
  SERVICE_LANGUAGES,
  SPECIALIZED_POPULATIONS,
  WEEKDAYS,
  type AccessibilityFeature,
  type OpeningSpan,
  type ServiceLanguage,
  type Site,
  type SiteCreate,
  type SpecializedPopulation,
  type Weekday,
  type WeeklyHours,
} from '../types.js';

/** Ontario's bounding box, as the API checks it: a site outside it is a typo. */
const LATITUDE = { min: 41.6, max: 56.9 };
const LONGITUDE = { min: -95.2, max: -74.3 };
const MAX_SPANS = 4;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

type Hours = Record<Weekday, OpeningSpan[]>;

const fullWeek = (hours: WeeklyHours): Hours =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, [...(hours[d] ?? [])]])) as Hours;

const DEFAULT_HOURS: Hours = fullWeek(
  Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ opens: '09:00', closes: '17:00' }]]),
  ),
);

interface Values {
  name: string;
  street: string;
  city: string;
  postalCode: string;
  regionId: string;
  latitude: string;
  longitude: string;
  intakeCapacity: string;
  hours: Hours;
  languages: ServiceLanguage[];
  specializedPopulations: SpecializedPopulation[];
  accessibilityFeatures: AccessibilityFeature[];
  active: 'active' | 'inactive';
}

const valuesFrom = (site: Site | null): Values => ({
  name: site?.name ?? '',
  street: site?.street ?? '',
  city: site?.city ?? '',
  postalCode: site?.postalCode ?? '',
  regionId: site?.regionId ?? '',
  latitude: site ? String(site.latitude) : '',
  longitude: site ? String(site.longitude) : '',
  intakeCapacity: site ? String(site.intakeCapacity) : '0',
  hours: site ? fullWeek(site.hours) : DEFAULT_HOURS,
  languages: site?.languages ?? ['en'],
  specializedPopulations: site?.specializedPopulations ?? [],
  accessibilityFeatures: site?.accessibilityFeatures ?? [],
  active: site && !site.active ? 'inactive' : 'active',
});

const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));

function toBody(v: Values): SiteCreate {
  const hours: WeeklyHours = {};
  for (const day of WEEKDAYS) if (v.hours[day].length) hours[day] = v.hours[day];
  return {
    regionId: v.regionId,
    name: v.name.trim(),
    street: v.street.trim(),
    city: v.city.trim(),
    postalCode: v.postalCode.trim().toUpperCase(),
    latitude: toNumber(v.latitude),
    longitude: toNumber(v.longitude),
    hours,
    languages: v.languages,
    specializedPopulations: v.specializedPopulations,
    accessibilityFeatures: v.accessibilityFeatures,
    intakeCapacity: Math.trunc(toNumber(v.intakeCapacity)),
  };
}

export function SiteFormPage() {
  const { t } = useTranslation();
  const { organizationId, siteId } = useParams();
  const site = useSite(siteId);
  if (!siteId) return <SiteForm organizationId={organizationId ?? ''} initial={null} />;
  if (site.data)
    return <SiteForm key={site.data.id} organizationId={site.data.organizationId} initial={site.data} />;
  return (
    <Page title={t('sites.form.editTitle')}>
      {site.isPending ? <Loading /> : <QueryError error={site.error} onRetry={() => void site.refetch()} />}
    </Page>
  );
}

function SiteForm({ organizationId, initial }: { organizationId: string; initial: Site | null }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const org = useOrganization(organizationId);
  const catchment = useCatchment();
  const form = useFormErrors();
  const [values, setValues] = useState<Values>(() => valuesFrom(initial));
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const save = useMutation({
    mutationFn: (body: SiteCreate) =>
      initial
        ? patch<Site>(`/sites/${initial.id}`, { ...body, active: values.active === 'active' })
        : post<Site>(`/organizations/${organizationId}/sites`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.site(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.sites(saved.organizationId) });
      void queryClient.invalidateQueries({ queryKey: keys.organizationsAll });
      navigate(`/organizations/${saved.organizationId}`, {
        state: { saved: initial ? 'siteUpdated' : 'siteCreated' },
      });
    },
    onError: form.fromError,
  });

  const validate = (v: Values): FieldMessages => {
    const lat = toNumber(v.latitude);
    const lon = toNumber(v.longitude);
    const capacity = toNumber(v.intakeCapacity);
    const hourErrors: [string, string | false][] = WEEKDAYS.flatMap((day) =>
      v.hours[day].flatMap((span, i): [string, string | false][] => [
        [`hours.${day}.${i}.opens`, !HHMM.test(span.opens) && t('sites.form.errors.timeFormat')],
        [
          `hours.${day}.${i}.closes`,
          !HHMM.test(span.closes)
            ? t('sites.form.errors.timeFormat')
            : span.opens >= span.closes && t('sites.form.errors.closesAfterOpens'),
        ],
      ]),
    );
    return collect([
      ['name', v.name.trim().length < 2 && t('sites.form.errors.nameRequired')],
      ['street', v.street.trim().length < 3 && t('sites.form.errors.streetRequired')],
      ['city', v.city.trim().length < 2 && t('sites.form.errors.cityRequired')],
      [
        'postalCode',
        isBlank(v.postalCode)
          ? t('sites.form.errors.postalCodeRequired')
          : !POSTAL_CODE_PATTERN.test(v.postalCode.trim()) && t('sites.form.errors.postalCodeFormat'),
      ],
      ['regionId', !v.regionId && t('sites.form.errors.regionRequired')],
      [
        'latitude',
        (Number.isNaN(lat) || lat < LATITUDE.min || lat > LATITUDE.max) &&
          t('sites.form.errors.latitude', { min: fmt.number(LATITUDE.min), max: fmt.number(LATITUDE.max) }),
      ],
      [
        'longitude',
        (Number.isNaN(lon) || lon < LONGITUDE.min || lon > LONGITUDE.max) &&
          t('sites.form.errors.longitude', {
            min: fmt.number(LONGITUDE.min),
            max: fmt.number(LONGITUDE.max),
          }),
      ],
      [
        'intakeCapacity',
        (!Number.isInteger(capacity) || capacity < 0 || capacity > 10000) && t('sites.form.errors.capacity'),
      ],
      ['languages', v.languages.length === 0 && t('sites.form.errors.languagesRequired')],
      ...hourErrors,
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
    name: t('sites.fields.name'),
    street: t('sites.fields.street'),
    city: t('sites.fields.city'),
    postalCode: t('sites.fields.postalCode'),
    regionId: t('sites.fields.region'),
    latitude: t('sites.fields.latitude'),
    longitude: t('sites.fields.longitude'),
    intakeCapacity: t('sites.fields.intakeCapacity'),
    hours: t('sites.fields.hours'),
    languages: t('sites.fields.languages'),
    specializedPopulations: t('sites.fields.specializedPopulations'),
    accessibilityFeatures: t('sites.fields.accessibilityFeatures'),
    active: t('common.status'),
    ...Object.fromEntries(
      WEEKDAYS.map((d) => [`hours.${d}`, `${t('sites.fields.hours')} — ${t(`weekdays.${d}`)}`]),
    ),
  };

  const orgName = org.data ? fmt.orgName(org.data) : '';
  const back = { to: `/organizations/${organizationId}`, label: t('sites.form.backToOrganization') };

  return (
    <Page
      title={initial ? t('sites.form.editTitle') : t('sites.form.newTitle')}
      back={back}
      lead={initial ? `${initial.name} — ${orgName}` : orgName}
    >
      <ErrorSummary form={form} labels={labels} />
      <form className="form" onSubmit={submit} noValidate>
        <section className="form-section" aria-labelledby="site-location-heading">
          <h2 id="site-location-heading">{t('sites.form.location')}</h2>
          <TextField
            id="name"
            label={labels.name ?? ''}
            value={values.name}
            onChange={set('name')}
            error={form.field('name')}
            required
            autoComplete="off"
          />
          <TextField
            id="street"
            label={labels.street ?? ''}
            value={values.street}
            onChange={set('street')}
            error={form.field('street')}
            required
            autoComplete="off"
          />
          <TextField
            id="city"
            label={labels.city ?? ''}
            value={values.city}
            onChange={set('city')}
            error={form.field('city')}
            required
            width={20}
            autoComplete="off"
          />
          <TextField
            id="postalCode"
            label={labels.postalCode ?? ''}
            hint={t('clients.form.postalCodeHint')}
            value={values.postalCode}
            onChange={set('postalCode')}
            error={form.field('postalCode')}
            required
            width={7}
            autoComplete="off"
          />
          <SelectField
            id="regionId"
            label={labels.regionId ?? ''}
            value={values.regionId}
            onChange={set('regionId')}
            placeholder={catchment.isPending ? t('common.loading') : t('common.choose')}
            options={(catchment.data?.regions ?? []).map((r) => ({ value: r.id, label: fmt.name(r) }))}
            error={form.field('regionId')}
            required
          />
          <div className="inline-fields">
            <TextField
              id="latitude"
              label={labels.latitude ?? ''}
              hint={t('sites.form.latitudeHint')}
              value={values.latitude}
              onChange={set('latitude')}
              error={form.field('latitude')}
              required
              inputMode="decimal"
              width={10}
              autoComplete="off"
            />
            <TextField
              id="longitude"
              label={labels.longitude ?? ''}
              hint={t('sites.form.longitudeHint')}
              value={values.longitude}
              onChange={set('longitude')}
              error={form.field('longitude')}
              required
              inputMode="decimal"
              width={10}
              autoComplete="off"
            />
          </div>
          <TextField
            id="intakeCapacity"
            label={labels.intakeCapacity ?? ''}
            hint={t('sites.form.capacityHint')}
            value={values.intakeCapacity}
            onChange={set('intakeCapacity')}
            error={form.field('intakeCapacity')}
            required
            inputMode="numeric"
            width={5}
            autoComplete="off"
          />
        </section>

        <HoursEditor hours={values.hours} onChange={set('hours')} form={form} />

        <section className="form-section" aria-labelledby="site-services-heading">
          <h2 id="site-services-heading">{t('sites.form.services')}</h2>
          <CheckboxGroup
            id="languages"
            label={labels.languages ?? ''}
            options={SERVICE_LANGUAGES.map((l) => ({ value: l, label: t(`serviceLanguages.${l}`) }))}
            values={values.languages}
            onChange={(v) => set('languages')(v as ServiceLanguage[])}
            error={form.field('languages')}
            required
            columns
          />
          <CheckboxGroup
            id="specializedPopulations"
            label={labels.specializedPopulations ?? ''}
            options={SPECIALIZED_POPULATIONS.map((p) => ({ value: p, label: t(`populations.name.${p}`) }))}
            values={values.specializedPopulations}
            onChange={(v) => set('specializedPopulations')(v as SpecializedPopulation[])}
            error={form.field('specializedPopulations')}
            optional
          />
          <CheckboxGroup
            id="accessibilityFeatures"
            label={labels.accessibilityFeatures ?? ''}
            options={ACCESSIBILITY_FEATURES.map((f) => ({
              value: f,
              label: t(`accessibilityFeatures.${f}`),
            }))}
            values={values.accessibilityFeatures}
            onChange={(v) => set('accessibilityFeatures')(v as AccessibilityFeature[])}
            error={form.field('accessibilityFeatures')}
            optional
          />
          {initial ? (
            <RadioGroup
              id="active"
              label={labels.active ?? ''}
              hint={t('sites.form.activeHint')}
              options={[
                { value: 'active', label: t('common.active') },
                { value: 'inactive', label: t('common.inactive') },
              ]}
              value={values.active}
              onChange={(v) => set('active')(v === 'inactive' ? 'inactive' : 'active')}
              error={form.field('active')}
              inline
            />
          ) : null}
        </section>

        <div className="actions">
          <SubmitButton pending={save.isPending}>
            {initial ? t('common.saveChanges') : t('sites.form.create')}
          </SubmitButton>
          <Link to={back.to}>{t('common.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}

/** Opening periods for each weekday; a day with none is closed. */
function HoursEditor({
  hours,
  onChange,
  form,
}: {
  hours: Hours;
  onChange: (h: Hours) => void;
  form: ReturnType<typeof useFormErrors>;
}) {
  const { t } = useTranslation();
  const setDay = (day: Weekday, spans: OpeningSpan[]) => onChange({ ...hours, [day]: spans });
  const copyMondayToWeekdays = () =>
    onChange({
      ...hours,
      ...Object.fromEntries(['tue', 'wed', 'thu', 'fri'].map((d) => [d, hours.mon.map((s) => ({ ...s }))])),
    });

  return (
    <section className="form-section" aria-labelledby="site-hours-heading">
      <h2 id="site-hours-heading">{t('sites.fields.hours')}</h2>
      <p className="ontario-hint">{t('sites.form.hoursHint')}</p>
      {form.field('hours') && !WEEKDAYS.some((d) => form.field(`hours.${d}`)) ? (
        <p className="field-error-text" id="hours">
          {form.field('hours')}
        </p>
      ) : null}
      <p>
        <button type="button" className="link-button" onClick={copyMondayToWeekdays}>
          {t('sites.form.copyMonday')}
        </button>
      </p>
      {WEEKDAYS.map((day) => {
        const spans = hours[day];
        const dayName = t(`weekdays.${day}`);
        return (
          <fieldset key={day} className="ontario-fieldset hours-day" id={`hours-${day}`} tabIndex={-1}>
            <legend className="ontario-fieldset__legend">{dayName}</legend>
            {spans.length === 0 ? <p className="tag--muted">{t('sites.form.closed')}</p> : null}
            <div className="hours-day__spans">
              {spans.map((span, i) => {
                const update = (patchSpan: Partial<OpeningSpan>) =>
                  setDay(
                    day,
                    spans.map((s, j) => (j === i ? { ...s, ...patchSpan } : s)),
                  );
                const period = t('sites.form.period', { day: dayName, n: i + 1 });
                return (
                  <div className="hours-span" key={i} role="group" aria-label={period}>
                    <TextField
                      id={`hours-${day}-${i}-opens`}
                      type="time"
                      width={7}
                      label={t('sites.form.opens')}
                      value={span.opens}
                      onChange={(v) => update({ opens: v })}
                      error={form.field(`hours.${day}.${i}.opens`)}
                    />
                    <TextField
                      id={`hours-${day}-${i}-closes`}
                      type="time"
                      width={7}
                      label={t('sites.form.closes')}
                      value={span.closes}
                      onChange={(v) => update({ closes: v })}
                      error={form.field(`hours.${day}.${i}.closes`)}
                    />
                    <p>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          setDay(
                            day,
                            spans.filter((_, j) => j !== i),
                          )
                        }
                      >
                        {t('sites.form.removePeriod')}
                        <span className="ontario-show-for-sr"> {period}</span>
                      </button>
                    </p>
                  </div>
                );
              })}
            </div>
            {spans.length < MAX_SPANS ? (
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  setDay(day, [
                    ...spans,
                    spans.length ? { opens: '13:00', closes: '17:00' } : { opens: '09:00', closes: '17:00' },
                  ])
                }
              >
                {spans.length ? t('sites.form.addPeriod') : t('sites.form.openOn', { day: dayName })}
                {spans.length ? <span className="ontario-show-for-sr"> {dayName}</span> : null}
              </button>
            ) : null}
          </fieldset>
        );
      })}
    </section>
  );
}
