import { useTranslation } from 'react-i18next';

/** The plan the workspace shows, as much of it as the panels need (shared notes hang on its items, I2). */
export interface PanelPlan {
  id: string;
  status: string;
  items: { id: string; name: string }[];
}

export interface PanelProps {
  clientId: string;
  plan: PanelPlan | null;
}

function Skeleton({ title }: { title: string }) {
  return (
    <section>
      <h2>{title}</h2>
    </section>
  );
}

export function NotesPanel(_props: PanelProps) {
  const { t } = useTranslation();
  return <Skeleton title={t('casework.notes.title')} />;
}

export function TasksPanel(_props: PanelProps) {
  const { t } = useTranslation();
  return <Skeleton title={t('casework.tasks.title')} />;
}

export function ConferencesPanel(_props: PanelProps) {
  const { t } = useTranslation();
  return <Skeleton title={t('casework.conferences.title')} />;
}

export function IcmEventsPanel(_props: PanelProps) {
  const { t } = useTranslation();
  return <Skeleton title={t('casework.icm.title')} />;
}
