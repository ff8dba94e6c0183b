import { PageHeading } from './PageHeading';

/** A page whose work is still to come: its name and one plain sentence on what it will show. */
export function PlaceholderPage({ title, description }: { title: string; description: string }) {
  return (
    <>
      <PageHeading title={title} />
      <p className="lead">{description}</p>
    </>
  );
}
