#!/usr/bin/env bash
# Builds the base image of Caveat's container images as a `docker save` tarball, offline from a
# container registry: a jlink'ed Java 17 runtime (from this machine's JDK) and the Debian
# packages it links against (glibc, zlib, libstdc++/libgcc), on an otherwise empty file system.
# Jib's image profile (`-Pimage`) builds on it through `tar://`; with a registry at hand,
# `-Djib.from.image=eclipse-temurin:17-jre` gives the same layout (JAVA_HOME, PATH).
#
# Usage: deploy/image/base-image.sh [OUT.tar]   (default deploy/image/target/caveat-base.tar)
# Needs: a JDK 17 with jmods (JAVA_HOME or /usr/lib/jvm/java-17-openjdk-amd64), apt-get
# (Debian bookworm, to download the .deb files), dpkg-deb, GNU tar, sha256sum, python3.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here/target/caveat-base.tar}
jdk=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
# jdeps --print-module-deps of caveat.jar and caveat-flink.jar, plus the modules found only at
# run time: providers (jdk.crypto.ec holds Ed25519, which signs the log's heads), zipfs, charsets,
# DNS for JNDI, JFR for profiles.
modules=java.base,java.desktop,java.instrument,java.management,java.management.rmi,java.naming,\
java.net.http,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.attach,\
jdk.crypto.ec,jdk.charsets,jdk.jdi,jdk.jfr,jdk.management,jdk.naming.dns,jdk.net,jdk.sctp,\
jdk.unsupported,jdk.zipfs
# What the runtime's shared libraries need (checked below with every ELF file's NEEDED entries),
# and BusyBox, one static binary (/bin/busybox, no applet links), for what orchestrators run inside
# the image: Compose's health check (`busybox wget`), Kubernetes' init step that copies the
# signing key out of its Secret volume with the mode the server demands (`busybox sh -c`).
debs="libc6 zlib1g libgcc-s1 libstdc++6 busybox-static"
uid=10001

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root/opt/java" "$work/debs"

"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --output "$root/opt/java/openjdk"
(cd "$work/debs" && apt-get -o APT::Sandbox::User=root download $debs >/dev/null)
for d in "$work"/debs/*.deb; do dpkg-deb -x "$d" "$root"; done
rm -rf "$root/usr/share/man" "$root/usr/share/doc" "$root/usr/share/lintian" "$root/usr/share/gcc" "$root/usr/share/gdb"

# Every library a runtime ELF file needs must be in the image (no ld.so.cache: glibc's default
# directories /lib/x86_64-linux-gnu and /usr/lib/x86_64-linux-gnu, and the runtime's own lib/).
# Left out on purpose: what only java.desktop's GUI, image, font and sound code loads (X11, ALSA,
# FreeType, HarfBuzz, image codecs); a headless server never loads those libraries.
desktop_only='^lib(X[a-z0-9]*|asound|freetype|gif|harfbuzz|jpeg|lcms2|png16)[.]so'
missing=0
while read -r lib; do
  found=$(find "$root/lib/x86_64-linux-gnu" "$root/usr/lib/x86_64-linux-gnu" "$root/opt/java/openjdk/lib" \
    -maxdepth 2 -name "$lib" 2>/dev/null | head -1)
  if [ -z "$found" ] && ! [[ $lib =~ $desktop_only ]]; then echo "missing shared library: $lib" >&2; missing=1; fi
done < <(find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec readelf -d {} + 2>/dev/null \
  | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
[ "$missing" = 0 ] || exit 1

mkdir -p "$root/etc" "$root/tmp" "$root/var/lib/caveat/keys"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\ncaveat:x:%s:%s:caveat:/var/lib/caveat:/sbin/nologin\n' $uid $uid > "$root/etc/passwd"
printf 'root:x:0:\ncaveat:x:%s:\n' $uid > "$root/etc/group"
# /etc/hosts first, as in Debian: a container runtime mounts the pod's /etc/hosts and resolv.conf.
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$root/etc/nsswitch.conf"

# One layer, byte-reproducible: sorted names, fixed times and owners.
layer=$work/layer.tar
tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$root" -cf "$layer" .
# /var/lib/caveat (the service's working folder and home) and its keys/ (a volume mounted there
# starts with this owner) belong to the service's user: a second pass would need GNU tar's --transform;
# re-owning one entry in place keeps the layer reproducible.
python3 - "$layer" "$uid" <<'PY'
import sys, tarfile, io
path, uid = sys.argv[1], int(sys.argv[2])
src = tarfile.open(path)
buf = io.BytesIO()
dst = tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT)
for m in src.getmembers():
    if m.name in ("./var/lib/caveat", "./var/lib/caveat/keys"):
        m.uid = m.gid = uid
        m.uname = m.gname = ""
    dst.addfile(m, src.extractfile(m) if m.isfile() else None)
dst.close()
open(path, "wb").write(buf.getvalue())
PY
diff_id=$(sha256sum "$layer" | cut -d' ' -f1)

cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],"User":"$uid","WorkingDir":"/var/lib/caveat"},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/image/base-image.sh: jlink ($modules) + $debs"}]}
JSON
config_id=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mkdir -p "$work/image"
mv "$work/config.json" "$work/image/$config_id.json"
mv "$layer" "$work/image/$diff_id.tar"
printf '[{"Config":"%s.json","RepoTags":["caveat-base:jre17"],"Layers":["%s.tar"]}]\n' "$config_id" "$diff_id" \
  > "$work/image/manifest.json"
mkdir -p "$(dirname "$out")"
# Member names without a leading ./ (Jib refuses an entry named ./ as outside its destination).
tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 -C "$work/image" -cf "$out" \
  manifest.json "$config_id.json" "$diff_id.tar"
echo "$out: $(du -h "$out" | cut -f1), layer sha256:$diff_id"
