# Multi-stage build: the SDK image publishes, a small runtime image runs as non-root.
# CI runs the same `dotnet publish` (test.sh) so this step cannot rot without a Docker engine.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH=amd64
WORKDIR /src
# NativeAOT (see the csproj): one native executable, no JIT, no framework assemblies to map.
# The AOT compiler links with clang against zlib.
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null \
    && rm -rf /var/lib/apt/lists/*
RUN case "$TARGETARCH" in arm64) echo linux-arm64 ;; *) echo linux-x64 ;; esac > /rid
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/K8sCertOperator/K8sCertOperator.csproj src/K8sCertOperator/
RUN dotnet restore src/K8sCertOperator/K8sCertOperator.csproj -r "$(cat /rid)" -p:PublishAot=true
COPY src/ src/
# The CRDs are embedded in the executable (`check migration` compares cert-manager objects with their schemas).
COPY config/crd/ config/crd/
# The same publish as build/publish-native.sh, which CI runs (test.sh) and whose output the process tests start.
RUN dotnet publish src/K8sCertOperator/K8sCertOperator.csproj -c Release -o /out --no-restore \
    -r "$(cat /rid)" -p:PublishAot=true

# A native executable needs no .NET runtime, only its native dependencies: runtime-deps, chiseled, non-root.
# The -extra variant carries ICU, which IDN names (IdnMapping) need outside invariant-globalization mode.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /out/k8s-cert-operator ./
# Chiseled images already default to the non-root "app" user (UID 1654); say it explicitly
# so Pod Security "restricted" (runAsNonRoot) can verify it from the image metadata.
USER 1654:1654
# Workstation GC (the native default, said explicitly): one heap, the smallest footprint (bench `memory`).
# Two glibc malloc arenas instead of up to 8 per core: OpenSSL's allocations from many threads otherwise keep
# several partly used arenas resident (about 7 MB more RSS in bench `memory`).
ENV DOTNET_gcServer=0 \
    MALLOC_ARENA_MAX=2
EXPOSE 8089 9402 9403
ENTRYPOINT ["/app/k8s-cert-operator"]
