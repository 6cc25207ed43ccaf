#!/usr/bin/env bash
# Cập nhật Decap CMS (trình soạn thảo ở /quan-tri/) đã đóng gói sẵn trong scripts/mohinh/vendor/decap-cms/.
#   bash scripts/vendor/update-cms.sh            phiên bản mới nhất trên npm
#   bash scripts/vendor/update-cms.sh 3.16.3     một phiên bản cụ thể
# Cần Node.js và npm (chỉ người bảo trì cần; `bash run.sh site` không cần). Lệnh tải gói `decap-cms` bằng
# `npm pack`, chép bản dựng sẵn (dist/decap-cms.js, các phần tải sau *.decap-cms.js, tệp .wasm, giấy phép của
# các thư viện đi kèm) và ghi phiên bản, mã kiểm tra của gói vào VERSION. Tệp LICENSE (MIT của Decap CMS) giữ
# nguyên. Sau đó: dựng trang, chạy `bash run.sh test` (kiểm thử trên trình duyệt dùng chính bản này), commit.
set -euo pipefail
cd "$(dirname "$0")/../.."
wanted=${1:-latest}
dest=scripts/mohinh/vendor/decap-cms
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack "decap-cms@$wanted" --json --silent > pack.json )
tarball=$(node -e 'console.log(require(process.argv[1])[0].filename)' "$work/pack.json")
version=$(node -e 'console.log(require(process.argv[1])[0].version)' "$work/pack.json")
integrity=$(node -e 'console.log(require(process.argv[1])[0].integrity)' "$work/pack.json")
tar xzf "$work/$tarball" -C "$work"
dist="$work/package/dist"
[ -f "$dist/decap-cms.js" ] || { echo "Gói decap-cms@$version không có dist/decap-cms.js" >&2; exit 1; }
find "$dest" -maxdepth 1 -type f ! -name LICENSE -delete 2>/dev/null || mkdir -p "$dest"
cp "$dist/decap-cms.js" "$dist"/*.decap-cms.js "$dist"/*.wasm "$dist/decap-cms.js.LICENSE.txt" "$dest/"
printf 'decap-cms %s\nnpm %s\n' "$version" "$integrity" > "$dest/VERSION"
echo "Decap CMS $version: $(ls "$dest" | wc -l) tệp, $(du -sh "$dest" | cut -f1) trong $dest"

# The `yaml` package (ISC) in the version Decap CMS bundles, for the editor's own format (yaml-format.js): its
# browser build (ES modules), from npm.
yaml_version=$(node -e 'const l=require(process.argv[1]);console.log(l.packages["node_modules/yaml"].version)' tests/cms/package-lock.json)
( cd "$work" && npm pack "yaml@$yaml_version" --json --silent > yaml.json )
yaml_tarball=$(node -e 'console.log(require(process.argv[1])[0].filename)' "$work/yaml.json")
mkdir -p "$work/yaml" && tar xzf "$work/$yaml_tarball" -C "$work/yaml"
rm -rf scripts/mohinh/vendor/yaml && mkdir -p scripts/mohinh/vendor/yaml
cp "$work"/yaml/package/browser/dist/*.js "$work/yaml/package/LICENSE" scripts/mohinh/vendor/yaml/
rm -f scripts/mohinh/vendor/yaml/{legacy-exports,types,util}.js
printf 'yaml %s\n' "$yaml_version" > scripts/mohinh/vendor/yaml/VERSION
echo "yaml $yaml_version trong scripts/mohinh/vendor/yaml"
