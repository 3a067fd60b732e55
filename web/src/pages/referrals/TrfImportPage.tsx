import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FieldError, SubmitButton } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { useFormErrors } from '../../forms.js';
import { keys } from '../../queries.js';
import type { TrfImportResult } from '../../types.js';
import { TRF_COLUMNS, TRF_MAX_CHARACTERS } from '../../../../src/domain/referral/trf.js';

/**
 * SSM intake uploads the daily TRF list of EI applicants (P1 pathway 2). Importing the same file twice
 * adds nothing; a bad line is reported with its number and field while the good ones land.
 */
export function TrfImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (f: File) =>
      post<TrfImportResult>('/referrals/trf-imports', { fileName: f.name, csv: await f.text() }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.referralsAll }),
    onError: form.fromError,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (upload.isPending) return;
    const problem = !file
      ? t('referrals.trf.errors.noFile')
      : // Bytes are at least characters: under the limit in bytes means under it in text.
        file.size > TRF_MAX_CHARACTERS
        ? t('referrals.trf.errors.tooLarge')
        : null;
    if (!form.check(problem ? { csv: problem } : {})) return;
    form.clear();
    upload.mutate(file!);
  };
  const result = upload.data;
  const fileError = form.field('csv') ?? form.field('fileName');
  return (
    <Page
      title={t('referrals.trf.title')}
      back={{ to: '/referrals', label: t('referrals.detail.back') }}
      lead={t('referrals.trf.lead')}
    >
      <h2>{t('referrals.trf.columnsTitle')}</h2>
      <p>{t('referrals.trf.columnsIntro')}</p>
      <p>
        <code>{TRF_COLUMNS.join(',')}</code>
      </p>
      <ul>
        <li>{t('referrals.trf.columnsRequired')}</li>
        <li>{t('referrals.trf.columnsFormats')}</li>
      </ul>
      <ErrorSummary form={form} labels={{ csv: t('referrals.trf.file') }} />
      <form className="form" onSubmit={submit} noValidate>
        <div className="ontario-form-group">
          <label className="ontario-label" htmlFor="csv">
            {t('referrals.trf.file')}
          </label>
          <p className="ontario-hint" id="csv-hint">
            {t('referrals.trf.fileHint')}
          </p>
          {fileError ? <FieldError id="csv-error" message={fileError} /> : null}
          <input
            id="csv"
            name="csv"
            type="file"
            accept=".csv,text/csv"
            className="file-input"
            aria-describedby={fileError ? 'csv-hint csv-error' : 'csv-hint'}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="actions">
          <SubmitButton pending={upload.isPending} testId="trf-upload">
            {upload.isPending ? t('referrals.trf.uploading') : t('referrals.trf.upload')}
          </SubmitButton>
        </div>
      </form>
      {result ? (
        <div aria-live="polite" data-testid="trf-result">
          <PageAlert
            kind={result.alreadyImported ? 'informational' : result.errors.length ? 'warning' : 'success'}
            heading={
              result.alreadyImported
                ? t('referrals.trf.alreadyImported', { file: result.fileName })
                : t('referrals.trf.imported', { file: result.fileName })
            }
          >
            {result.alreadyImported ? <p>{t('referrals.trf.earlierCounts')}</p> : null}
            <ul>
              <li>{t('referrals.trf.rowsRead', { count: result.rowsRead })}</li>
              <li data-testid="trf-created">
                {t('referrals.trf.referralsCreated', { count: result.referralsCreated })}
              </li>
              <li>{t('referrals.trf.newClients', { count: result.newClients })}</li>
              <li>{t('referrals.trf.skippedCount', { count: result.skipped.length })}</li>
              <li>
                {t('referrals.trf.errorCount', { count: new Set(result.errors.map((e) => e.line)).size })}
              </li>
            </ul>
          </PageAlert>
          {result.errors.length ? (
            <div className="table-wrap">
              <table className="data-table" data-testid="trf-errors">
                <caption>{t('referrals.trf.errorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="numeric">
                      {t('referrals.trf.line')}
                    </th>
                    <th scope="col">{t('referrals.trf.field')}</th>
                    <th scope="col">{t('referrals.trf.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e, i) => (
                    <tr key={`${e.line}-${e.field}-${i}`}>
                      <td className="numeric">{e.line}</td>
                      <td>
                        <code>{e.field}</code>
                      </td>
                      <td>{t(`referrals.trf.problems.${e.code}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {result.skipped.length ? (
            <>
              <h2>{t('referrals.trf.skippedTitle')}</h2>
              <ul>
                {result.skipped.map((s) => (
                  <li key={s.line}>
                    {t('referrals.trf.skippedLine', { line: s.line })} —{' '}
                    {t(`referrals.trf.skipReasons.${s.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
