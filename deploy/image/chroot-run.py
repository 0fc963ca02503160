#!/usr/bin/env python3
"""Runs a `docker save`-format image tar (Jib's buildTar output) without a container runtime.

For a machine without a working Docker daemon: unpacks the image's layers in order into a
folder and runs its entrypoint + cmd there with `unshare` (own mount and PID namespaces, /proc
mounted) and `chroot`, as the image's user, in its working directory, with its environment. It
shares the host's network (a server in it listens on this machine's loopback too), and isolates
nothing else: a smoke test of the image's file system and config, not a sandbox. Needs root.

Usage: chroot-run.py [-e NAME=VALUE]... IMAGE.tar [ARG...]
       (-e adds to the image's environment; ARGs replace the image's cmd, as with `docker run`)
       CHROOT_RUN_DIR=DIR keeps the unpacked root in DIR (default: a temporary folder, removed).
"""
import json, os, signal, socket, shutil, subprocess, sys, tarfile, tempfile


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
    args, extra_env = sys.argv[1:], {}
    while len(args) >= 2 and args[0] == "-e":
        name, _, value = args[1].partition("=")
        extra_env[name] = value
        args = args[2:]
    if not args:
        sys.exit(__doc__)
    keep = os.environ.get("CHROOT_RUN_DIR")
    root = keep or tempfile.mkdtemp(prefix="chroot-run-")
    try:
        cfg = unpack(args[0], root)
        for d in ("proc", "dev", "tmp"):
            os.makedirs(os.path.join(root, d), exist_ok=True)
        # What a container runtime mounts: the host name (Flink looks its own up) and resolver.
        with open(os.path.join(root, "etc", "hosts"), "w") as hosts:
            hosts.write("127.0.0.1\tlocalhost\n127.0.1.1\t%s\n" % socket.gethostname())
        shutil.copyfile("/etc/resolv.conf", os.path.join(root, "etc", "resolv.conf"))
        argv = cfg.get("Entrypoint", []) + (args[1:] or cfg.get("Cmd") or [])
        env = dict(e.split("=", 1) for e in cfg.get("Env", []))
        env.update(extra_env)
        uid, _, gid = (cfg.get("User") or "0").partition(":")
        # The root is bound onto itself so that it is a mount point, as a container's root is
        # (Java's Files.getFileStore looks the file's mount up in /proc/self/mounts).
        # The few device nodes a JVM and busybox open are bound from the host's /dev (device
        # nodes made with mknod would not work on a file system mounted nodev, as /tmp often is).
        setup = ('mount --bind "$0" "$0" && mount -t proc proc "$0/proc" && '
                 'for n in null zero random urandom; do touch "$0/dev/$n" && mount --bind "/dev/$n" "$0/dev/$n"; done && '
                 'exec unshare --root="$0" "$@"')
        cmd = ["unshare", "--mount", "--pid", "--fork", "--kill-child=SIGTERM", "sh", "-c", setup, root,
               "--wd=" + (cfg.get("WorkingDir") or "/"), "--setgid=" + (gid or uid), "--setuid=" + uid] + argv
        sys.stderr.write("chroot-run: %s\n" % " ".join(cmd[1:]))
        child = subprocess.Popen(cmd, env=env)  # unshare finds argv[0] on the image's PATH
        # unshare --fork ignores SIGTERM and SIGINT itself, and --kill-child's signal is lost once the
        # inner unshare changes the user: so the stop signal goes straight to unshare's child, the
        # image's process (sh and the inner unshare exec into it), which shuts down cleanly.
        def stop(*_):
            with open("/proc/%d/task/%d/children" % (child.pid, child.pid)) as kids:
                for pid in kids.read().split():
                    os.kill(int(pid), signal.SIGTERM)
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        code = child.wait()
        sys.exit(code)
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
