"""docgen serve: the quality manager's dashboard in the browser.

The pages are drawn from an in-memory state (state.py) that the pipeline loads and a
watcher (watch.py) reloads when a content file or a template changes; the routes
(app.py) read it under its lock, and the actions (actions.py) go through the same
library calls as the commands, with the same refusals. server.py runs it under uvicorn.
"""
