#!/usr/bin/env bash
# Counts the named public items of a crate of the workspace as its users see
# them: one rustdoc page per item (struct, enum, trait, fn, macro, type,
# constant, static), all features on. Hidden items (`#[doc(hidden)]`) have no
# page; the redirect pages of private paths and the pages of re-exported
# dependencies (http, serde, utoipa, ...) are left out.
#
#   scripts/public-items.sh apierror-core        # the count
#   scripts/public-items.sh apierror-core --list # and the items
#
# The hidden ones: scripts/hidden_items.py.
set -euo pipefail
cd "$(dirname "$0")/.."
package=${1:?usage: scripts/public-items.sh <package> [--list]}
crate=${package//-/_}
dir="${CARGO_TARGET_DIR:-target}/doc/$crate"
# Pages of removed items stay behind: document from scratch.
rm -rf "$dir"
cargo doc --quiet -p "$package" --all-features --no-deps
items=$(cd "$dir" && find . -name '*.html' \
  | grep -E '/(struct|enum|trait|fn|macro|type|constant|static|union|derive|attr)\.[^/]+\.html$' \
  | grep -vE '/(utoipa|http|serde|serde_json|aide|tonic|tonic_types|axum_core|actix_web)/' \
  | { xargs grep -L 'Redirecting to' || true; } | sed 's#^\./##' | sort)
[[ ${2:-} == --list ]] && printf '%s\n' "$items"
echo "$package: $(printf '%s\n' "$items" | grep -c .) named public items"
