#!/usr/bin/env bash
# Publishes the operator as a NativeAOT executable (what the image ships) into $1.
# Builds from a copy of the sources, as the Dockerfile does, so the JIT build's obj/ (restored against the
# regular KubernetesClient package) and this one (KubernetesClient.Aot) never share restore output.
# Needs clang and zlib headers (Debian: apt-get install clang zlib1g-dev).
set -euo pipefail
out=$(realpath -m "${1:?usage: publish-native.sh OUTPUT_DIR}")
root=$(cd "$(dirname "$0")/.." && pwd)
case "$(uname -m)" in aarch64|arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$root"/global.json "$root"/Directory.Build.props "$root"/Directory.Packages.props "$work"/
mkdir -p "$work/src"
tar -C "$root/src" --exclude=bin --exclude=obj -cf - K8sCertOperator | tar -C "$work/src" -xf -
# The executable embeds the CRDs (`check migration` reads their schemas).
mkdir -p "$work/config" && cp -r "$root/config/crd" "$work/config/"
dotnet publish "$work/src/K8sCertOperator/K8sCertOperator.csproj" -c Release -r "$rid" -p:PublishAot=true \
  -o "$out" -nologo -v q
