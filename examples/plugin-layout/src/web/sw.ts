// Service worker: caches the app shell and hosts background-sync queues.
