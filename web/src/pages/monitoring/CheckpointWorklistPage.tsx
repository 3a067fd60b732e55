import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';

export function CheckpointWorklistPage() {
  const { t } = useTranslation();
  return <Page title={t('monitoring.worklist.title')} />;
}
