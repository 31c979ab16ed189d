// IndexedDB for idb-based code under Node (see ../shared/docs/TOOLCHAIN.md, pitfall 3).
import 'fake-indexeddb/auto';
