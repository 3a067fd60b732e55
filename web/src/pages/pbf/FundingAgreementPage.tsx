import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FieldError, SubmitButton } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { useFormErrors } from '../../forms.js';
import { useCan } from '../../session.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { useFundingAgreement, useSaveFundingAgreement } from './data.js';
import { amountsFromInputs, fieldOf, idOf, inputsOf, type Inputs } from './logic.js';
import { PBF_CHECKPOINTS, STREAMS, type FundingAgreement, type PbfCheckpoint, type Stream } from './types.js';

/**
 * K4: a provider's funding agreement, the PBF amount per stream and checkpoint. Until the SSM sets
 * one the provider is paid at the seeded defaults, and the page says so. Finance and the SSM's
 * administrator change it; saving reprices the provider's unpaid lines.
 */
export function FundingAgreementPage() {
  const { t } = useTranslation();
  const { organizationId } = useParams();
  const agreement = useFundingAgreement(organizationId);
  if (agreement.isError && isApiError(agreement.error) && agreement.error.status === 404)
    return <NotFoundPage />;
  return (
    <Page
      title={
        agreement.data
          ? t('pbf.agreement.title', { provider: agreement.data.organizationName })
          : t('pbf.agreement.titleLoading')
      }
      back={{ to: '/pbf/statements', label: t('pbf.agreement.back') }}
      lead={t('pbf.agreement.lead')}
    >
      <QueryStatus query={agreement} />
      {agreement.data ? <AgreementForm agreement={agreement.data} /> : null}
    </Page>
  );
}

function AgreementForm({ agreement }: { agreement: FundingAgreement }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const can = useCan();
  const editable = can('funding_agreement.manage');
  const form = useFormErrors();
  const [inputs, setInputs] = useState<Inputs>(() => inputsOf(agreement.amounts, fmt.locale));
  const [flash, setFlash] = useState<string | null>(null);
  useEffect(() => setInputs(inputsOf(agreement.amounts, fmt.locale)), [agreement, fmt.locale]);
  const save = useSaveFundingAgreement(agreement.organizationId, {
    onSuccess: () => setFlash(t('pbf.agreement.saved')),
    onError: form.fromError,
  });
  const labels: Record<string, string> = {};
  for (const s of STREAMS)
    for (const c of PBF_CHECKPOINTS)
      labels[fieldOf(s, c)] = t('pbf.agreement.cellLabel', {
        stream: s,
        checkpoint: t(`pbf.checkpoints.${c}`),
      });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFlash(null);
    const { amounts, problems } = amountsFromInputs(inputs, t('pbf.agreement.invalidAmount'));
    if (!form.check(problems) || !amounts || save.isPending) return;
    form.clear();
    save.mutate(amounts);
  };
  const set = (s: Stream, c: PbfCheckpoint, value: string) =>
    setInputs((prev) => ({ ...prev, [s]: { ...prev[s], [c]: value } }));

  return (
    <form noValidate onSubmit={submit} data-testid="funding-agreement" data-default={agreement.isDefault}>
      <div role="status">
        {flash ? (
          <PageAlert kind="success" heading={flash}>
            <p>{t('pbf.agreement.savedBody')}</p>
          </PageAlert>
        ) : null}
      </div>
      {agreement.isDefault ? (
        <PageAlert kind="informational" heading={t('pbf.agreement.defaultHeading')}>
          <p data-testid="funding-agreement-default">{t('pbf.agreement.defaultBody')}</p>
        </PageAlert>
      ) : agreement.updatedAt ? (
        <p className="tag--muted">
          {t('pbf.agreement.updatedAt', { at: fmt.dateTime(agreement.updatedAt) })}
        </p>
      ) : null}
      <ErrorSummary form={form} labels={labels} idFor={idOf} />
      <div className="table-wrap">
        <table className="data-table" data-testid="funding-agreement-grid">
          <caption>{t('pbf.agreement.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pbf.fields.stream')}</th>
              {PBF_CHECKPOINTS.map((c) => (
                <th scope="col" key={c} className={editable ? undefined : 'numeric'}>
                  {t(`pbf.checkpoints.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STREAMS.map((s) => (
              <tr key={s}>
                <th scope="row">{t('pbf.streamValue', { letter: s, name: t(`streams.${s}`) })}</th>
                {PBF_CHECKPOINTS.map((c) => {
                  const field = fieldOf(s, c);
                  const id = idOf(field);
                  const error = form.field(field);
                  return (
                    <td key={c} className={editable ? undefined : 'numeric'}>
                      {editable ? (
                        <>
                          <label className="ontario-show-for-sr" htmlFor={id}>
                            {labels[field]}
                          </label>
                          {error ? <FieldError id={`${id}-error`} message={error} /> : null}
                          <input
                            className={`ontario-input ontario-input--7-char-width${error ? ' ontario-input__error' : ''}`}
                            id={id}
                            name={id}
                            inputMode="decimal"
                            value={inputs[s][c]}
                            onChange={(e) => set(s, c, e.target.value)}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `${id}-error` : undefined}
                            data-testid={`amount-${s}-${c}`}
                          />
                        </>
                      ) : (
                        <span data-testid={`amount-${s}-${c}`}>{fmt.money(agreement.amounts[s][c])}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable ? (
        <>
          <p className="ontario-hint">{t('pbf.agreement.hint')}</p>
          <div className="actions">
            <SubmitButton pending={save.isPending} testId="funding-agreement-save">
              {save.isPending ? t('common.saving') : t('pbf.agreement.save')}
            </SubmitButton>
          </div>
        </>
      ) : null}
      <p>
        <Link to={`/pbf/statements?organizationId=${agreement.organizationId}`}>
          {t('pbf.agreement.toStatement')}
        </Link>
      </p>
    </form>
  );
}
