/**
 * Views shared by the monitoring and PBF modules, so a document reads the same to the provider and
 * to the SSM's reviewers.
 */
import type { EvidenceRow } from '../../db/repositories/monitoring.js';
import { evidenceDocumentSufficient } from '../../domain/monitoring/pbf.js';
import type { PersonalDataKey } from '../clients/personal-data.js';
import { EVIDENCE_FILE_NAME_FIELD } from './facts.js';
import type { EvidenceView } from './schemas.js';

/**
 * One evidence document (M9) with its sufficiency. The file name is opened only when the viewer may
 * read it (`withFileName`: not SA, I2); `names` resolves the uploader's display name.
 */
export function evidenceViewOf(
  e: EvidenceRow,
  key: PersonalDataKey,
  names: ReadonlyMap<string, string>,
  options: { withFileName: boolean },
): EvidenceView {
  const details = {
    showsClientName: e.showsClientName,
    showsBusinessName: e.showsBusinessName,
    coversDate: e.coversDate,
    showsTwentyPlusHours: e.showsTwentyPlusHours,
  };
  return {
    id: e.id,
    kind: e.kind,
    fileName: options.withFileName ? key.openText(EVIDENCE_FILE_NAME_FIELD, e.fileNameSealed) : null,
    contentType: e.contentType,
    byteSize: e.byteSize,
    ...details,
    sufficient: evidenceDocumentSufficient({ kind: e.kind, ...details }),
    uploadedAt: e.uploadedAt.toISOString(),
    uploadedBy: names.get(e.uploadedByUserId) ?? null,
  };
}
