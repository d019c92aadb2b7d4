"""Build Clerk's installable bundle for the platform this runs on.

    .venv/bin/python packaging/build.py            (Linux, macOS)
    .venv\\Scripts\\python packaging\\build.py       (Windows)

Renders the icons from resources/icons/clerk.svg, runs PyInstaller on packaging/clerk-app.spec
and finishes the bundle in packaging/dist/:

- Linux: dist/clerk-app/ with the program, share/ (the .desktop file, AppStream metainfo and
  hicolor icons) and install.sh; dist/clerk-app-VERSION-linux-ARCH.tar.gz of it with --archive.
- Windows: dist/clerk-app/ (Clerk.exe for the desktop, clerk-app.exe for the command line), then
  dist/Clerk-VERSION-setup.exe when Inno Setup's ISCC.exe is installed.
- macOS: dist/Clerk.app, with its Info.plist.

PyInstaller (the ``packaging`` extra in pyproject.toml) is pip-installed first if missing.
Options: --no-trim builds with every Qt plugin and translation PyInstaller would collect (to
measure what trimming saves); --clean throws away PyInstaller's cache first.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import recipe  # noqa: E402  (beside this file)

BUILD = recipe.PACKAGING / "build"
DIST = recipe.PACKAGING / "dist"
ICONS = BUILD / "icons"


def render_icons(out: Path = ICONS) -> None:
    """PNGs at every hicolor size, clerk.ico and clerk.icns, all from the one SVG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(recipe.ICON_SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {recipe.ICON_SOURCE}")

    def render(size: int, target: Path) -> Path:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target)):
            raise SystemExit(f"cannot write {target}")
        return target

    hicolor = out / "hicolor"
    pngs = {
        size: render(size, hicolor / f"{size}x{size}" / "apps" / f"{recipe.APP_ID}.png")
        for size in recipe.ICON_SIZES
    }
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(recipe.ICON_SOURCE, scalable / f"{recipe.APP_ID}.svg")

    images = {size: Image.open(path).convert("RGBA") for size, path in pngs.items()}
    ico_sizes = [s for s in (16, 24, 32, 48, 64, 128, 256) if s in images]
    images[ico_sizes[-1]].save(
        out / "clerk.ico",
        sizes=[(s, s) for s in ico_sizes],
        append_images=[images[s] for s in ico_sizes[:-1]],
    )
    # macOS wants up to 1024 px (512 px at double density), drawn rather than enlarged.
    retina = Image.open(render(1024, out / "clerk-1024.png")).convert("RGBA")
    retina.save(out / "clerk.icns", append_images=list(images.values()))


def run_pyinstaller(*, trim: bool, clean: bool) -> None:
    env = dict(os.environ, CLERK_BUNDLE_TRIM="1" if trim else "0", CLERK_ICON_DIR=str(ICONS))
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--workpath={BUILD / 'pyinstaller'}",
        f"--distpath={DIST}",
    ]
    if clean:
        command.append("--clean")
    command.append(str(recipe.PACKAGING / "clerk-app.spec"))
    subprocess.run(command, check=True, env=env, cwd=recipe.ROOT)


def finish_linux(bundle: Path) -> None:
    """Put the desktop integration beside the program, where install.sh expects it."""
    share = bundle / "share"
    if share.exists():
        shutil.rmtree(share)
    linux = recipe.PACKAGING / "linux"
    app_id = recipe.APP_ID
    placed = {
        linux / f"{app_id}.desktop": share / "applications" / f"{app_id}.desktop",
        linux / f"{app_id}.metainfo.xml": share / "metainfo" / f"{app_id}.metainfo.xml",
        linux / f"{app_id}.mime.xml": share / "mime" / "packages" / f"{app_id}.xml",
        linux / "install.sh": bundle / "install.sh",
    }
    for source, target in placed.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    (bundle / "install.sh").chmod(0o755)
    shutil.copytree(ICONS / "hicolor", share / "icons" / "hicolor")
    checks = {
        "desktop-file-validate": [str(placed[linux / f"{app_id}.desktop"])],
        "appstreamcli": ["validate", "--no-net", str(placed[linux / f"{app_id}.metainfo.xml"])],
    }
    for tool, arguments in checks.items():
        if shutil.which(tool):
            subprocess.run([tool, *arguments], check=True, stdout=subprocess.DEVNULL)
        else:
            print(f"note: {tool} is not installed, so it did not check its file")


def archive_linux(bundle: Path, version: str) -> Path:
    target = DIST / f"clerk-app-{version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz") as tar:
        tar.add(bundle, arcname=f"clerk-app-{version}")
    return target


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def finish_windows(version: str) -> Path | None:
    iscc = find_iscc()
    script = recipe.PACKAGING / "windows" / "clerk.iss"
    if iscc is None:
        print(f"note: Inno Setup 6 is not installed; the bundle is ready for {script}")
        return None
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DBundleDir={DIST / recipe.BUNDLE_DIR}",
            f"/DIconFile={ICONS / 'clerk.ico'}",
            f"/DOutputDir={DIST}",
            str(script),
        ],
        check=True,
    )
    return DIST / f"Clerk-{version}-setup.exe"


def install_build_tools() -> None:
    """pip-install the ``packaging`` extra of pyproject.toml into this Python (PyInstaller)."""
    with (recipe.ROOT / "pyproject.toml").open("rb") as stream:
        wanted = tomllib.load(stream)["project"]["optional-dependencies"]["packaging"]
    print(f"Installing the build tools: {' '.join(wanted)}")
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *wanted], check=True)


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Clerk's bundle for this platform.")
    parser.add_argument(
        "--no-trim", action="store_true", help="keep all PyInstaller collects (to measure)"
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--archive", action="store_true", help="Linux: also make a .tar.gz")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("PyInstaller") is None:
        install_build_tools()

    started = time.monotonic()
    version = recipe.version()
    render_icons()
    run_pyinstaller(trim=not args.no_trim, clean=args.clean)
    bundle = DIST / recipe.BUNDLE_DIR
    products = [bundle]
    if sys.platform.startswith("linux"):
        finish_linux(bundle)
        if args.archive:
            products.append(archive_linux(bundle, version))
    elif sys.platform == "win32":
        installer = finish_windows(version)
        if installer is not None:
            products.append(installer)
    elif sys.platform == "darwin":
        products.append(DIST / f"{recipe.APP_NAME}.app")
    elapsed = time.monotonic() - started
    print(f"Clerk {version}: built in {elapsed:.0f} s{'' if not args.no_trim else ' (untrimmed)'}")
    for product in products:
        print(f"  {product}  {size_of(product) / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
