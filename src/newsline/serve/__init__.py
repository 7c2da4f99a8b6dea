"""newsline serve: the HTTP API and web workspace over a store."""
