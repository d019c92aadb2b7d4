#!/bin/sh
# Install Clerk from this unpacked bundle so that it starts from the desktop menu. No network.
#   ./install.sh                      for you: ~/.local/lib/clerk-app, ~/.local/bin/clerk-app
#   sudo ./install.sh --system        for everyone: /opt/clerk-app, /usr/local/bin/clerk-app
#   ./install.sh --uninstall [--system]   remove what that form installed
# Databases (in each user's ~/.local/share/Clerk) are never touched, not even by --uninstall.
set -eu

APP_ID=org.clerkapp.Clerk
# Libraries the bundle takes from the machine, as packaging/recipe.py SYSTEM_LIBRARIES says:
# every desktop has them; a bare server install may not.
SYSTEM_LIBRARIES="libGL.so.1 libEGL.so.1 libxcb.so.1"

usage() {
    sed -n '2,6s/^# \{0,1\}//p' "$0"
    exit "$1"
}

mode=user
action=install
for arg in "$@"; do
    case $arg in
        --system) mode=system ;;
        --uninstall) action=uninstall ;;
        -h | --help) usage 0 ;;
        *) echo "install.sh: unknown option $arg" >&2; usage 2 ;;
    esac
done

if [ "$mode" = system ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "install.sh: --system installs for every user and must run as root (sudo)" >&2
        exit 1
    fi
    target=/opt/clerk-app
    bindir=/usr/local/bin
    share=/usr/local/share
else
    target=$HOME/.local/lib/clerk-app
    bindir=$HOME/.local/bin
    share=${XDG_DATA_HOME:-$HOME/.local/share}
fi

refresh_caches() {
    # Desktops notice new entries without these, but only at the next login on some.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" 2>/dev/null || true
    fi
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$share/mime/packages" ]; then
        update-mime-database "$share/mime" 2>/dev/null || true
    fi
    hicolor=$share/icons/hicolor
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$hicolor" 2>/dev/null || true
    fi
}

if [ "$action" = uninstall ]; then
    rm -rf "$target"
    if [ -L "$bindir/clerk-app" ]; then rm -f "$bindir/clerk-app"; fi
    rm -f "$share/applications/$APP_ID.desktop" "$share/metainfo/$APP_ID.metainfo.xml" \
        "$share/mime/packages/$APP_ID.xml"
    if [ -d "$share/icons/hicolor" ]; then
        find "$share/icons/hicolor" -name "$APP_ID.*" -type f -exec rm -f {} +
    fi
    refresh_caches
    echo "Clerk is uninstalled; the minutes databases are where they were."
    exit 0
fi

here=$(cd "$(dirname "$0")" && pwd)
if [ ! -x "$here/clerk-app" ] || [ ! -d "$here/_internal" ] || [ ! -d "$here/share" ]; then
    echo "install.sh: run me from the unpacked Clerk bundle (clerk-app, _internal/, share/)" >&2
    exit 1
fi

# The program: copied whole beside the old one, then swapped in, so a failed copy leaves the
# installed version working.
if [ "$here" != "$target" ]; then
    mkdir -p "$(dirname "$target")"
    rm -rf "$target.new"
    mkdir "$target.new"
    cp -R "$here/clerk-app" "$here/_internal" "$target.new/"
    rm -rf "$target"
    mv "$target.new" "$target"
fi
mkdir -p "$bindir"
ln -sf "$target/clerk-app" "$bindir/clerk-app"

# Desktop integration: the menu entry points at the installed program by its full path, as
# ~/.local/bin is not on every desktop session's PATH.
mkdir -p "$share/applications" "$share/metainfo" "$share/mime/packages" "$share/icons"
sed -e "s|^Exec=clerk-app|Exec=\"$target/clerk-app\"|" \
    -e "s|^TryExec=clerk-app|TryExec=$target/clerk-app|" \
    "$here/share/applications/$APP_ID.desktop" > "$share/applications/$APP_ID.desktop"
cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/"
cp "$here/share/mime/packages/$APP_ID.xml" "$share/mime/packages/"
cp -R "$here/share/icons/hicolor" "$share/icons/"
refresh_caches

missing=""
if command -v ldconfig >/dev/null 2>&1; then
    for lib in $SYSTEM_LIBRARIES; do
        ldconfig -p 2>/dev/null | grep -q "$lib" || missing="$missing $lib"
    done
fi
if [ -n "$missing" ]; then
    echo "Note: the window needs these system libraries, missing here:$missing"
    echo "  Debian/Ubuntu: sudo apt-get install libgl1 libegl1 libxcb1"
    echo "  Fedora/RHEL:   sudo dnf install libglvnd-glx libglvnd-egl libxcb"
    echo "The command line (import, export, search, actions) works without them."
fi
version=$("$target/clerk-app" --version 2>/dev/null || echo "clerk-app (did not start)")
echo "Installed $version in $target; Clerk is in the desktop menu (Office)."
case ":$PATH:" in
    *":$bindir:"*) ;;
    *) echo "To type clerk-app in a terminal, add $bindir to your PATH." ;;
esac
