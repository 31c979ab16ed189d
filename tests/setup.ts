// IndexedDB for idb-based code under Node (see ../shared/docs/TOOLCHAIN.md, pitfall 3).
import 'fake-indexeddb/auto';

// Dates are shown in the reader's time zone: tests read them in UTC, whatever the machine's.
process.env.TZ = 'UTC';
