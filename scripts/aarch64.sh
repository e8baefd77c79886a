#!/usr/bin/env bash
# Cross-build and test the workspace for aarch64-unknown-linux-gnu under qemu-user,
# using Debian's rustc (/usr/bin/rustc, package rustc-web) with rustup's cargo.
#
# Usage: scripts/aarch64.sh [extra `cargo test` arguments...]
#   e.g. scripts/aarch64.sh -p pyjit-vm
#        scripts/aarch64.sh --release -- --nocapture
#
# On a fresh Debian 12 (bookworm) machine this first installs (as root, once):
#   rustc-web libstd-rust-web-dev:arm64 gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
# Linker and qemu runner for the target are set in .cargo/config.toml.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

TARGET=aarch64-unknown-linux-gnu
DEBIAN_RUSTC=/usr/bin/rustc
PACKAGES=(rustc-web libstd-rust-web-dev:arm64 gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)

missing_packages() {
    local p
    for p in "${PACKAGES[@]}"; do
        if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
            echo "$p"
        fi
    done
}

missing="$(missing_packages)"
if [ -n "$missing" ]; then
    echo "aarch64.sh: installing missing packages:" $missing >&2
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    if ! dpkg --print-foreign-architectures | grep -qx arm64; then
        "${sudo[@]}" dpkg --add-architecture arm64
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    # shellcheck disable=SC2086
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends $missing
fi

if [ ! -d "$("$DEBIAN_RUSTC" --print target-libdir --target "$TARGET")" ]; then
    echo "aarch64.sh: $DEBIAN_RUSTC has no std for $TARGET (need libstd-rust-web-dev:arm64)" >&2
    exit 1
fi

# cargo: whatever is on PATH (rustup's); rustc: Debian's. Keep the artifacts apart
# from rustup-built ones in target/. RUSTC_WRAPPER/RUSTUP_TOOLCHAIN must not redirect
# the compiler back to rustup's rustc.
unset RUSTC_WRAPPER RUSTC_WORKSPACE_WRAPPER RUSTUP_TOOLCHAIN
export RUSTC="$DEBIAN_RUSTC"
export RUSTDOC=/usr/bin/rustdoc
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo_root/target/aarch64-debian}"

echo "aarch64.sh: $(cargo --version); rustc: $("$RUSTC" --version)" >&2
# The corpus test starts pyjit as a child process: run the aarch64 binary through qemu.
export PYJIT_TEST_RUNNER="${PYJIT_TEST_RUNNER:-qemu-aarch64 -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib}"
exec cargo test --target "$TARGET" "$@"
