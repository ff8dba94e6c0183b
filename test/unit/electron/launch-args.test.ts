import { describe, expect, it } from 'vitest';
import { projectFromArgv, readFlag, requestedProject } from '../../../electron/launch-args.js';

describe('launch arguments', () => {
  it('reads --name VALUE and --name=VALUE, last one winning', () => {
    expect(readFlag(['--data-dir', '/d'], 'data-dir')).toBe('/d');
    expect(readFlag(['--data-dir=/d'], 'data-dir')).toBe('/d');
    expect(readFlag(['--project', 'a', '--project=b'], 'project')).toBe('b');
    expect(readFlag(['--project'], 'project')).toBeUndefined();
    expect(readFlag(['--project', '--data-dir', '/d'], 'project')).toBeUndefined();
    expect(readFlag(['--project='], 'project')).toBeUndefined();
    expect(readFlag(['--projects', 'x'], 'project')).toBeUndefined();
  });

  it('opens the sample project by default, a named project, or a bare .heard file', () => {
    expect(projectFromArgv(['/usr/bin/electron', '.'])).toBe('sample');
    expect(projectFromArgv(['/usr/bin/electron', '.', '--project', 'sample'])).toBe('sample');
    expect(projectFromArgv(['/opt/Heard/heard', '--project', '/home/o/2025.heard'])).toBe('/home/o/2025.heard');
    expect(projectFromArgv(['C:\\Heard\\Heard.exe', 'C:\\Surveys\\Residents 2025.HEARD'])).toBe('C:\\Surveys\\Residents 2025.HEARD');
    // Chromium switches and the executable itself are not projects.
    expect(projectFromArgv(['/x/heard.heard', '--enable-logging'])).toBe('sample');
  });

  it('asks for nothing when a second launch names no project', () => {
    expect(requestedProject(['/opt/Heard/heard'])).toBeUndefined();
    expect(requestedProject(['/opt/Heard/heard', 'b.heard'])).toBe('b.heard');
  });
});
