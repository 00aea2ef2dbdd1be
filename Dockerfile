# syntax=docker/dockerfile:1
# Multi-stage: Node builds the citizen H5 page, the SDK builds and publishes (the page in wwwroot);
# the ASP.NET runtime image runs as a non-root user on 8080.
FROM node:20-bookworm-slim AS web
WORKDIR /src/web/h5
COPY web/h5/package.json web/h5/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/h5/ ./
COPY clients/typescript/src/ /src/clients/typescript/src/
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Complaints.slnx ./
COPY api/Complaints.Domain/Complaints.Domain.csproj api/Complaints.Domain/
COPY api/Complaints.Api/Complaints.Api.csproj api/Complaints.Api/
RUN dotnet restore api/Complaints.Api/Complaints.Api.csproj
COPY api/ api/
COPY --from=web /src/api/Complaints.Api/wwwroot api/Complaints.Api/wwwroot
RUN dotnet publish api/Complaints.Api/Complaints.Api.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# CJK font for the PDF forms (附件1–3); curl for the HEALTHCHECK.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-microhei curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /var/lib/complaints/evidence && chown -R app:app /var/lib/complaints
# The image runs with a read-only root filesystem (k8s/: readOnlyRootFilesystem; docker run --read-only):
# the process writes only to /tmp (large request bodies, the runtime's diagnostics socket) and, with filesystem
# evidence storage, to the evidence folder; both are volumes. Evidence:Storage=s3 needs no evidence volume.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    TMPDIR=/tmp \
    Evidence__StorageFolder=/var/lib/complaints/evidence
VOLUME ["/tmp", "/var/lib/complaints/evidence"]
# uid 1654 ("app" in the .NET images): k8s/ runs the pods as this user.
USER app
# 8080: the API; 9464: /metrics when Metrics__Port=9464 and ASPNETCORE_URLS lists it (never routed by the ingress).
EXPOSE 8080 9464
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/healthz/live || exit 1
ENTRYPOINT ["dotnet", "Complaints.Api.dll"]
