import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../session.js';
import { useReviewQueue } from './data.js';

/**
 * For the SSM's reviewers, on arrival: how many checkpoint submissions and attestations wait for
 * them. One request, reused from the cache by the review queue; nothing shows when all is clear.
 */
export function PbfHomeAttention() {
  const can = useCan();
  return can('pbf.review') ? <PbfAttentionList /> : null;
}

function PbfAttentionList() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const items = [
    { key: 'checkpoints', n: queue.data?.checkpoints.length ?? 0 },
    { key: 'attestations', n: queue.data?.attestations.length ?? 0 },
  ].filter((i) => i.n > 0);
  if (items.length === 0) return null;
  return (
    <section className="section panel" aria-labelledby="pbf-attention-heading" data-testid="pbf-attention">
      <h2 id="pbf-attention-heading">{t('pbf.home.title')}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.key}>
            <Link to="/pbf/review" data-testid={`pbf-attention-${i.key}`}>
              {t(`pbf.home.${i.key}`, { count: i.n })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
