/**
 * The supports screens' strings, added to the app's translations when the first of those screens
 * loads: they ride in the screens' lazy chunk instead of the main one (see i18n/resources.ts).
 */
// The i18next singleton the app initialized (i18n/index.ts), reached through the library so this
// chunk does not pull the app's translations module (and its strings) along with it.
import i18n from 'i18next';
import en from '../../i18n/supports.en.json' with { type: 'json' };
import fr from '../../i18n/supports.fr.json' with { type: 'json' };

function addSupportsStrings() {
  i18n.addResourceBundle('en', 'translation', { supports: en }, true, true);
  i18n.addResourceBundle('fr', 'translation', { supports: fr }, true, true);
}

// In the app the main chunk has initialized i18next long before a lazy screen loads; a test may
// import a screen first.
if (i18n.isInitialized) addSupportsStrings();
else i18n.on('initialized', addSupportsStrings);
