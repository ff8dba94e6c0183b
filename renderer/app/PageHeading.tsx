import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const MAIN_HEADING_ID = 'main-heading';

interface PageHeadingProps {
  /** Plain text for the window title; the heading itself may hold more. */
  title: string;
  children?: ReactNode;
}

/**
 * A page's h1. It sets the window title, and is where focus lands after moving to a new page (see Shell), so a
 * screen reader announces the new page rather than staying silent on the link that was pressed.
 */
export function PageHeading({ title, children }: PageHeadingProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.windowTitle', { page: title });
  }, [t, title]);
  return (
    <h1 id={MAIN_HEADING_ID} tabIndex={-1} className="page-heading">
      {children ?? title}
    </h1>
  );
}
