// Larder server entry point: builds the Fastify app and registers feature route plugins.
