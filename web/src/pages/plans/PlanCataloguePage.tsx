import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { patch, post } from '../../api.js';
import { PageAlert } from '../../components/Alert.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Checkbox, SelectField, SubmitButton, TextAreaField, TextField } from '../../components/fields.js';
import { Page } from '../../components/Page.js';
import { QueryStatus } from '../../components/QueryStatus.js';
import { useFormatters } from '../../format.js';
import { collect, problemMessage, useFormErrors } from '../../forms.js';
import { planKeys, useCatalogue, useCatalogueCoverage } from './data.js';
import {
  MINIMUM_SERVICES,
  SUB_GOAL_KINDS,
  TRAINING_PROGRAMS,
  type CatalogueItem,
  type CatalogueItemCreate,
  type MinimumService,
  type SubGoalKind,
  type TrainingProgram,
} from './types.js';

/**
 * The SSM's plan-item catalogue (A7): what providers may put in a plan, by sub-goal kind, and whether
 * every minimum service is covered by at least one active item.
 */
export function PlanCataloguePage() {
  const { t } = useTranslation();
  const [includeInactive, setIncludeInactive] = useState(true);
  const catalogue = useCatalogue('', includeInactive);
  return (
    <Page title={t('plans.catalogue.title')} lead={t('plans.catalogue.lead')}>
      <CoverageSection />
      <section className="section" aria-labelledby="catalogue-items-heading">
        <h2 id="catalogue-items-heading">{t('plans.catalogue.itemsHeading')}</h2>
        <Checkbox
          id="catalogue-includeInactive"
          label={t('plans.catalogue.includeInactive')}
          checked={includeInactive}
          onChange={setIncludeInactive}
        />
        <QueryStatus query={catalogue} />
        {catalogue.data
          ? SUB_GOAL_KINDS.map((kind) => (
              <KindGroup
                key={kind}
                kind={kind}
                items={catalogue.data.items.filter((i) => i.subGoalKind === kind)}
              />
            ))
          : null}
      </section>
      <AddCatalogueItem />
    </Page>
  );
}

function CoverageSection() {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const coverage = useCatalogueCoverage();
  return (
    <section className="section" aria-labelledby="coverage-heading" data-testid="catalogue-coverage">
      <h2 id="coverage-heading">{t('plans.catalogue.coverageHeading')}</h2>
      <p>{t('plans.catalogue.coverageIntro')}</p>
      <QueryStatus query={coverage} />
      {coverage.data ? (
        <>
          {coverage.data.missing.length ? (
            <PageAlert kind="warning" heading={t('plans.catalogue.missingHeading')}>
              <ul data-testid="coverage-missing">
                {coverage.data.missing.map((m) => (
                  <li key={m}>{t(`plans.minimumServices.${m}`)}</li>
                ))}
              </ul>
            </PageAlert>
          ) : (
            <p data-testid="coverage-complete">{t('plans.catalogue.complete')}</p>
          )}
          <div className="table-wrap">
            <table className="data-table">
              <caption className="ontario-show-for-sr">{t('plans.catalogue.coverageHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plans.catalogue.minimumService')}</th>
                  <th scope="col" className="numeric">
                    {t('plans.catalogue.activeItems')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {coverage.data.services.map((s) => (
                  <tr key={s.minimumService} className={s.items === 0 ? 'row--flagged' : undefined}>
                    <th scope="row">{t(`plans.minimumServices.${s.minimumService}`)}</th>
                    <td className="numeric">{fmt.number(s.items)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

function useCatalogueWrite<TBody>(request: (body: TBody) => Promise<CatalogueItem>, onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKeys.catalogueAll });
      onSuccess?.();
    },
  });
}

function KindGroup({ kind, items }: { kind: SubGoalKind; items: CatalogueItem[] }) {
  const { t } = useTranslation();
  return (
    <div className="catalogue-kind" data-testid="catalogue-kind" data-kind={kind}>
      <h3>{t(`plans.subGoalKinds.${kind}`)}</h3>
      {items.length === 0 ? (
        <p className="tag--muted">{t('plans.catalogue.noItems')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="ontario-show-for-sr">{t(`plans.subGoalKinds.${kind}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.catalogue.code')}</th>
                <th scope="col">{t('plans.catalogue.name')}</th>
                <th scope="col">{t('plans.catalogue.minimumService')}</th>
                <th scope="col">{t('plans.catalogue.trainingProgram')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <CatalogueRow key={item.id} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CatalogueRow({ item }: { item: CatalogueItem }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatters();
  const toggle = useCatalogueWrite((body: { active: boolean }) =>
    patch<CatalogueItem>(`/plan-catalogue/${encodeURIComponent(item.id)}`, body),
  );
  const name = fmt.name(item);
  return (
    <tr data-testid="catalogue-item" data-code={item.code} data-active={item.active}>
      <td>
        <code>{item.code}</code>
      </td>
      <th scope="row">
        {name}
        {item.descriptionEn || item.descriptionFr ? (
          <>
            <br />
            <span className="tag--muted">
              {fmt.locale === 'fr'
                ? item.descriptionFr || item.descriptionEn
                : item.descriptionEn || item.descriptionFr}
            </span>
          </>
        ) : null}
      </th>
      <td>{t(`plans.minimumServices.${item.minimumService}`)}</td>
      <td>{item.trainingProgram ? t(`plans.trainingPrograms.${item.trainingProgram}`) : '—'}</td>
      <td>
        <span className={`tag ${item.active ? 'tag--ok' : 'tag--muted'}`}>
          {item.active ? t('common.active') : t('common.inactive')}
        </span>
      </td>
      <td>
        <button
          type="button"
          className="ontario-button ontario-button--secondary ontario-button--small"
          data-testid={item.active ? 'catalogue-deactivate' : 'catalogue-reactivate'}
          aria-disabled={toggle.isPending ? true : undefined}
          onClick={() => {
            if (!toggle.isPending) toggle.mutate({ active: !item.active });
          }}
        >
          {item.active ? t('plans.catalogue.deactivate') : t('plans.catalogue.reactivate')}
          <span className="ontario-show-for-sr">: {name}</span>
        </button>
        {toggle.isError ? (
          <p className="field-error-text" role="alert">
            {problemMessage(toggle.error, t, i18n.language)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}

// The API's pattern for catalogue codes.
const CODE_PATTERN = /^[a-z0-9][a-z0-9_.-]{1,59}$/;

function AddCatalogueItem() {
  const { t } = useTranslation();
  const form = useFormErrors();
  const [code, setCode] = useState('');
  const [subGoalKind, setSubGoalKind] = useState<SubGoalKind | ''>('');
  const [minimumService, setMinimumService] = useState<MinimumService | ''>('');
  const [trainingProgram, setTrainingProgram] = useState<TrainingProgram | ''>('');
  const [nameEn, setNameEn] = useState('');
  const [nameFr, setNameFr] = useState('');
  const [descriptionEn, setDescriptionEn] = useState('');
  const [descriptionFr, setDescriptionFr] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const create = useCatalogueWrite((body: CatalogueItemCreate) =>
    post<CatalogueItem>('/plan-catalogue', body),
  );
  const labels = {
    code: t('plans.catalogue.code'),
    subGoalKind: t('plans.catalogue.subGoalKind'),
    minimumService: t('plans.catalogue.minimumService'),
    trainingProgram: t('plans.catalogue.trainingProgram'),
    nameEn: t('plans.catalogue.nameEn'),
    nameFr: t('plans.catalogue.nameFr'),
    descriptionEn: t('plans.catalogue.descriptionEn'),
    descriptionFr: t('plans.catalogue.descriptionFr'),
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const ok = form.check(
      collect([
        ['code', !CODE_PATTERN.test(code.trim()) && t('plans.catalogue.errors.code')],
        ['subGoalKind', !subGoalKind && t('plans.catalogue.errors.subGoalKind')],
        ['minimumService', !minimumService && t('plans.catalogue.errors.minimumService')],
        ['nameEn', nameEn.trim().length < 2 && t('plans.catalogue.errors.nameEn')],
        ['nameFr', nameFr.trim().length < 2 && t('plans.catalogue.errors.nameFr')],
      ]),
    );
    if (!ok || !subGoalKind || !minimumService) return;
    form.clear();
    setAdded(null);
    create.mutate(
      {
        code: code.trim(),
        subGoalKind,
        minimumService,
        ...(trainingProgram ? { trainingProgram } : {}),
        nameEn: nameEn.trim(),
        nameFr: nameFr.trim(),
        ...(descriptionEn.trim() ? { descriptionEn: descriptionEn.trim() } : {}),
        ...(descriptionFr.trim() ? { descriptionFr: descriptionFr.trim() } : {}),
      },
      {
        onSuccess: (item) => {
          setAdded(item.code);
          setCode('');
          setNameEn('');
          setNameFr('');
          setDescriptionEn('');
          setDescriptionFr('');
          setTrainingProgram('');
        },
        onError: form.fromError,
      },
    );
  };
  return (
    <section className="section" aria-labelledby="catalogue-add-heading" data-testid="catalogue-add">
      <h2 id="catalogue-add-heading">{t('plans.catalogue.addHeading')}</h2>
      <div role="status">
        {added ? <PageAlert kind="success" heading={t('plans.catalogue.added', { code: added })} /> : null}
      </div>
      <ErrorSummary form={form} labels={labels} idFor={(f) => `catalogue-${f}`} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="catalogue-code"
          label={labels.code}
          hint={t('plans.catalogue.codeHint')}
          value={code}
          onChange={(v) => setCode(v.toLowerCase())}
          error={form.field('code')}
          width={10}
          required
        />
        <SelectField
          id="catalogue-subGoalKind"
          label={labels.subGoalKind}
          options={SUB_GOAL_KINDS.map((k) => ({ value: k, label: t(`plans.subGoalKinds.${k}`) }))}
          placeholder={t('common.choose')}
          value={subGoalKind}
          onChange={(v) => setSubGoalKind(v as SubGoalKind | '')}
          error={form.field('subGoalKind')}
          required
        />
        <SelectField
          id="catalogue-minimumService"
          label={labels.minimumService}
          options={MINIMUM_SERVICES.map((m) => ({ value: m, label: t(`plans.minimumServices.${m}`) }))}
          placeholder={t('common.choose')}
          value={minimumService}
          onChange={(v) => setMinimumService(v as MinimumService | '')}
          error={form.field('minimumService')}
          required
        />
        <SelectField
          id="catalogue-trainingProgram"
          label={labels.trainingProgram}
          hint={t('plans.catalogue.trainingHint')}
          options={TRAINING_PROGRAMS.map((p) => ({ value: p, label: t(`plans.trainingPrograms.${p}`) }))}
          placeholder={t('plans.catalogue.noTraining')}
          value={trainingProgram}
          onChange={(v) => setTrainingProgram(v as TrainingProgram | '')}
          error={form.field('trainingProgram')}
          optional
        />
        <TextField
          id="catalogue-nameEn"
          label={labels.nameEn}
          value={nameEn}
          onChange={setNameEn}
          error={form.field('nameEn')}
          lang="en"
          required
        />
        <TextField
          id="catalogue-nameFr"
          label={labels.nameFr}
          value={nameFr}
          onChange={setNameFr}
          error={form.field('nameFr')}
          lang="fr"
          required
        />
        <TextAreaField
          id="catalogue-descriptionEn"
          label={labels.descriptionEn}
          value={descriptionEn}
          onChange={setDescriptionEn}
          error={form.field('descriptionEn')}
          rows={3}
          maxLength={2000}
          optional
        />
        <TextAreaField
          id="catalogue-descriptionFr"
          label={labels.descriptionFr}
          value={descriptionFr}
          onChange={setDescriptionFr}
          error={form.field('descriptionFr')}
          rows={3}
          maxLength={2000}
          optional
        />
        <SubmitButton pending={create.isPending} testId="catalogue-submit">
          {t('plans.catalogue.addSubmit')}
        </SubmitButton>
      </form>
    </section>
  );
}
