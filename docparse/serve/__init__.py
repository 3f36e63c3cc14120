"""``docparse serve``: docparse as an HTTP service, for RAG platforms, OA systems and review tools
that call document parsers over HTTP (README, "Service").

The stack (the ``docparse[serve]`` extra):

- **FastAPI** over Starlette: ``/openapi.json`` is generated from the Pydantic models the library
  already has (Document, Chunk) and the service's own (docparse/serve/models.py), and the query
  options are validated by those models. Its Swagger UI page is left off (it loads its assets from
  a CDN): ``/docs`` is a self-contained page (docs.py).
- **uvicorn**: the reference ASGI server; it stops on SIGTERM by finishing the requests in flight.
- **python-multipart**: the streaming parser Starlette itself uses, driven here directly so that
  an upload is counted against ``--max-bytes`` as it arrives and never spooled to disk (body.py).

Parsing is CPU-bound pure Python, so it runs in worker processes (pool.py: one request per worker,
each bounded by ``--timeout``, a stuck one killed and replaced); the server's event loop only reads
requests and waits, so ``/healthz`` answers while every worker is busy.

=============  ===================================================================
module         holds
=============  ===================================================================
``app``        the endpoints, the API key, request ids, the error handlers
``body``       reading a request's input: multipart ``file`` or JSON ``text``
``models``     the options of each endpoint, the JSON input, the error body
``problems``   the HTTP status of each DP code, the error response
``pool``       the worker processes and their time limit
``worker``     the work of one request: parse, then render
``docs``       the ``/docs`` page
=============  ===================================================================
"""
