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

/**
 * What the app loads up front. The supports screens' strings travel with those screens (their lazy
 * chunk adds them, see pages/supports/i18n.ts), which keeps the main chunk under 500 kB.
 */
export const APP_EN = {
  ...en,
  plans: plansEn,
  casework: caseworkEn,
  monitoring: monitoringEn,
  pbf: pbfEn,
  employers: employersEn,
};
export const APP_FR = {
  ...fr,
  plans: plansFr,
  casework: caseworkFr,
  monitoring: monitoringFr,
  pbf: pbfFr,
  employers: employersFr,
};
const withLazy = <T extends object, L extends object>(app: T, supports: L) => ({ ...app, supports });
/** Every string, lazily loaded ones included: what the tests check (pure, so the app's build drops it). */
export const EN = /* @__PURE__ */ withLazy(APP_EN, supportsEn);
export const FR = /* @__PURE__ */ withLazy(APP_FR, supportsFr);
