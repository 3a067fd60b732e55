import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { RadioGroup, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { todayIso, useFormatters } from '../../format.js';
import { collect, isBlank, useFormErrors } from '../../forms.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { useEmployer, useEmployerStep, type ChecklistBody } from './data.js';
import {
  ContactFields,
  EmployerDetailsFields,
  employerFieldId,
  LocationFields,
  useEmployerLabels,
  useEmployerMessages,
} from './EmployerFormPage.js';
import {
  checklistOf,
  choicesOf,
  CHECKLIST_CHOICES,
  contactInputOf,
  contactProblems,
  emptyContact,
  emptyLocation,
  employerDraftOf,
  employerInputOf,
  locationInputOf,
  locationProblems,
  siteVisitRule,
  type ChecklistChoice,
  type ChecklistChoices,
  type ContactDraft,
  type EmployerDraft,
  type LocationDraft,
} from './logic.js';
import { ChecklistAnswerTag, EligibleTag, SupportStateTag, useChecklistLabel } from './shared.js';
import {
  EMPLOYER_CHECKLIST_ITEMS,
  SITE_VISIT_MODES,
  type ContactInput,
  type EmployerInput,
  type EmployerView,
  type LocationInput,
  type SiteVisitInput,
  type SiteVisitMode,
} from './types.js';

/**
 * F10: one employer: its registration details, the seven-criterion eligibility checklist, its
 * contacts and work sites, its site visits with the 12-month in-person rule, and its placements.
 * Provider caseworkers and leads change it (`canManage`); SSM staff read it.
 */
export function EmployerPage() {
  const { t } = useTranslation();
  const { employerId } = useParams();
  const employer = useEmployer(employerId);
  if (employer.isError && isApiError(employer.error) && employer.error.status === 404)
    return <NotFoundPage />;
  const view = employer.data;
  return (
    <Page
      title={view ? view.legalName : t('employers.employer.titleLoading')}
      back={{ to: '/employers', label: t('employers.backToList') }}
    >
      <QueryStatus query={employer} />
      {view ? <EmployerBody view={view} /> : null}
    </Page>
  );
}

function EmployerBody({ view }: { view: EmployerView }) {
  const { t } = useTranslation();
  const location = useLocation();
  const registered = (location.state as { registered?: boolean } | null)?.registered === true;
  const [flash, setFlash] = useState<string | null>(registered ? t('employers.register.done') : null);
  return (
    <div data-testid="employer" data-employer-id={view.id} data-eligible={view.eligible}>
      <div role="status">
        {flash ? (
          <PageAlert kind="success" heading={flash}>
            <p>{t('employers.employer.savedBody')}</p>
          </PageAlert>
        ) : null}
      </div>
      <DetailsSection view={view} onSaved={setFlash} />
      <ChecklistSection view={view} onSaved={setFlash} />
      <ContactsSection view={view} onSaved={setFlash} />
      <LocationsSection view={view} onSaved={setFlash} />
      <SiteVisitsSection view={view} onSaved={setFlash} />
      <PlacementsSection view={view} />
    </div>
  );
}

type Saved = (message: string) => void;

function DetailsSection({ view, onSaved }: { view: EmployerView; onSaved: Saved }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [editing, setEditing] = useState(false);
  const none = <span className="tag--muted">{t('common.notProvided')}</span>;
  const text = (v: string | null) => (v ? v : none);
  const date = (v: string | null) => (v ? fmt.date(v) : none);
  return (
    <section className="section" aria-labelledby="employer-details-heading" data-testid="employer-details">
      <h2 id="employer-details-heading">{t('employers.employer.detailsHeading')}</h2>
      {editing ? (
        <EditDetailsForm
          view={view}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved(t('employers.employer.detailsSaved'));
          }}
        />
      ) : (
        <>
          <dl className="details">
            <dt>{t('employers.fields.legalName')}</dt>
            <dd data-testid="employer-legal-name">{view.legalName}</dd>
            <dt>{t('employers.fields.operatingName')}</dt>
            <dd>{text(view.operatingName)}</dd>
            <dt>{t('employers.fields.registeredBy')}</dt>
            <dd>{view.organizationName}</dd>
            <dt>{t('employers.fields.registeredOn')}</dt>
            <dd data-testid="employer-registered-on">
              {view.registeredOn ? fmt.date(view.registeredOn) : t('employers.list.notRegistered')}
            </dd>
            <dt>{t('employers.fields.ontarioLicenceNumber')}</dt>
            <dd>{text(view.ontarioLicenceNumber)}</dd>
            <dt>{t('employers.fields.wsibAccountNumber')}</dt>
            <dd>{text(view.wsibAccountNumber)}</dd>
            <dt>{t('employers.fields.workplaceInsuranceNote')}</dt>
            <dd>{text(view.workplaceInsuranceNote)}</dd>
            <dt>{t('employers.fields.liabilityInsurer')}</dt>
            <dd>{text(view.liabilityInsurer)}</dd>
            <dt>{t('employers.fields.liabilityPolicyNumber')}</dt>
            <dd>{text(view.liabilityPolicyNumber)}</dd>
            <dt>{t('employers.fields.liabilityInsuranceExpiresOn')}</dt>
            <dd>{date(view.liabilityInsuranceExpiresOn)}</dd>
          </dl>
          {view.canManage ? (
            <p className="actions">
              <button
                type="button"
                className="ontario-button ontario-button--secondary"
                data-testid="employer-edit"
                onClick={() => setEditing(true)}
              >
                {t('employers.employer.edit')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function EditDetailsForm({ view, onDone }: { view: EmployerView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const messages = useEmployerMessages();
  const labels = useEmployerLabels();
  const [draft, setDraft] = useState<EmployerDraft>(() => employerDraftOf(view));
  const save = useEmployerStep<EmployerInput>(view.id, '', {
    method: 'PATCH',
    onSuccess: () => onDone(true),
    onError: form.fromError,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    if (!form.check(collect([['legalName', isBlank(draft.legalName) && messages.required]]))) return;
    form.clear();
    save.mutate(employerInputOf(draft));
  };
  return (
    <form noValidate onSubmit={submit} className="form" data-testid="employer-edit-form">
      <ErrorSummary form={form} labels={labels} idFor={employerFieldId} />
      <EmployerDetailsFields draft={draft} onChange={setDraft} form={form} />
      <div className="actions">
        <SubmitButton pending={save.isPending} testId="employer-edit-submit">
          {save.isPending ? t('common.saving') : t('common.saveChanges')}
        </SubmitButton>
        <button
          type="button"
          className="ontario-button ontario-button--tertiary"
          onClick={() => onDone(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** F10: the seven criteria of §13, each confirmed, failed or not checked yet. */
function ChecklistSection({ view, onSaved }: { view: EmployerView; onSaved: Saved }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const label = useChecklistLabel();
  const [editing, setEditing] = useState(false);
  return (
    <section className="section" aria-labelledby="checklist-heading" data-testid="employer-checklist">
      <h2 id="checklist-heading">{t('employers.checklist.heading')}</h2>
      <p>
        <EligibleTag eligible={view.eligible} />{' '}
        {view.checklistCheckedOn
          ? t('employers.checklist.checkedOn', { date: fmt.date(view.checklistCheckedOn) })
          : t('employers.checklist.neverChecked')}
      </p>
      {editing ? (
        <ChecklistForm
          view={view}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved(t('employers.checklist.saved'));
          }}
        />
      ) : (
        <>
          <ul className="plain-list">
            {EMPLOYER_CHECKLIST_ITEMS.map((item) => (
              <li key={item} data-testid="checklist-item" data-item={item}>
                <ChecklistAnswerTag value={view.checklist[item]} /> {label(item)}
              </li>
            ))}
          </ul>
          {view.canManage ? (
            <p className="actions">
              <button
                type="button"
                className="ontario-button ontario-button--secondary"
                data-testid="checklist-edit"
                onClick={() => setEditing(true)}
              >
                {t('employers.checklist.edit')}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function ChecklistForm({ view, onDone }: { view: EmployerView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const label = useChecklistLabel();
  const form = useFormErrors();
  const [choices, setChoices] = useState<ChecklistChoices>(() => choicesOf(view.checklist));
  const save = useEmployerStep<ChecklistBody>(view.id, '/checklist', {
    method: 'PUT',
    onSuccess: () => onDone(true),
    onError: form.fromError,
  });
  const labels = Object.fromEntries(EMPLOYER_CHECKLIST_ITEMS.map((i) => [`checklist.${i}`, label(i)]));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    form.clear();
    save.mutate({ checklist: checklistOf(choices) });
  };
  return (
    <form noValidate onSubmit={submit} className="form" data-testid="checklist-form">
      <ErrorSummary form={form} labels={labels} idFor={(f) => f.replace(/\./g, '-')} />
      <p className="ontario-hint">{t('employers.checklist.hint')}</p>
      {EMPLOYER_CHECKLIST_ITEMS.map((item) => (
        <RadioGroup
          key={item}
          id={`checklist-${item}`}
          label={label(item)}
          value={choices[item]}
          onChange={(v) => setChoices((c) => ({ ...c, [item]: v as ChecklistChoice }))}
          options={CHECKLIST_CHOICES.map((c) => ({ value: c, label: t(`employers.checklist.answers.${c}`) }))}
          error={form.field(`checklist.${item}`)}
          inline
        />
      ))}
      <div className="actions">
        <SubmitButton pending={save.isPending} testId="checklist-submit">
          {save.isPending ? t('common.saving') : t('employers.checklist.save')}
        </SubmitButton>
        <button
          type="button"
          className="ontario-button ontario-button--tertiary"
          onClick={() => onDone(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function ContactsSection({ view, onSaved }: { view: EmployerView; onSaved: Saved }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section className="section" aria-labelledby="contacts-heading" data-testid="employer-contacts">
      <h2 id="contacts-heading">{t('employers.contacts.heading')}</h2>
      {view.contacts.length === 0 ? (
        <p>{t('employers.contacts.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="ontario-show-for-sr">{t('employers.contacts.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('employers.contacts.fields.name')}</th>
                <th scope="col">{t('employers.contacts.fields.title')}</th>
                <th scope="col">{t('employers.contacts.fields.phone')}</th>
                <th scope="col">{t('employers.contacts.fields.email')}</th>
              </tr>
            </thead>
            <tbody>
              {view.contacts.map((c) => (
                <tr key={c.id} data-testid="contact">
                  <th scope="row">{c.name}</th>
                  <td>{c.title ?? '—'}</td>
                  <td>{c.phone ?? '—'}</td>
                  <td>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.canManage ? (
        adding ? (
          <AddContactForm
            view={view}
            onDone={(saved) => {
              setAdding(false);
              if (saved) onSaved(t('employers.contacts.added'));
            }}
          />
        ) : (
          <p className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              data-testid="contact-add"
              onClick={() => setAdding(true)}
            >
              {t('employers.contacts.add')}
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}

function AddContactForm({ view, onDone }: { view: EmployerView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const messages = useEmployerMessages();
  const [draft, setDraft] = useState<ContactDraft>(emptyContact);
  const save = useEmployerStep<ContactInput>(view.id, '/contacts', {
    onSuccess: () => onDone(true),
    onError: form.fromError,
  });
  const labels = Object.fromEntries(
    (['name', 'title', 'phone', 'email'] as const).map((f) => [f, t(`employers.contacts.fields.${f}`)]),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending || !form.check(contactProblems(draft, messages))) return;
    form.clear();
    save.mutate(contactInputOf(draft));
  };
  return (
    <form noValidate onSubmit={submit} className="form" data-testid="contact-form">
      <h3>{t('employers.contacts.add')}</h3>
      <ErrorSummary form={form} labels={labels} idFor={employerFieldId} />
      <ContactFields prefix="" draft={draft} onChange={setDraft} form={form} />
      <div className="actions">
        <SubmitButton pending={save.isPending} testId="contact-submit">
          {save.isPending ? t('common.saving') : t('employers.contacts.save')}
        </SubmitButton>
        <button
          type="button"
          className="ontario-button ontario-button--tertiary"
          onClick={() => onDone(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function LocationsSection({ view, onSaved }: { view: EmployerView; onSaved: Saved }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <section className="section" aria-labelledby="locations-heading" data-testid="employer-locations">
      <h2 id="locations-heading">{t('employers.locations.heading')}</h2>
      {view.locations.length === 0 ? (
        <p>{t('employers.locations.none')}</p>
      ) : (
        <ul className="plain-list">
          {view.locations.map((l) => (
            <li key={l.id} data-testid="location" data-location-id={l.id}>
              <strong>{l.label}</strong>
              <br />
              {t('employers.locations.address', { street: l.street, city: l.city, postalCode: l.postalCode })}
            </li>
          ))}
        </ul>
      )}
      {view.canManage ? (
        adding ? (
          <AddLocationForm
            view={view}
            onDone={(saved) => {
              setAdding(false);
              if (saved) onSaved(t('employers.locations.added'));
            }}
          />
        ) : (
          <p className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              data-testid="location-add"
              onClick={() => setAdding(true)}
            >
              {t('employers.locations.add')}
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}

function AddLocationForm({ view, onDone }: { view: EmployerView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const messages = useEmployerMessages();
  const [draft, setDraft] = useState<LocationDraft>(emptyLocation);
  const save = useEmployerStep<LocationInput>(view.id, '/locations', {
    onSuccess: () => onDone(true),
    onError: form.fromError,
  });
  const labels = Object.fromEntries(
    (['label', 'street', 'city', 'postalCode'] as const).map((f) => [
      f,
      t(`employers.locations.fields.${f}`),
    ]),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending || !form.check(locationProblems(draft, messages))) return;
    form.clear();
    save.mutate(locationInputOf(draft));
  };
  return (
    <form noValidate onSubmit={submit} className="form" data-testid="location-form">
      <h3>{t('employers.locations.add')}</h3>
      <ErrorSummary form={form} labels={labels} idFor={employerFieldId} />
      <LocationFields prefix="" draft={draft} onChange={setDraft} form={form} />
      <div className="actions">
        <SubmitButton pending={save.isPending} testId="location-submit">
          {save.isPending ? t('common.saving') : t('employers.locations.save')}
        </SubmitButton>
        <button
          type="button"
          className="ontario-button ontario-button--tertiary"
          onClick={() => onDone(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** F10: the visits, and whether one in person in the last 12 months covers a placement starting today. */
function SiteVisitsSection({ view, onSaved }: { view: EmployerView; onSaved: Saved }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const [adding, setAdding] = useState(false);
  const today = todayIso();
  const rule = siteVisitRule(view.siteVisits, today);
  // The API's date is the one it will hold the placement to; the domain's is the same rule.
  const opensOn = view.siteVisitWindowOpensOn || rule.opensOn;
  const locationName = (id: string | null) => view.locations.find((l) => l.id === id)?.label ?? '—';
  return (
    <section className="section" aria-labelledby="visits-heading" data-testid="employer-visits">
      <h2 id="visits-heading">{t('employers.visits.heading')}</h2>
      <div
        className={`ontario-alert ontario-alert--${rule.covering ? 'success' : 'warning'}`}
        data-testid="site-visit-rule"
        data-covered={rule.covering !== null}
        data-opens-on={opensOn}
      >
        <div className="ontario-alert__body">
          <p>{t('employers.visits.rule', { date: fmt.date(opensOn) })}</p>
          <p>
            {rule.covering
              ? t('employers.visits.covered', { date: fmt.date(rule.covering.on) })
              : t('employers.visits.notCovered')}
          </p>
        </div>
      </div>
      {view.siteVisits.length === 0 ? (
        <p data-testid="visits-none">{t('employers.visits.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="ontario-show-for-sr">{t('employers.visits.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('employers.visits.fields.visitedOn')}</th>
                <th scope="col">{t('employers.visits.fields.mode')}</th>
                <th scope="col">{t('employers.visits.fields.visitedBy')}</th>
                <th scope="col">{t('employers.visits.fields.locationId')}</th>
                <th scope="col">{t('employers.visits.fields.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {view.siteVisits.map((v) => (
                <tr key={v.id} data-testid="site-visit" data-mode={v.mode} data-date={v.visitedOn}>
                  <th scope="row">{fmt.date(v.visitedOn, 'medium')}</th>
                  <td>{t(`employers.visits.modes.${v.mode}`)}</td>
                  <td>{v.visitedByName}</td>
                  <td>{locationName(v.locationId)}</td>
                  <td className="pre-wrap">{v.notes || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.canManage ? (
        adding ? (
          <SiteVisitForm
            view={view}
            onDone={(saved) => {
              setAdding(false);
              if (saved) onSaved(t('employers.visits.added'));
            }}
          />
        ) : (
          <p className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--secondary"
              data-testid="visit-add"
              onClick={() => setAdding(true)}
            >
              {t('employers.visits.add')}
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}

function SiteVisitForm({ view, onDone }: { view: EmployerView; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const today = todayIso();
  const [visitedOn, setVisitedOn] = useState(today);
  const [mode, setMode] = useState<SiteVisitMode | ''>('');
  const [locationId, setLocationId] = useState('');
  const [notes, setNotes] = useState('');
  const save = useEmployerStep<SiteVisitInput>(view.id, '/site-visits', {
    onSuccess: () => onDone(true),
    onError: form.fromError,
  });
  const labels = Object.fromEntries(
    (['visitedOn', 'mode', 'locationId', 'notes'] as const).map((f) => [
      f,
      t(`employers.visits.fields.${f}`),
    ]),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        [
          'visitedOn',
          !visitedOn ? t('employers.errors.required') : visitedOn > today && t('employers.errors.future'),
        ],
        ['mode', !mode && t('employers.errors.required')],
      ]),
    );
    if (!ok || !mode) return;
    form.clear();
    save.mutate({ visitedOn, mode, locationId: locationId || null, notes: notes.trim() });
  };
  return (
    <form noValidate onSubmit={submit} className="form" data-testid="visit-form">
      <h3>{t('employers.visits.add')}</h3>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `visit-${f}`} />
      <TextField
        id="visit-visitedOn"
        label={labels.visitedOn ?? ''}
        type="date"
        max={today}
        value={visitedOn}
        onChange={setVisitedOn}
        error={form.field('visitedOn')}
        required
      />
      <RadioGroup
        id="visit-mode"
        label={labels.mode ?? ''}
        hint={t('employers.visits.modeHint')}
        value={mode}
        onChange={(v) => setMode(v as SiteVisitMode)}
        options={SITE_VISIT_MODES.map((m) => ({ value: m, label: t(`employers.visits.modes.${m}`) }))}
        error={form.field('mode')}
        required
      />
      {view.locations.length > 0 ? (
        <SelectField
          id="visit-locationId"
          label={labels.locationId ?? ''}
          value={locationId}
          onChange={setLocationId}
          placeholder={t('employers.visits.noLocation')}
          options={view.locations.map((l) => ({ value: l.id, label: l.label }))}
          error={form.field('locationId')}
          optional
        />
      ) : null}
      <TextAreaField
        id="visit-notes"
        label={labels.notes ?? ''}
        hint={t('employers.visits.notesHint')}
        value={notes}
        onChange={setNotes}
        error={form.field('notes')}
        maxLength={4000}
        optional
      />
      <div className="actions">
        <SubmitButton pending={save.isPending} testId="visit-submit">
          {save.isPending ? t('common.saving') : t('employers.visits.save')}
        </SubmitButton>
        <button
          type="button"
          className="ontario-button ontario-button--tertiary"
          onClick={() => onDone(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function PlacementsSection({ view }: { view: EmployerView }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <section className="section" aria-labelledby="placements-heading" data-testid="employer-placements">
      <h2 id="placements-heading">{t('employers.placements.heading')}</h2>
      {view.placements.length === 0 ? (
        <p>{t('employers.placements.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="ontario-show-for-sr">{t('employers.placements.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('employers.placement.fields.plan')}</th>
                <th scope="col">{t('employers.placement.fields.client')}</th>
                <th scope="col">{t('employers.placement.fields.startsOn')}</th>
                <th scope="col">{t('employers.placement.fields.endsOn')}</th>
                <th scope="col">{t('employers.placements.supportState')}</th>
              </tr>
            </thead>
            <tbody>
              {view.placements.map((p) => (
                <tr key={p.id} data-testid="employer-placement">
                  <th scope="row">
                    <Link to={`/placements/${p.id}`}>{p.planReference}</Link>
                  </th>
                  <td>
                    {p.clientName ?? (
                      <span className="tag--muted">{t('employers.placement.clientHidden')}</span>
                    )}
                  </td>
                  <td>{fmt.date(p.startsOn, 'medium')}</td>
                  <td>{fmt.date(p.endsOn, 'medium')}</td>
                  <td>
                    <SupportStateTag state={p.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
