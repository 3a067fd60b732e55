/**
 * Ontario Design System web components, wrapped for React.
 *
 * The package's own React wrapper registers the components through Stencil's lazy loader, which
 * imports its chunks by a path Vite cannot see, so a production build 404s on them. The
 * custom-elements build below is plain ESM that Vite bundles, and the wrapper's own
 * createReactComponent still maps props and events. Only display components are used: form fields
 * are native elements styled with the same ODS classes (see fields.tsx).
 */
import type { JSX as OdsJSX } from '@ongov/ontario-design-system-component-library/dist/types/components.js';
import { defineCustomElement as defineButton } from '@ongov/ontario-design-system-component-library/dist/components/ontario-button.js';
import { defineCustomElement as defineCallout } from '@ongov/ontario-design-system-component-library/dist/components/ontario-callout.js';
import { createReactComponent } from '@ongov/ontario-design-system-component-library-react/dist/react-component-lib/index.js';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const Callout = createReactComponent<OdsJSX.OntarioCallout, HTMLOntarioCalloutElement>(
  'ontario-callout',
  undefined,
  undefined,
  defineCallout,
);
const Button = createReactComponent<OdsJSX.OntarioButton, HTMLOntarioButtonElement>(
  'ontario-button',
  undefined,
  undefined,
  defineButton,
);

type HeadingLevel = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

export function OntarioCallout(props: {
  heading: string;
  headingLevel: HeadingLevel;
  colour?: 'teal' | 'gold' | 'yellow' | 'taupe' | 'green' | 'lime' | 'sky' | 'blue' | 'purple';
  children?: ReactNode;
}) {
  return (
    <Callout
      headingType={props.headingLevel}
      headingContent={props.heading}
      highlightColour={props.colour ?? 'teal'}
    >
      {props.children}
    </Callout>
  );
}

/**
 * An ODS button for actions outside forms (a form's submit stays a native button so Enter submits it).
 * The component reads its accessible name once when it loads, so it is remounted when the language
 * changes to keep that name in the current language.
 */
export function OntarioButton(props: {
  label: string;
  variant?: 'primary' | 'secondary' | 'tertiary';
  onClick: (event: MouseEvent<HTMLElement>) => void;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  return (
    <Button
      key={`${i18n.language}:${props.label}`}
      type={props.variant ?? 'secondary'}
      label={props.label}
      onClick={props.onClick}
      {...(props.testId ? { 'data-testid': props.testId } : {})}
    />
  );
}
