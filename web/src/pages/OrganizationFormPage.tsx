import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { patch, post } from '../api.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { RadioGroup, SubmitButton, TextField } from '../components/fields.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { collect, EMAIL_PATTERN, isBlank, PHONE_PATTERN, useFormErrors } from '../forms.js';
import { keys, useOrganization } from '../queries.js';
import {
  ORGANIZATION_KINDS,
  SA_PROGRAMS,
  type Organization,
  type OrganizationCreate,
  type OrganizationKind,
  type OrganizationUpdate,
  type SaProgram,
} from '../types.js';

export function OrganizationFormPage() {
  const { organizationId } = useParams();
  const { t } = useTranslation();
  const org = useOrganization(organizationId);
  if (!organizationId) return <OrganizationForm initial={null} />;
  if (org.data) return <OrganizationForm key={org.data.id} initial={org.data} />;
  return (
    <Page title={t('organizations.form.editTitle')}>
      {org.isPending ? <Loading /> : <QueryError error={org.error} onRetry={() => void org.refetch()} />}
    </Page>
  );
}

function OrganizationForm({ initial }: { initial: Organization | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [kind, setKind] = useState<OrganizationKind | ''>(initial?.kind ?? '');
  const [saProgram, setSaProgram] = useState<SaProgram | ''>(initial?.saProgram ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [nameFr, setNameFr] = useState(initial?.nameFr ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [phone, setPhone] = useState(initial?.phone ?? '');
  const [active, setActive] = useState(initial ? (initial.active ? 'active' : 'inactive') : 'active');

  const save = useMutation({
    mutationFn: () => {
      const orNull = (s: string) => (s.trim() ? s.trim() : null);
      if (initial) {
        const body: OrganizationUpdate = {
          name: name.trim(),
          nameFr: orNull(nameFr),
          email: orNull(email),
          phone: orNull(phone),
          active: active === 'active',
        };
        return patch<Organization>(`/organizations/${initial.id}`, body);
      }
      const body: OrganizationCreate = {
        kind: kind as OrganizationKind,
        saProgram: kind === 'sa_office' && saProgram ? saProgram : null,
        name: name.trim(),
        nameFr: orNull(nameFr),
        email: orNull(email),
        phone: orNull(phone),
      };
      return post<Organization>('/organizations', body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.organization(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.organizationsAll });
      navigate(`/organizations/${saved.id}`, { state: { saved: initial ? 'updated' : 'created' } });
    },
    onError: form.fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const ok = form.check(
      collect([
        ['kind', !initial && !kind && t('organizations.form.errors.kindRequired')],
        [
          'saProgram',
          !initial && kind === 'sa_office' && !saProgram && t('organizations.form.errors.saProgramRequired'),
        ],
        ['name', name.trim().length < 2 && t('organizations.form.errors.nameRequired')],
        ['nameFr', nameFr.trim().length === 1 && t('organizations.form.errors.nameFrShort')],
        [
          'email',
          !isBlank(email) && !EMAIL_PATTERN.test(email.trim()) && t('organizations.form.errors.emailFormat'),
        ],
        [
          'phone',
          !isBlank(phone) && !PHONE_PATTERN.test(phone.trim()) && t('organizations.form.errors.phoneFormat'),
        ],
      ]),
    );
    if (ok) save.mutate();
  };

  const labels = {
    kind: t('organizations.fields.kind'),
    saProgram: t('organizations.fields.saProgram'),
    name: t('organizations.fields.name'),
    nameFr: t('organizations.fields.nameFr'),
    email: t('organizations.fields.email'),
    phone: t('organizations.fields.phone'),
    active: t('common.status'),
  };
  const back = initial
    ? { to: `/organizations/${initial.id}`, label: t('organizations.backToOrganization') }
    : { to: '/organizations', label: t('organizations.backToList') };

  return (
    <Page
      title={initial ? t('organizations.form.editTitle') : t('organizations.form.newTitle')}
      back={back}
      lead={initial?.name}
    >
      <ErrorSummary form={form} labels={labels} />
      <form className="form" onSubmit={submit} noValidate>
        {initial ? null : (
          <>
            <RadioGroup
              id="kind"
              label={labels.kind}
              options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`organizationKinds.${k}`) }))}
              value={kind}
              onChange={(v) => setKind(v as OrganizationKind)}
              error={form.field('kind')}
              required
            />
            {kind === 'sa_office' ? (
              <RadioGroup
                id="saProgram"
                label={labels.saProgram}
                options={SA_PROGRAMS.map((p) => ({ value: p, label: t(`saPrograms.${p}`) }))}
                value={saProgram}
                onChange={(v) => setSaProgram(v as SaProgram)}
                error={form.field('saProgram')}
                required
              />
            ) : null}
          </>
        )}
        <TextField
          id="name"
          label={labels.name}
          value={name}
          onChange={setName}
          error={form.field('name')}
          required
          autoComplete="organization"
        />
        <TextField
          id="nameFr"
          label={labels.nameFr}
          value={nameFr}
          onChange={setNameFr}
          error={form.field('nameFr')}
          optional
          autoComplete="off"
          lang="fr"
        />
        <TextField
          id="email"
          type="email"
          label={labels.email}
          value={email}
          onChange={setEmail}
          error={form.field('email')}
          optional
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          id="phone"
          type="tel"
          label={labels.phone}
          value={phone}
          onChange={setPhone}
          error={form.field('phone')}
          optional
          autoComplete="off"
          width={20}
        />
        {initial ? (
          <RadioGroup
            id="active"
            label={labels.active}
            hint={t('organizations.form.activeHint')}
            options={[
              { value: 'active', label: t('common.active') },
              { value: 'inactive', label: t('common.inactive') },
            ]}
            value={active}
            onChange={setActive}
            error={form.field('active')}
            inline
          />
        ) : null}
        <div className="actions">
          <SubmitButton pending={save.isPending}>
            {initial ? t('common.saveChanges') : t('organizations.form.create')}
          </SubmitButton>
          <Link to={back.to}>{t('common.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}
