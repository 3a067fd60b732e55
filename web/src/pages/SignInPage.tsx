import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { post } from '../api.js';
import { PageAlert } from '../components/Alert.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { SubmitButton, TextField } from '../components/fields.js';
import { Layout } from '../components/Layout.js';
import { Page } from '../components/Page.js';
import { collect, EMAIL_PATTERN, isBlank, useFormErrors } from '../forms.js';
import { hasSessionHint, startSession, useMeQuery, type SessionEndReason } from '../session.js';
import type { Me } from '../types.js';

interface SignInState {
  from?: string;
  notice?: SessionEndReason | null;
}

const readState = (state: unknown): SignInState =>
  typeof state === 'object' && state !== null ? (state as SignInState) : {};

/** Only paths inside this app: never send someone to another site after sign-in. */
const safeReturnPath = (from: string | undefined) =>
  from && from.startsWith('/') && !from.startsWith('//') ? from : '/';

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const state = readState(location.state);
  const noticeId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useFormErrors();
  const me = useMeQuery({ enabled: hasSessionHint() });

  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) => post<Me>('/auth/sign-in', body),
    meta: { allowUnauthenticated: true },
    onSuccess: (data) => {
      startSession(queryClient, data);
      navigate(safeReturnPath(state.from), { replace: true });
    },
    onError: (error) => {
      setPassword('');
      form.fromError(error);
    },
  });

  if (me.data && !signIn.isPending) return <Navigate to={safeReturnPath(state.from)} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const ok = form.check(
      collect([
        [
          'email',
          isBlank(email)
            ? t('signIn.errors.emailRequired')
            : !EMAIL_PATTERN.test(email.trim()) && t('signIn.errors.emailInvalid'),
        ],
        ['password', isBlank(password) && t('signIn.errors.passwordRequired')],
      ]),
    );
    if (ok) signIn.mutate({ email: email.trim(), password });
  };

  return (
    <Layout>
      <Page title={t('signIn.title')} lead={t('signIn.lead')}>
        {state.notice && !form.errors ? (
          <PageAlert
            kind={
              state.notice === 'passwordChanged'
                ? 'success'
                : state.notice === 'expired'
                  ? 'warning'
                  : 'informational'
            }
            heading={t(`signIn.notice.${state.notice}.title`)}
            headingId={noticeId}
          >
            <p>{t(`signIn.notice.${state.notice}.body`)}</p>
          </PageAlert>
        ) : null}
        <ErrorSummary form={form} labels={{ email: t('signIn.email'), password: t('signIn.password') }} />
        <form className="form" onSubmit={submit} noValidate>
          <TextField
            id="email"
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={form.field('email')}
            required
            spellCheck={false}
          />
          <TextField
            id="password"
            label={t('signIn.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={form.field('password')}
            required
          />
          <SubmitButton testId="sign-in" pending={signIn.isPending}>
            {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
          </SubmitButton>
        </form>
      </Page>
    </Layout>
  );
}
