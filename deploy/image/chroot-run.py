#!/usr/bin/env python3
"""Runs a `docker save`-format image tar (Jib's buildTar output) without a container runtime.

For a machine without a working Docker daemon: unpacks the image's layers in order into a
folder and runs its entrypoint + cmd there with `unshare` (own mount and PID namespaces, /proc
mounted) and `chroot`, as the image's user, in its working directory, with its environment. It
shares the host's network (a server in it listens on this machine's loopback too), and isolates
nothing else: a smoke test of the image's file system and config, not a sandbox. Needs root.

Usage: chroot-run.py IMAGE.tar [ARG...]   (ARGs replace the image's cmd, as `docker run` does)
       CHROOT_RUN_DIR=DIR keeps the unpacked root in DIR (default: a temporary folder, removed).
"""
import json, os, signal, socket, stat, shutil, subprocess, sys, tarfile, tempfile


def unpack(image_tar, root):
    with tarfile.open(image_tar) as outer:
        manifest = json.load(outer.extractfile("manifest.json"))[0]
        config = json.load(outer.extractfile(manifest["Config"]))
        for layer in manifest["Layers"]:
            with tarfile.open(fileobj=outer.extractfile(layer), mode="r:*") as t:
                # Whiteouts (.wh.*) never occur in these images: every layer only adds files.
                t.extractall(root, numeric_owner=True, filter="fully_trusted")
    return config["config"]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    keep = os.environ.get("CHROOT_RUN_DIR")
    root = keep or tempfile.mkdtemp(prefix="chroot-run-")
    try:
        cfg = unpack(sys.argv[1], root)
        for d in ("proc", "dev", "tmp"):
            os.makedirs(os.path.join(root, d), exist_ok=True)
        # The few device nodes a JVM opens (SecureRandom reads /dev/urandom).
        for name, minor in (("null", 3), ("zero", 5), ("random", 8), ("urandom", 9)):
            node = os.path.join(root, "dev", name)
            if not os.path.exists(node):
                os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
        # What a container runtime mounts: the host name (Flink looks its own up) and resolver.
        with open(os.path.join(root, "etc", "hosts"), "w") as hosts:
            hosts.write("127.0.0.1\tlocalhost\n127.0.1.1\t%s\n" % socket.gethostname())
        shutil.copyfile("/etc/resolv.conf", os.path.join(root, "etc", "resolv.conf"))
        argv = cfg.get("Entrypoint", []) + (sys.argv[2:] or cfg.get("Cmd") or [])
        env = dict(e.split("=", 1) for e in cfg.get("Env", []))
        uid, _, gid = (cfg.get("User") or "0").partition(":")
        # The root is bound onto itself so that it is a mount point, as a container's root is
        # (Java's Files.getFileStore looks the file's mount up in /proc/self/mounts).
        setup = 'mount --bind "$0" "$0" && mount -t proc proc "$0/proc" && exec unshare --root="$0" "$@"'
        # --kill-child: when this script stops the run (Ctrl-C, SIGTERM), the image's process gets SIGTERM.
        cmd = ["unshare", "--mount", "--pid", "--fork", "--kill-child=SIGTERM", "sh", "-c", setup, root,
               "--wd=" + (cfg.get("WorkingDir") or "/"), "--setgid=" + (gid or uid), "--setuid=" + uid] + argv
        sys.stderr.write("chroot-run: %s\n" % " ".join(cmd[1:]))
        child = subprocess.Popen(cmd, env=env)  # unshare finds argv[0] on the image's PATH
        signal.signal(signal.SIGTERM, lambda *_: child.terminate())
        try:
            code = child.wait()
        except KeyboardInterrupt:
            child.terminate()
            code = child.wait()
        sys.exit(code)
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
