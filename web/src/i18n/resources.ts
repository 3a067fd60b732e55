/**
 * The translations, one tree per language. Features with many strings keep them in their own files
 * (`<feature>.<lang>.json`, under the `<feature>` key) so they can change without touching the rest.
 */
import caseworkEn from './casework.en.json' with { type: 'json' };
import caseworkFr from './casework.fr.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import monitoringEn from './monitoring.en.json' with { type: 'json' };
import monitoringFr from './monitoring.fr.json' with { type: 'json' };
import pbfEn from './pbf.en.json' with { type: 'json' };
import pbfFr from './pbf.fr.json' with { type: 'json' };
import plansEn from './plans.en.json' with { type: 'json' };
import plansFr from './plans.fr.json' with { type: 'json' };
import supportsEn from './supports.en.json' with { type: 'json' };
import supportsFr from './supports.fr.json' with { type: 'json' };
import employersEn from './employers.en.json' with { type: 'json' };
import employersFr from './employers.fr.json' with { type: 'json' };

export const EN = {
  ...en,
  plans: plansEn,
  casework: caseworkEn,
  monitoring: monitoringEn,
  pbf: pbfEn,
  supports: supportsEn,
  employers: employersEn,
};
export const FR = {
  ...fr,
  plans: plansFr,
  casework: caseworkFr,
  monitoring: monitoringFr,
  pbf: pbfFr,
  supports: supportsFr,
  employers: employersFr,
};
