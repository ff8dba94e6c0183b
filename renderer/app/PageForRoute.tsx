import { DataPage } from '../features/data/DataPage';
import { WavePage } from '../features/data/WavePage';
import { EqualityPage } from '../features/equality/EqualityPage';
import { GapsPage } from '../features/gaps/GapsPage';
import { ImportPage } from '../features/import/ImportPage';
import { ProblemsPage } from '../features/import/ProblemsPage';
import { LocalityPage } from '../features/locality/LocalityPage';
import { ProjectPicker } from '../features/projects/ProjectPicker';
import { ReportPage } from '../features/report/ReportPage';
import { TablesPage } from '../features/tables/TablesPage';
import { ThemesPage } from '../features/themes/ThemesPage';
import { TrendsPage } from '../features/trends/TrendsPage';
import { WeightingPage } from '../features/weighting/WeightingPage';
import { NotFoundPage } from './NotFoundPage';
import type { Route } from './routes';

export function PageForRoute({ route }: { route: Route }) {
  switch (route.page) {
    case 'projects':
      return <ProjectPicker />;
    case 'data':
      return <DataPage />;
    case 'wave':
      return <WavePage key={route.waveId} waveId={route.waveId} />;
    case 'import':
      return <ImportPage />;
    case 'problems':
      return <ProblemsPage key={route.waveId} waveId={route.waveId} />;
    case 'locality':
      return <LocalityPage key={route.waveId} waveId={route.waveId} />;
    case 'tables':
      return <TablesPage />;
    case 'weighting':
      return <WeightingPage />;
    case 'themes':
      return <ThemesPage />;
    case 'equality':
      return <EqualityPage />;
    case 'gaps':
      return <GapsPage />;
    case 'trends':
      return <TrendsPage />;
    case 'report':
      return <ReportPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
