import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, put } from '../api.js';
import { ErrorSummary } from '../components/ErrorSummary.js';
import { SubmitButton, TextField } from '../components/fields.js';
import { Page } from '../components/Page.js';
import { collect, isBlank, MIN_PASSWORD_LENGTH, useFormErrors } from '../forms.js';
import { endSession, useSession } from '../session.js';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <Page title={t('account.title')}>
      <dl className="details">
        <dt>{t('users.fields.displayName')}</dt>
        <dd>{me.user.displayName}</dd>
        <dt>{t('users.fields.email')}</dt>
        <dd>{me.user.email}</dd>
        <dt>{t('users.fields.organization')}</dt>
        <dd>{me.organization.name}</dd>
        <dt>{t('users.fields.roles')}</dt>
        <dd>{me.user.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
        <dt>{t('users.fields.locale')}</dt>
        <dd>{t(`languages.${me.user.locale}`)}</dd>
      </dl>
      <ChangePassword />
    </Page>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const form = useFormErrors();

  const change = useMutation({
    mutationFn: () => put<void>('/auth/me/password', { currentPassword, newPassword }),
    // The API ends every session of the user; sign in again with the new password.
    onSuccess: () => endSession(queryClient, 'passwordChanged'),
    onError: (error) => {
      setCurrentPassword('');
      // The API's word for a wrong current password is English only; say it in the interface language.
      if (
        error instanceof ApiError &&
        error.problem.errors?.some((e) => e.field === 'body.currentPassword')
      ) {
        form.check({ currentPassword: t('account.errors.currentWrong') });
      } else {
        form.fromError(error);
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.isPending) return;
    const ok = form.check(
      collect([
        ['currentPassword', isBlank(currentPassword) && t('account.errors.currentRequired')],
        [
          'newPassword',
          newPassword.length < MIN_PASSWORD_LENGTH
            ? t('account.errors.newLength', { min: MIN_PASSWORD_LENGTH })
            : newPassword === currentPassword && t('account.errors.newSame'),
        ],
        ['confirmPassword', confirmPassword !== newPassword && t('account.errors.confirmMismatch')],
      ]),
    );
    if (ok) {
      form.clear();
      change.mutate();
    }
  };

  return (
    <section className="section" aria-labelledby="password-heading">
      <h2 id="password-heading">{t('account.changePassword')}</h2>
      <p>{t('account.changePasswordIntro')}</p>
      <ErrorSummary
        form={form}
        labels={{
          currentPassword: t('account.currentPassword'),
          newPassword: t('account.newPassword'),
          confirmPassword: t('account.confirmPassword'),
        }}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="currentPassword"
          type="password"
          label={t('account.currentPassword')}
          value={currentPassword}
          onChange={setCurrentPassword}
          error={form.field('currentPassword')}
          required
          autoComplete="current-password"
        />
        <TextField
          id="newPassword"
          type="password"
          label={t('account.newPassword')}
          hint={t('account.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
          value={newPassword}
          onChange={setNewPassword}
          error={form.field('newPassword')}
          required
          autoComplete="new-password"
        />
        <TextField
          id="confirmPassword"
          type="password"
          label={t('account.confirmPassword')}
          value={confirmPassword}
          onChange={setConfirmPassword}
          error={form.field('confirmPassword')}
          required
          autoComplete="new-password"
        />
        <SubmitButton pending={change.isPending} testId="change-password">
          {t('account.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
