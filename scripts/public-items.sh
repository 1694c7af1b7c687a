#!/usr/bin/env bash
# Counts the named public items of a crate of the workspace as its users see
# them: one rustdoc page per item (struct, enum, trait, fn, macro, type,
# constant, static), all features on. Hidden items (`#[doc(hidden)]`) have no
# page; the redirect pages of private paths and the pages of re-exported
# dependencies (http, serde, utoipa, ...) are left out.
#
#   scripts/public-items.sh apierror-core          # the count
#   scripts/public-items.sh apierror-core --list   # and the items
#   scripts/public-items.sh apierror-core --hidden # the hidden items: pages
#       rustdoc writes with --document-hidden-items and not without
#       (items only: a hidden method or field has no page of its own)
set -euo pipefail
cd "$(dirname "$0")/.."
package=${1:?usage: scripts/public-items.sh <package> [--list|--hidden]}
crate=${package//-/_}
target=${CARGO_TARGET_DIR:-target}

pages() { # $1: doc directory
  (cd "$1" && find . -name '*.html' \
    | grep -E '/(struct|enum|trait|fn|macro|type|constant|static|union|derive|attr)\.[^/]+\.html$' \
    | grep -vE '/(utoipa|http|serde|serde_json|aide|tonic|tonic_types|axum_core|actix_web)/' \
    | { xargs grep -L 'Redirecting to' || true; } | sed 's#^\./##' | sort)
}

# Pages of removed items stay behind: document from scratch.
rm -rf "$target/doc/$crate"
cargo doc --quiet -p "$package" --all-features --no-deps
items=$(pages "$target/doc/$crate")
if [[ ${2:-} == --hidden ]]; then
  hidden_dir="$target/doc-hidden"
  rm -rf "$hidden_dir/doc/$crate"
  # --document-hidden-items is unstable; RUSTC_BOOTSTRAP lets a stable
  # toolchain take it (for this count only).
  RUSTC_BOOTSTRAP=1 RUSTDOCFLAGS="-Z unstable-options --document-hidden-items" \
    CARGO_TARGET_DIR="$hidden_dir" cargo doc --quiet -p "$package" --all-features --no-deps
  all=$(pages "$hidden_dir/doc/$crate")
  hidden=$(comm -13 <(printf '%s\n' "$items") <(printf '%s\n' "$all") | grep . || true)
  printf '%s\n' "$hidden"
  echo "$package: $(printf '%s\n' "$hidden" | grep -c .) hidden items (pages only with --document-hidden-items)"
  exit 0
fi
[[ ${2:-} == --list ]] && printf '%s\n' "$items"
echo "$package: $(printf '%s\n' "$items" | grep -c .) named public items"
