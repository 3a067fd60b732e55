import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { FieldError, SelectField, SubmitButton } from '../../components/fields.js';
import { useFormatters } from '../../format.js';
import { collect, useFormErrors } from '../../forms.js';
import { useMonitoringStep } from './data.js';
import { formatBytes, readFileAsBase64 } from './shared.js';
import {
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_MAX_BYTES,
  type CheckpointKind,
  type EvidenceContentType,
  type EvidenceInput,
  type EvidenceKind,
  type EvidenceView,
} from './types.js';

const M9_CHECKS = ['showsClientName', 'showsBusinessName', 'coversDate', 'showsTwentyPlusHours'] as const;
type M9Check = (typeof M9_CHECKS)[number];

const isContentType = (type: string): type is EvidenceContentType =>
  (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(type);

/** "application/pdf" → "PDF", "image/jpeg" → "JPEG": the accepted types as people name them. */
export const contentTypeName = (type: string) => (type.split('/')[1] ?? type).toUpperCase();

/**
 * M9: upload a document proving employment (start-date proof against a job, checkpoint proof against
 * a checkpoint) and check off what it shows. The file is read in the browser and sent as base64; the
 * API checks its type against the file's own bytes and seals it with the client's key.
 */
export function EvidenceUploadForm({
  planId,
  idPrefix,
  kinds,
  target,
  part,
  initiallyOpen = true,
  onSaved,
}: {
  planId: string;
  idPrefix: string;
  kinds: readonly EvidenceKind[];
  target: { jobId: string } | { checkpointKind: CheckpointKind };
  /** Which date the document must cover: the job's start (or the rise to 20 h) or the checkpoint's. */
  part: 'start_date' | 'checkpoint';
  /** Open at once (nothing is on file yet); otherwise behind a button. */
  initiallyOpen?: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const [open, setOpen] = useState(initiallyOpen);
  const [kind, setKind] = useState<EvidenceKind | ''>(kinds.length === 1 ? (kinds[0] ?? '') : '');
  const [file, setFile] = useState<File | null>(null);
  const [checks, setChecks] = useState<Record<M9Check, boolean>>({
    showsClientName: false,
    showsBusinessName: false,
    coversDate: false,
    showsTwentyPlusHours: false,
  });
  const [reading, setReading] = useState(false);
  const save = useMonitoringStep<EvidenceInput>(planId, '/evidence', {
    onError: form.fromError,
    onSuccess: () => {
      setFile(null);
      setOpen(false);
      onSaved();
    },
  });
  const id = (f: string) => `${idPrefix}-${f}`;
  const checkLabel = (c: M9Check) =>
    c === 'coversDate'
      ? t(`monitoring.evidence.checks.coversDate_${part}`)
      : t(`monitoring.evidence.checks.${c}`);
  const labels: Record<string, string> = {
    kind: t('monitoring.evidence.kind'),
    file: t('monitoring.evidence.file'),
    fileName: t('monitoring.evidence.file'),
    contentType: t('monitoring.evidence.file'),
    dataBase64: t('monitoring.evidence.file'),
  };
  for (const c of M9_CHECKS) labels[c] = checkLabel(c);
  const limits = t('monitoring.evidence.limits', {
    types: EVIDENCE_CONTENT_TYPES.map(contentTypeName).join(', '),
    size: formatBytes(EVIDENCE_MAX_BYTES, fmt.locale),
  });
  const fileError =
    form.field('file') ?? form.field('dataBase64') ?? form.field('contentType') ?? form.field('fileName');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending || reading) return;
    const ok = form.check(
      collect([
        ['kind', !kind && t('monitoring.evidence.errors.kind')],
        [
          'file',
          !file
            ? t('monitoring.evidence.errors.file')
            : !isContentType(file.type)
              ? t('monitoring.evidence.errors.type', {
                  types: EVIDENCE_CONTENT_TYPES.map(contentTypeName).join(', '),
                })
              : file.size > EVIDENCE_MAX_BYTES
                ? t('monitoring.evidence.errors.size', { size: formatBytes(EVIDENCE_MAX_BYTES, fmt.locale) })
                : file.size === 0 && t('monitoring.evidence.errors.empty'),
        ],
      ]),
    );
    if (!ok || !kind || !file || !isContentType(file.type)) return;
    form.clear();
    setReading(true);
    try {
      const dataBase64 = await readFileAsBase64(file);
      save.mutate({ kind, ...target, fileName: file.name, contentType: file.type, dataBase64, ...checks });
    } catch {
      form.check({ file: t('monitoring.evidence.errors.read') });
    } finally {
      setReading(false);
    }
  };

  if (!open)
    return (
      <p className="actions">
        <button
          type="button"
          className="ontario-button ontario-button--secondary"
          onClick={() => setOpen(true)}
          data-testid={`${idPrefix}-open`}
        >
          {t(`monitoring.evidence.uploadHeading_${part}`)}
        </button>
      </p>
    );
  return (
    <div className="panel" data-testid={`${idPrefix}-upload`}>
      <h4>{t(`monitoring.evidence.uploadHeading_${part}`)}</h4>
      <ErrorSummary
        form={form}
        labels={labels}
        idFor={(f) => (f === 'kind' || M9_CHECKS.includes(f as M9Check) ? id(f) : id('file'))}
      />
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid={`${idPrefix}-form`}>
        <SelectField
          id={id('kind')}
          label={labels.kind ?? ''}
          placeholder={kinds.length > 1 ? t('common.choose') : undefined}
          options={kinds.map((k) => ({ value: k, label: t(`pbf.evidenceKinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as EvidenceKind | '')}
          error={form.field('kind')}
          required
        />
        <div className="ontario-form-group">
          <label className="ontario-label" htmlFor={id('file')}>
            {labels.file}
          </label>
          <p className="ontario-hint" id={`${id('file')}-hint`}>
            {limits}
          </p>
          {fileError ? <FieldError id={`${id('file')}-error`} message={fileError} /> : null}
          <input
            id={id('file')}
            name={id('file')}
            type="file"
            accept={EVIDENCE_CONTENT_TYPES.join(',')}
            className="file-input"
            aria-describedby={fileError ? `${id('file')}-hint ${id('file')}-error` : `${id('file')}-hint`}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid={`${idPrefix}-file`}
          />
        </div>
        <fieldset className="ontario-fieldset">
          <legend className="ontario-fieldset__legend">{t('monitoring.evidence.checksLegend')}</legend>
          <p className="ontario-hint">{t(`monitoring.evidence.checksHint_${part}`)}</p>
          <div className="ontario-checkboxes">
            {M9_CHECKS.map((c) => (
              <div className="ontario-checkboxes__item" key={c}>
                <input
                  className="ontario-checkboxes__input"
                  type="checkbox"
                  id={id(c)}
                  name={id(c)}
                  checked={checks[c]}
                  onChange={(e) => setChecks((cs) => ({ ...cs, [c]: e.target.checked }))}
                />
                <label className="ontario-checkboxes__label" htmlFor={id(c)}>
                  {checkLabel(c)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="actions">
          <SubmitButton pending={save.isPending || reading} testId={`${idPrefix}-submit`}>
            {save.isPending || reading ? t('monitoring.evidence.uploading') : t('monitoring.evidence.upload')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

/** The documents on file, each with what it shows (M9), whether it is sufficient, and a link to open it. */
export function EvidenceList({
  planId,
  evidence,
  filesShared,
  canWithdraw,
  onWithdrawn,
}: {
  planId: string;
  evidence: EvidenceView[];
  /** I2: the files are for the delivering provider and the SSM; SA sees only that they are on file. */
  filesShared: boolean;
  canWithdraw: boolean;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  if (evidence.length === 0)
    return (
      <p className="tag--muted" data-testid="evidence-none">
        {t('monitoring.evidence.none')}
      </p>
    );
  return (
    <ul className="plan-items" data-testid="evidence-list">
      {evidence.map((e) => (
        <EvidenceItem
          key={e.id}
          planId={planId}
          evidence={e}
          filesShared={filesShared}
          canWithdraw={canWithdraw}
          onWithdrawn={onWithdrawn}
        />
      ))}
    </ul>
  );
}

function EvidenceItem({
  planId,
  evidence: e,
  filesShared,
  canWithdraw,
  onWithdrawn,
}: {
  planId: string;
  evidence: EvidenceView;
  filesShared: boolean;
  canWithdraw: boolean;
  onWithdrawn: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const form = useFormErrors();
  const withdraw = useMonitoringStep<Record<string, never>>(
    planId,
    `/evidence/${encodeURIComponent(e.id)}/withdraw`,
    { root: true, onError: form.fromError, onSuccess: onWithdrawn },
  );
  return (
    <li className="plan-item" data-testid="evidence" data-kind={e.kind} data-sufficient={e.sufficient}>
      <p className="plan-item__name">
        <strong>{t(`pbf.evidenceKinds.${e.kind}`)}</strong>{' '}
        {e.sufficient ? (
          <span className="tag tag--ok" data-testid="evidence-sufficient">
            {t('monitoring.evidence.sufficient')}
          </span>
        ) : (
          <span className="tag tag--warning" data-testid="evidence-insufficient">
            {t('monitoring.evidence.insufficient')}
          </span>
        )}
      </p>
      <p>
        {filesShared ? (
          <a
            href={apiUrl(`/evidence/${encodeURIComponent(e.id)}/file`)}
            target="_blank"
            rel="noopener noreferrer"
          >
            {e.fileName
              ? t('monitoring.evidence.open', { name: e.fileName })
              : t('monitoring.evidence.openUnnamed')}
          </a>
        ) : (
          <span data-testid="evidence-not-shared">{t('monitoring.evidence.onFile')}</span>
        )}{' '}
        <span className="tag--muted">
          ({contentTypeName(e.contentType)}, {formatBytes(e.byteSize, fmt.locale)})
        </span>
      </p>
      {filesShared ? null : <p className="ontario-hint">{t('monitoring.evidence.notSharedHint')}</p>}
      <ul className="evidence-checks">
        {M9_CHECKS.map((c) => (
          <li key={c} data-check={c} data-value={e[c]}>
            {e[c] ? t('monitoring.evidence.yes') : t('monitoring.evidence.no')}{' '}
            {t(`monitoring.evidence.shown.${c}`)}
          </li>
        ))}
      </ul>
      <p className="tag--muted">
        {e.uploadedBy
          ? t('monitoring.evidence.uploadedBy', { name: e.uploadedBy, when: fmt.dateTime(e.uploadedAt) })
          : t('monitoring.evidence.uploadedAt', { when: fmt.dateTime(e.uploadedAt) })}
      </p>
      {canWithdraw ? (
        <>
          <ErrorSummary form={form} />
          <p className="actions">
            <button
              type="button"
              className="ontario-button ontario-button--tertiary"
              aria-disabled={withdraw.isPending ? true : undefined}
              data-testid="evidence-withdraw"
              onClick={() => {
                if (withdraw.isPending) return;
                form.clear();
                withdraw.mutate({});
              }}
            >
              {t('monitoring.evidence.withdraw', {
                name: e.fileName ?? t(`pbf.evidenceKinds.${e.kind}`),
              })}
            </button>
          </p>
        </>
      ) : null}
    </li>
  );
}
