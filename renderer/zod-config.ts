import { z } from 'zod';

// Imported first by main.tsx, before any schema is built or used. zod probes for eval with `new Function` before its
// first parse; the CSP refuses it (as it should), but the browser still reports a violation. Without the probe zod
// validates the same way, only without compiling its checks first.
z.config({ jitless: true });
