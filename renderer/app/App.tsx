import { ConnectionGate } from './ConnectionGate';
import { ProjectProvider } from './ProjectContext';
import { Shell } from './Shell';

export function App() {
  return (
    <ConnectionGate>
      <ProjectProvider>
        <Shell />
      </ProjectProvider>
    </ConnectionGate>
  );
}
