import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { get, isApiError, post } from '../api.js';
import { PageAlert } from '../components/Alert.js';
import { OntarioButton, OntarioCallout } from '../components/Ods.js';
import { Loading, Page } from '../components/Page.js';
import { QueryError } from '../components/QueryError.js';
import { useFormatters } from '../format.js';
import { problemMessage } from '../forms.js';
import { keys, useCatchment, useClient } from '../queries.js';
import { useCan } from '../session.js';
import { SPECIALIZED_POPULATIONS, type AuditEntry, type Client, type ListOf } from '../types.js';
import { ClientAssessmentsSection } from './assessments/ClientAssessmentsSection.js';
import { NotFoundPage } from './NotFoundPage.js';
import { ClientPlanLine } from './plans/shared.js';

/** "123456782" → "123 456 782", the way it is printed on the card. */
const formatSin = (sin: string) => {
  const digits = sin.replace(/\D/g, '');
  return digits.length === 9 ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : sin;
};

/** How long a revealed SIN stays on screen. */
export const SIN_REVEAL_MS = 30_000;

export function ClientProfilePage() {
  const { t } = useTranslation();
  const { clientId } = useParams();
  const can = useCan();
  const location = useLocation();
  const client = useClient(clientId);
  const saved = (location.state as { saved?: 'created' | 'updated' } | null)?.saved;

  if (client.isError && isApiError(client.error) && client.error.status === 404) return <NotFoundPage />;

  const title = client.data
    ? `${client.data.legalGivenName} ${client.data.legalFamilyName}`
    : t('clients.profile.title');
  return (
    <Page title={title} back={{ to: '/clients', label: t('clients.profile.backToSearch') }}>
      {client.isPending ? <Loading /> : null}
      {client.isError ? <QueryError error={client.error} onRetry={() => void client.refetch()} /> : null}
      {client.data ? (
        <>
          {saved ? <PageAlert kind="success" heading={t(`clients.profile.saved.${saved}`)} live /> : null}
          <p className="ontario-lead-statement">
            {t('clients.profile.reference', { reference: client.data.reference })}
          </p>
          {can('client.update') || can('referral.create') ? (
            <p className="actions">
              {can('referral.create') ? (
                <Link
                  className="ontario-button ontario-button--primary"
                  to={`/clients/${client.data.id}/refer`}
                  data-testid="refer-client"
                >
                  {t('clients.profile.refer')}
                </Link>
              ) : null}
              {can('client.update') ? (
                <Link
                  className="ontario-button ontario-button--secondary"
                  to={`/clients/${client.data.id}/edit`}
                >
                  {t('clients.profile.edit')}
                </Link>
              ) : null}
            </p>
          ) : null}
          {can('plan.read') ? <ClientPlanLine clientId={client.data.id} /> : null}
          {can('assessment.read') ? <ClientAssessmentsSection clientId={client.data.id} /> : null}
          <ClientDetails client={client.data} />
          {can('client.audit.read') ? <ClientAudit clientId={client.data.id} /> : null}
        </>
      ) : null}
    </Page>
  );
}

function Value({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  return <>{value ? value : <span className="tag--muted">{t('common.notProvided')}</span>}</>;
}

function ClientDetails({ client }: { client: Client }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const catchment = useCatchment();
  const region = catchment.data?.regions.find((r) => r.id === client.regionId);
  const sa = client.socialAssistance;

  return (
    <>
      <section className="section" aria-labelledby="identity-heading">
        <h2 id="identity-heading">{t('clients.sections.identity')}</h2>
        <dl className="details">
          <dt>{t('clients.fields.legalGivenName')}</dt>
          <dd>{client.legalGivenName}</dd>
          <dt>{t('clients.fields.legalFamilyName')}</dt>
          <dd>{client.legalFamilyName}</dd>
          <dt>{t('clients.fields.preferredName')}</dt>
          <dd>
            <Value value={client.preferredName} />
          </dd>
          <dt>{t('clients.fields.dateOfBirth')}</dt>
          <dd>{fmt.date(client.dateOfBirth)}</dd>
          <dt>{t('clients.fields.sin')}</dt>
          <dd>
            <SinValue client={client} />
          </dd>
        </dl>
      </section>

      <section className="section" aria-labelledby="contact-heading">
        <h2 id="contact-heading">{t('clients.sections.contact')}</h2>
        <dl className="details">
          <dt>{t('clients.fields.phone')}</dt>
          <dd>
            <Value value={client.phone} />
          </dd>
          <dt>{t('clients.fields.email')}</dt>
          <dd>
            <Value value={client.email} />
          </dd>
          <dt>{t('clients.fields.preferredContactMethod')}</dt>
          <dd>
            <Value
              value={client.preferredContactMethod && t(`contactMethods.${client.preferredContactMethod}`)}
            />
          </dd>
          <dt>{t('clients.fields.preferredContactTime')}</dt>
          <dd>
            <Value value={client.preferredContactTime && t(`contactTimes.${client.preferredContactTime}`)} />
          </dd>
        </dl>
      </section>

      <section className="section" aria-labelledby="address-heading">
        <h2 id="address-heading">{t('clients.sections.address')}</h2>
        {client.address ? (
          <>
            {client.address.isProviderAddress ? (
              <p>
                <span className="tag tag--warning">{t('clients.profile.providerAddress')}</span>
              </p>
            ) : null}
            <address>
              {client.address.unit ? `${client.address.unit}-` : ''}
              {client.address.street}
              <br />
              {client.address.city} {client.address.province}&nbsp;&nbsp;{client.address.postalCode}
            </address>
          </>
        ) : (
          <p>{t('clients.profile.noAddress')}</p>
        )}
        <dl className="details">
          <dt>{t('clients.fields.region')}</dt>
          <dd>
            <Value value={region ? fmt.name(region) : null} />
          </dd>
        </dl>
      </section>

      <section className="section" aria-labelledby="language-heading">
        <h2 id="language-heading">{t('clients.sections.language')}</h2>
        <dl className="details">
          <dt>{t('clients.fields.language')}</dt>
          <dd>
            {client.language === 'other' && client.languageOther
              ? client.languageOther
              : t(`clientLanguages.${client.language}`)}
          </dd>
        </dl>
      </section>

      <section className="section" aria-labelledby="populations-heading">
        <h2 id="populations-heading">{t('clients.sections.populations')}</h2>
        <dl className="details">
          {SPECIALIZED_POPULATIONS.map((p) => {
            const answer = client.specializedPopulations[p];
            return (
              <div key={p} className="details__row">
                <dt>{t(`populations.question.${p}`)}</dt>
                <dd>
                  {answer ? (
                    t(`selfIdentification.${answer}`)
                  ) : (
                    <span className="tag--muted">{t('common.notAsked')}</span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section className="section" aria-labelledby="sa-heading">
        <h2 id="sa-heading">{t('clients.sections.socialAssistance')}</h2>
        {sa ? (
          <dl className="details">
            <dt>{t('clients.fields.saProgram')}</dt>
            <dd>{t(`saPrograms.${sa.program}`)}</dd>
            <dt>{t('clients.fields.samsMemberId')}</dt>
            <dd>{sa.samsMemberId}</dd>
            <dt>{t('clients.fields.saOffice')}</dt>
            <dd>
              <Value value={sa.officeName} />
            </dd>
            <dt>{t('clients.fields.saCaseworker')}</dt>
            <dd>
              <Value value={sa.caseworkerName} />
            </dd>
          </dl>
        ) : (
          <p>{t('clients.profile.noSocialAssistance')}</p>
        )}
      </section>

      <section className="section" aria-labelledby="shared-heading">
        <h2 id="shared-heading">{t('clients.sections.sharedWith')}</h2>
        {client.sharedWith.length ? (
          <ul>
            {client.sharedWith.map((s) => (
              <li key={s.organizationId}>
                {s.organizationName} — {t(`shareReasons.${s.reason}`, { defaultValue: s.reason })}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('clients.profile.notShared')}</p>
        )}
        <p className="tag--muted">
          {t('clients.profile.recordDates', {
            created: fmt.dateTime(client.createdAt),
            updated: fmt.dateTime(client.updatedAt),
          })}
        </p>
      </section>
    </>
  );
}

/** The masked SIN, and for those allowed, a reveal that is audited and hides itself after 30 s. */
function SinValue({ client }: { client: Client }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => post<{ sin: string | null }>(`/clients/${client.id}/reveal-sin`),
    onSuccess: (data) => setRevealed(data.sin),
  });

  useEffect(() => {
    if (!revealed) return;
    const timer = window.setTimeout(() => setRevealed(null), SIN_REVEAL_MS);
    return () => window.clearTimeout(timer);
  }, [revealed]);

  if (!client.sinMasked) return <span className="tag--muted">{t('common.notProvided')}</span>;

  return (
    <>
      <span className="sin-value" data-testid="sin-value">
        {revealed ? formatSin(revealed) : client.sinMasked}
      </span>
      {revealed ? <span className="ontario-show-for-sr"> {t('clients.sin.revealedFor')}</span> : null}
      {client.sinTemporary ? (
        <>
          {' '}
          <span className="tag tag--warning">{t('clients.sin.temporary')}</span>
        </>
      ) : null}
      {can('client.reveal_sin') ? (
        <div className="actions">
          {/* One native button that changes its label keeps keyboard focus where it is. */}
          <button
            type="button"
            className="ontario-button ontario-button--secondary"
            data-testid={revealed ? 'hide-sin' : 'reveal-sin'}
            aria-disabled={reveal.isPending ? true : undefined}
            onClick={() => {
              if (revealed) setRevealed(null);
              else if (!reveal.isPending) reveal.mutate();
            }}
          >
            {revealed ? t('clients.sin.hide') : t('clients.sin.reveal')}
          </button>
          <span>{t('clients.sin.auditNote')}</span>
        </div>
      ) : null}
      <div role="status" className="ontario-show-for-sr">
        {revealed ? t('clients.sin.revealedStatus') : ''}
      </div>
      {reveal.isError ? (
        <p className="field-error-text">{problemMessage(reveal.error, t, i18n.language)}</p>
      ) : null}
    </>
  );
}

const AUDIT_PAGE = 50;

function ClientAudit({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const audit = useInfiniteQuery({
    queryKey: keys.clientAudit(clientId),
    queryFn: ({ pageParam }) =>
      get<ListOf<AuditEntry>>(`/clients/${clientId}/audit`, {
        limit: AUDIT_PAGE,
        before: pageParam ?? undefined,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) =>
      last.items.length < AUDIT_PAGE ? null : (last.items[last.items.length - 1]?.seq ?? null),
  });
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section className="section" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('clients.audit.title')}</h2>
      <OntarioCallout headingLevel="h3" heading={t('clients.audit.calloutTitle')}>
        <p>{t('clients.audit.calloutBody')}</p>
      </OntarioCallout>
      {audit.isPending ? <Loading /> : null}
      {audit.isError ? <QueryError error={audit.error} onRetry={() => void audit.refetch()} /> : null}
      {audit.data && entries.length === 0 ? <p>{t('clients.audit.empty')}</p> : null}
      {entries.length ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="ontario-show-for-sr">{t('clients.audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('clients.audit.seq')}
                </th>
                <th scope="col">{t('clients.audit.when')}</th>
                <th scope="col">{t('clients.audit.who')}</th>
                <th scope="col">{t('clients.audit.action')}</th>
                <th scope="col">{t('clients.audit.entity')}</th>
                <th scope="col">{t('clients.audit.requestId')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq}>
                  <td className="numeric">{e.seq}</td>
                  <td>{fmt.dateTime(e.occurredAt)}</td>
                  <td>
                    {e.actorName ?? t('clients.audit.system')}
                    {e.actorOrganizationName ? (
                      <>
                        <br />
                        <span className="tag--muted">{e.actorOrganizationName}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{t(`auditActions.${e.action}`, { defaultValue: e.action })}</td>
                  <td>{t(`entityTypes.${e.entityType}`, { defaultValue: e.entityType })}</td>
                  <td>
                    <code>{e.requestId ?? '—'}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {audit.hasNextPage ? (
        <div className="actions">
          <OntarioButton
            label={t('clients.audit.older')}
            onClick={() => {
              if (!audit.isFetchingNextPage) void audit.fetchNextPage();
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
