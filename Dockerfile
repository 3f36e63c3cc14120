# docparse serve in a container (README, "Service"):
#   docker build -t docparse .
#   docker run --rm -p 8000:8000 -e DOCPARSE_API_KEY=… docparse --workers 4
# More input formats (their extras): docker build --build-arg EXTRAS=serve,pdf,doc -t docparse .
# LibreOffice for .doc files:  docker build --build-arg LIBREOFFICE=1 -t docparse .
FROM python:3.12-slim

ARG EXTRAS=serve
ARG LIBREOFFICE=0
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1

RUN if [ "$LIBREOFFICE" = "1" ]; then \
        apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui \
        && rm -rf /var/lib/apt/lists/*; \
    fi

WORKDIR /src
COPY pyproject.toml README.md ./
COPY docparse ./docparse
COPY grammars ./grammars
RUN pip install ".[$EXTRAS]" && rm -rf /src \
    && useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin docparse

# uploads stay in memory; the service writes no file (a .doc reader's LibreOffice uses a private
# temporary folder), so the container can run read-only: docker run --read-only --tmpfs /tmp …
USER docparse
WORKDIR /tmp
EXPOSE 8000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
# 0.0.0.0: reachable through the published port (set DOCPARSE_API_KEY, or publish on 127.0.0.1 only)
ENTRYPOINT ["docparse", "serve", "--host", "0.0.0.0", "--port", "8000"]
CMD []
