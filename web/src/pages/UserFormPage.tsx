import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { isApiError, patch, post } from '../api.js';
import { PageAlert } from '../components/Alert.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { CheckboxGroup, RadioGroup, SelectField, SubmitButton, TextField } from '../components/fields.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { useFormatters } from '../format.js';
import { collect, EMAIL_PATTERN, isBlank, MIN_PASSWORD_LENGTH, useFormErrors } from '../forms.js';
import { keys, useOrganization, useOrganizations, useUser } from '../queries.js';
import { useSession } from '../session.js';
import {
  ROLES,
  ROLE_ORGANIZATION_KIND,
  type Locale,
  type Me,
  type OrganizationKind,
  type Role,
  type User,
  type UserCreate,
  type UserUpdate,
} from '../types.js';
import { canManageOrg } from './OrganizationDetailPage.js';
import { NotFoundPage } from './NotFoundPage.js';
import { StatusTag } from './OrganizationsPage.js';

/** Roles this user may hand out in an organization of that kind (mirrors the API's assignableRoles). */
export function assignableRoles(me: Me, kind: OrganizationKind): Role[] {
  if (me.user.roles.includes('ssm_admin')) return ROLES.filter((r) => ROLE_ORGANIZATION_KIND[r] === kind);
  if (me.user.roles.includes('provider_admin') && kind === 'provider')
    return ['provider_caseworker', 'provider_lead', 'provider_admin'];
  return [];
}

export function UserFormPage() {
  const { userId } = useParams();
  const { t } = useTranslation();
  const user = useUser(userId);
  if (!userId) return <NewUserForm />;
  if (user.isError && isApiError(user.error) && user.error.status === 404) return <NotFoundPage />;
  if (user.data) return <UserDetail key={user.data.id} user={user.data} />;
  return (
    <Page title={t('users.detailTitle')}>
      {user.isPending ? <Loading /> : <QueryError error={user.error} onRetry={() => void user.refetch()} />}
    </Page>
  );
}

function NewUserForm() {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormatters();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const isSsmAdmin = me.user.roles.includes('ssm_admin');
  const organizations = useOrganizations('', false);
  const [organizationId, setOrganizationId] = useState(
    isSsmAdmin ? (params.get('organizationId') ?? '') : me.organization.id,
  );
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [locale, setLocale] = useState<Locale>('en');
  const [password, setPassword] = useState('');
  const form = useFormErrors();

  const org =
    organizations.data?.items.find((o) => o.id === organizationId) ??
    (organizationId === me.organization.id ? me.organization : undefined);
  const roleOptions = org ? assignableRoles(me, org.kind) : [];

  const create = useMutation({
    mutationFn: (body: UserCreate) => post<User>('/users', body),
    onSuccess: (user) => {
      queryClient.setQueryData(keys.user(user.id), user);
      void queryClient.invalidateQueries({ queryKey: keys.usersAll });
      void queryClient.invalidateQueries({ queryKey: keys.organizationsAll });
      navigate(`/users/${user.id}`, { state: { saved: 'created' } });
    },
    onError: form.fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const ok = form.check(
      collect([
        ['organizationId', !organizationId && t('users.form.errors.organizationRequired')],
        [
          'email',
          isBlank(email)
            ? t('users.form.errors.emailRequired')
            : !EMAIL_PATTERN.test(email.trim()) && t('users.form.errors.emailFormat'),
        ],
        ['displayName', displayName.trim().length < 2 && t('users.form.errors.displayNameRequired')],
        ['roles', roles.length === 0 && t('users.form.errors.rolesRequired')],
        [
          'password',
          password.length < MIN_PASSWORD_LENGTH &&
            t('users.form.errors.passwordLength', { min: MIN_PASSWORD_LENGTH }),
        ],
      ]),
    );
    if (ok)
      create.mutate({
        organizationId,
        email: email.trim(),
        displayName: displayName.trim(),
        roles,
        locale,
        password,
      });
  };

  const labels = {
    organizationId: t('users.fields.organization'),
    email: t('users.fields.email'),
    displayName: t('users.fields.displayName'),
    roles: t('users.fields.roles'),
    locale: t('users.fields.locale'),
    password: t('users.fields.initialPassword'),
  };

  return (
    <Page title={t('users.form.newTitle')} back={{ to: '/users', label: t('users.backToList') }}>
      <ErrorSummary form={form} labels={labels} />
      <form className="form" onSubmit={submit} noValidate>
        {isSsmAdmin ? (
          <SelectField
            id="organizationId"
            label={labels.organizationId}
            value={organizationId}
            onChange={(v) => {
              setOrganizationId(v);
              setRoles([]);
            }}
            placeholder={organizations.isPending ? t('common.loading') : t('common.choose')}
            options={(organizations.data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${fmt.orgName(o)} (${t(`organizationKinds.${o.kind}`)})`,
            }))}
            error={form.field('organizationId')}
            required
          />
        ) : (
          <p>{t('users.form.inOrganization', { name: me.organization.name })}</p>
        )}
        <TextField
          id="displayName"
          label={labels.displayName}
          value={displayName}
          onChange={setDisplayName}
          error={form.field('displayName')}
          required
          autoComplete="off"
        />
        <TextField
          id="email"
          type="email"
          label={labels.email}
          value={email}
          onChange={setEmail}
          error={form.field('email')}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <RoleCheckboxes
          options={roleOptions}
          values={roles}
          onChange={setRoles}
          error={form.field('roles')}
          noOrganization={!org}
        />
        <LocaleRadios value={locale} onChange={setLocale} error={form.field('locale')} />
        <TextField
          id="password"
          type="password"
          label={labels.password}
          hint={t('users.form.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          value={password}
          onChange={setPassword}
          error={form.field('password')}
          required
          autoComplete="new-password"
        />
        <div className="actions">
          <SubmitButton pending={create.isPending}>{t('users.form.create')}</SubmitButton>
          <Link to="/users">{t('common.cancel')}</Link>
        </div>
      </form>
    </Page>
  );
}

function RoleCheckboxes({
  options,
  values,
  onChange,
  error,
  noOrganization,
}: {
  options: Role[];
  values: Role[];
  onChange: (r: Role[]) => void;
  error?: string | undefined;
  noOrganization?: boolean;
}) {
  const { t } = useTranslation();
  if (noOrganization) return <p className="ontario-hint">{t('users.form.chooseOrganizationFirst')}</p>;
  return (
    <CheckboxGroup
      id="roles"
      label={t('users.fields.roles')}
      hint={t('users.form.rolesHint')}
      options={options.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      values={values}
      onChange={(v) => onChange(v as Role[])}
      error={error}
      required
    />
  );
}

function LocaleRadios({
  value,
  onChange,
  error,
}: {
  value: Locale;
  onChange: (l: Locale) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      id="locale"
      label={t('users.fields.locale')}
      options={[
        { value: 'en', label: t('languages.en') },
        { value: 'fr', label: t('languages.fr') },
      ]}
      value={value}
      onChange={(v) => onChange(v === 'fr' ? 'fr' : 'en')}
      error={error}
      inline
    />
  );
}

/** A user's record; those who manage the organization can change it, reset the password or deactivate. */
function UserDetail({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useSession();
  const fmt = useFormatters();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const canManage = canManageOrg(me, 'user.manage', user.organizationId);

  return (
    <Page title={user.displayName} back={{ to: '/users', label: t('users.backToList') }}>
      {saved ? (
        <PageAlert
          kind="success"
          heading={t(`users.saved.${saved}`, { defaultValue: t('common.saved') })}
          live
        />
      ) : null}
      <dl className="details">
        <dt>{t('users.fields.organization')}</dt>
        <dd>
          <Link to={`/organizations/${user.organizationId}`}>{user.organizationName}</Link>
        </dd>
        <dt>{t('users.fields.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('users.fields.roles')}</dt>
        <dd>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
        <dt>{t('users.fields.locale')}</dt>
        <dd>{t(`languages.${user.locale}`)}</dd>
        <dt>{t('common.status')}</dt>
        <dd>
          <StatusTag active={user.active} />
        </dd>
        <dt>{t('users.fields.lastSignIn')}</dt>
        <dd>{user.lastSignInAt ? fmt.dateTime(user.lastSignInAt) : t('users.never')}</dd>
        <dt>{t('users.fields.createdAt')}</dt>
        <dd>{fmt.dateTime(user.createdAt)}</dd>
      </dl>
      {canManage ? (
        <>
          <EditUserForm user={user} />
          <ResetPasswordForm user={user} />
        </>
      ) : null}
    </Page>
  );
}

function EditUserForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const org = useOrganization(user.organizationId);
  const [email, setEmail] = useState(user.email);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [active, setActive] = useState(user.active ? 'active' : 'inactive');
  const [done, setDone] = useState(false);
  const form = useFormErrors();
  const doneId = useId();
  const roleOptions = assignableRoles(me, org.data?.kind ?? user.organizationKind);
  // Keep roles the editor cannot grant visible, so saving does not silently drop them.
  const shownRoles = [...roleOptions, ...user.roles.filter((r) => !roleOptions.includes(r))];

  const update = useMutation({
    mutationFn: (body: UserUpdate) => patch<User>(`/users/${user.id}`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.user(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.usersAll });
      setDone(true);
    },
    onError: form.fromError,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    setDone(false);
    const ok = form.check(
      collect([
        [
          'email',
          isBlank(email)
            ? t('users.form.errors.emailRequired')
            : !EMAIL_PATTERN.test(email.trim()) && t('users.form.errors.emailFormat'),
        ],
        ['displayName', displayName.trim().length < 2 && t('users.form.errors.displayNameRequired')],
        ['roles', roles.length === 0 && t('users.form.errors.rolesRequired')],
      ]),
    );
    if (ok) {
      form.clear();
      update.mutate({
        email: email.trim(),
        displayName: displayName.trim(),
        roles,
        locale,
        active: active === 'active',
      });
    }
  };

  return (
    <section className="section" aria-labelledby="edit-user-heading">
      <h2 id="edit-user-heading">{t('users.form.editTitle')}</h2>
      {done ? <PageAlert kind="success" heading={t('users.saved.updated')} headingId={doneId} live /> : null}
      <ErrorSummary
        form={form}
        labels={{
          email: t('users.fields.email'),
          displayName: t('users.fields.displayName'),
          roles: t('users.fields.roles'),
          locale: t('users.fields.locale'),
          active: t('common.status'),
        }}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="displayName"
          label={t('users.fields.displayName')}
          value={displayName}
          onChange={setDisplayName}
          error={form.field('displayName')}
          required
          autoComplete="off"
        />
        <TextField
          id="email"
          type="email"
          label={t('users.fields.email')}
          value={email}
          onChange={setEmail}
          error={form.field('email')}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <RoleCheckboxes options={shownRoles} values={roles} onChange={setRoles} error={form.field('roles')} />
        <LocaleRadios value={locale} onChange={setLocale} error={form.field('locale')} />
        <RadioGroup
          id="active"
          label={t('common.status')}
          hint={t('users.form.activeHint')}
          options={[
            { value: 'active', label: t('common.active') },
            { value: 'inactive', label: t('common.inactive') },
          ]}
          value={active}
          onChange={setActive}
          error={form.field('active')}
          inline
        />
        <SubmitButton pending={update.isPending}>{t('common.saveChanges')}</SubmitButton>
      </form>
    </section>
  );
}

function ResetPasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useFormErrors();
  const doneId = useId();
  const reset = useMutation({
    mutationFn: () => patch<User>(`/users/${user.id}`, { password }),
    onSuccess: () => {
      setPassword('');
      setDone(true);
    },
    onError: form.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reset.isPending) return;
    setDone(false);
    if (
      form.check(
        collect([
          [
            'password',
            password.length < MIN_PASSWORD_LENGTH &&
              t('users.form.errors.passwordLength', { min: MIN_PASSWORD_LENGTH }),
          ],
        ]),
      )
    ) {
      form.clear();
      reset.mutate();
    }
  };
  return (
    <section className="section" aria-labelledby="reset-password-heading">
      <h2 id="reset-password-heading">{t('users.reset.title')}</h2>
      <p>{t('users.reset.intro')}</p>
      {done ? <PageAlert kind="success" heading={t('users.reset.done')} headingId={doneId} live /> : null}
      <ErrorSummary
        form={form}
        labels={{ password: t('users.fields.newPassword') }}
        idFor={(f) => (f === 'password' ? 'reset-password' : f)}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="reset-password"
          type="password"
          label={t('users.fields.newPassword')}
          hint={t('users.form.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          value={password}
          onChange={setPassword}
          error={form.field('password')}
          required
          autoComplete="new-password"
        />
        <SubmitButton pending={reset.isPending} variant="secondary">
          {t('users.reset.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
