#!/usr/bin/env bash
# The Debian package as a user gets it: built from this build tree with CPack, checked by lintian,
# desktop-file-validate and appstreamcli, installed with apt-get, its programs, man pages and bash
# completion run from /usr, then purged — leaving no file behind and the machine's packages as they were.
# Usage: test-package.sh BUILD_DIR VERSION APP_ID   (CTest: label package; needs root, the lab's vCenter
# and a keyring — CTest runs it through with-lab and with-keyring)
set -euo pipefail
build=$1 version=$2 app_id=$3
pkg=xms-desktop
work=$(mktemp -d /tmp/xms-package.XXXXXX)
installed=0

export LC_ALL=C.UTF-8 # the English titles and messages checked below, whatever the caller's locale
step() { printf '[package %(%H:%M:%S)T] %s\n' -1 "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
cleanup() {
  if [[ $installed == 1 ]]; then
    apt-get purge -y -qq -o DPkg::Lock::Timeout=120 "$pkg" >/dev/null 2>&1 || dpkg --purge "$pkg" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

[[ $(id -u) == 0 ]] || fail "this test installs a package with apt-get: run it as root (CI does)"
if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q ' installed$'; then
  fail "$pkg is installed on this machine already; this test would purge it. Remove it first: apt-get purge $pkg"
fi

step "cpack -G DEB"
(cd "$build" && cpack -G DEB -B "$work/cpack") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$work/cpack/${pkg}_${version}_$(dpkg --print-architecture).deb
[[ -f $deb ]] || { ls -l "$work/cpack"; fail "cpack made no $deb"; }
ls -l "$deb"

step "control fields"
dpkg-deb -f "$deb" Package Version Depends Recommends | tee "$work/control"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "package version is not the project version $version"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libqt6core6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6keychain1 libguestfs0 libcurl4 libsecret-1-0 \
           libqt6sql6-sqlite virt-v2v nbdkit libnbd-bin qemu-utils; do
  re="(^|[ ,])$dep( |,|$)"
  [[ $depends =~ $re ]] || fail "Depends lacks $dep: $depends"
done
[[ $(dpkg-deb -f "$deb" Recommends) == *"gnome-keyring | libkf5wallet-bin"* ]] || fail "Recommends lacks a keychain"

step "lintian"
# --fail-on error,warning: a warning fails too. Overrides (each with its reason) ship in the package.
lintian --fail-on error,warning --tag-display-limit 0 "$deb" | tee "$work/lintian.txt" || fail "lintian reported errors or warnings"

step "desktop-file-validate, appstreamcli validate"
dpkg-deb -x "$deb" "$work/root"
desktop=$work/root/usr/share/applications/$app_id.desktop
metainfo=$work/root/usr/share/metainfo/$app_id.metainfo.xml
desktop-file-validate "$desktop" | tee "$work/desktop.txt"
[[ ! -s $work/desktop.txt ]] || fail "desktop-file-validate: $(cat "$work/desktop.txt")"
appstreamcli validate --no-net --explain "$metainfo" | tee "$work/appstream.txt" || fail "appstreamcli validate failed"
if grep -E '^(E|W):' "$work/appstream.txt"; then fail "appstreamcli reported errors or warnings"; fi
grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no release $version"
grep -q '^Exec=xms-desktop --new-migration$' "$desktop" || fail "the desktop file has no New Migration action"

step "apt-get install ./$(basename "$deb")"
dpkg-query -W -f='${Package} ${Version} ${Status}\n' | sort >"$work/packages-before"
# Everything it needs is installed (packaging/install-deps.sh): it must pull in nothing else, or purging it
# would not put the machine back.
apt-get install -s --no-install-recommends "$deb" >"$work/simulate.txt" 2>&1 || { cat "$work/simulate.txt"; fail "apt-get cannot install it"; }
others=$(awk '$1 == "Inst" && $2 != "'"$pkg"'" { print $2 }' "$work/simulate.txt")
[[ -z $others ]] || fail "installing it would also install: $others (add them to packaging/install-deps.sh)"
installed=1
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=120 "$deb" >"$work/install.txt" 2>&1 \
  || { cat "$work/install.txt"; fail "apt-get install failed"; }
dpkg-query -L "$pkg" | sort >"$work/files"
echo "$(wc -l <"$work/files") paths installed"

step "installed programs"
home=$work/home
mkdir -p "$home"
got=$(/usr/bin/xms --version)
[[ $got == "xms $version" ]] || fail "xms --version printed '$got', not 'xms $version'"
/usr/bin/xms --help >"$work/help.txt"
grep -q '^  migration submit ' "$work/help.txt" || fail "xms --help lists no 'migration submit'"
# Default verbosity: the first command creates the store and prints no log line; --verbose shows them.
XMS_HOME=$home/quiet /usr/bin/xms source list >/dev/null 2>"$work/quiet.err"
[[ ! -s $work/quiet.err ]] || fail "xms source list printed on stderr at default verbosity: $(cat "$work/quiet.err")"
XMS_HOME=$home/verbose /usr/bin/xms --verbose source list >/dev/null 2>"$work/verbose.err"
grep -q '^xms.core.store: database schema migrated from version' "$work/verbose.err" \
  || fail "xms --verbose printed no store log line: $(cat "$work/verbose.err")"
XMS_HOME=$home/desk QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/xms-desktop --check-start >"$work/desktop.out" 2>&1 \
  || { cat "$work/desktop.out"; fail "xms-desktop --check-start failed"; }
grep -qx 'window: XMS Desktop — Migrations' "$work/desktop.out" || fail "no main window: $(cat "$work/desktop.out")"
XMS_HOME=$home/desk QT_QPA_PLATFORM=offscreen timeout 60 /usr/bin/xms-desktop --new-migration --check-start \
  >"$work/wizard.out" 2>&1 || { cat "$work/wizard.out"; fail "xms-desktop --new-migration --check-start failed"; }
grep -qx 'window: New Migration' "$work/wizard.out" || fail "--new-migration opened no wizard: $(cat "$work/wizard.out")"
[[ $(/usr/bin/xms-desktop --version) == "xms-desktop $version" ]] || fail "xms-desktop --version is not $version"
XMS_HOME=$home/desk QT_QPA_PLATFORM=offscreen LC_ALL=de_DE.UTF-8 timeout 60 /usr/bin/xms-desktop --check-start \
  >"$work/german.out" 2>&1 || { cat "$work/german.out"; fail "xms-desktop --check-start in German failed"; }
grep -qx 'window: XMS Desktop – Migrationen' "$work/german.out" || fail "not German: $(cat "$work/german.out")"

step "man pages"
[[ $(man -w xms) == /usr/share/man/man1/xms.1.gz ]] || fail "man -w xms: $(man -w xms 2>&1)"
[[ $(man -w xms-desktop) == /usr/share/man/man1/xms-desktop.1.gz ]] || fail "man -w xms-desktop"
LC_ALL=C MANWIDTH=1000 man xms 2>/dev/null | col -b >"$work/man.txt"
# Every command of `xms --help` is in the man page: a tag line "xms GROUP …VERB…".
checked=0
while read -r group verb; do
  checked=$((checked + 1))
  re="^ *xms $group( |$)"
  [[ -z $verb ]] || re="^ *xms $group (.*[ ,])?$verb([ ,]|$)"
  grep -Eq "$re" "$work/man.txt" || fail "man xms does not describe 'xms $group $verb'"
done < <(sed -n '/^Commands:/,/^$/p' "$work/help.txt" | sed '1d;/^$/d;s/^  //;s/  .*//')
((checked >= 20)) || fail "read only $checked commands from xms --help"
echo "man xms describes all $checked commands of xms --help"
grep -q '^EXIT STATUS' "$work/man.txt" && grep -q '^ENVIRONMENT' "$work/man.txt" && grep -q '^FILES' "$work/man.txt" \
  || fail "man xms lacks EXIT STATUS, ENVIRONMENT or FILES"

step "bash completion"
complete_words() { # the candidates bash-completion's own loader finds for the words typed so far
  XMS_HOME=$home/completion bash -c '
    . /usr/share/bash-completion/bash_completion
    __load_completion xms || exit 3
    fn=$(complete -p xms | sed -n "s/.*-F \([^ ]*\) .*/\1/p")
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    "$fn" xms "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' bash "$@"
}
# Whether the candidates for WORDS… include WANTED. The words are captured first: `complete_words … | grep -q`
# under pipefail fails at random when grep exits before bash has written the last candidate (SIGPIPE).
offers() {
  local wanted=$1 got
  shift
  got=$(complete_words "$@")
  grep -qxF -- "$wanted" <<<"$got"
}
[[ $(complete_words xms mig) == migration ]] || fail "xms mig<TAB> gave '$(complete_words xms mig)', not migration"
offers submit xms migration s || fail "xms migration s<TAB> offers no submit"
offers --network-map xms migration submit --net || fail "no --network-map for submit"
printf '%s' "$XMS_LAB_VC_PASSWORD" | XMS_HOME=$home/completion /usr/bin/xms source create pkg-test-vc \
  --host "$XMS_LAB_VC_HOST" --port "$XMS_LAB_VC_PORT" --user "$XMS_LAB_VC_USER" --password-stdin \
  --thumbprint "$XMS_LAB_VC_THUMBPRINT_SHA256" >/dev/null || fail "xms source create against the lab's vCenter failed"
XMS_HOME=$home/completion /usr/bin/xms profile save pkg-test-profile --network-map 'VM Network=internal-net' >/dev/null
[[ $(complete_words xms source show pkg) == pkg-test-vc ]] || fail "xms source show pkg<TAB>: '$(complete_words xms source show pkg)'"
offers pkg-test-vc xms migration submit --source "" || fail "--source <TAB> does not list pkg-test-vc"
offers pkg-test-profile xms migration submit --network-profile "" || fail "--network-profile <TAB>"
XMS_HOME=$home/completion /usr/bin/xms source delete pkg-test-vc >/dev/null # its keychain entry too

step "systemd user unit"
unit=/usr/lib/systemd/user/xms-worker.service
grep -qx 'ExecStart=/usr/bin/xms worker' "$unit" || fail "$unit does not run /usr/bin/xms worker"
systemd-analyze verify "$unit" >"$work/unit.txt" 2>&1 || { cat "$work/unit.txt"; fail "systemd-analyze verify $unit"; }
[[ ! -s $work/unit.txt ]] || fail "systemd-analyze verify: $(cat "$work/unit.txt")"

step "apt-get purge"
apt-get purge -y -qq -o DPkg::Lock::Timeout=120 "$pkg" >"$work/purge.txt" 2>&1 || { cat "$work/purge.txt"; fail "purge failed"; }
installed=0
left=()
while read -r path; do
  if [[ -d $path && ! -L $path ]]; then
    # A directory may stay only when another package owns it too.
    dpkg-query -S "$path" >/dev/null 2>&1 || left+=("$path (a directory no package owns)")
  elif [[ -e $path || -L $path ]]; then
    left+=("$path")
  fi
done <"$work/files"
((${#left[@]} == 0)) || fail "left after purge: ${left[*]}"
dpkg-query -W -f='${Package} ${Version} ${Status}\n' | sort >"$work/packages-after"
diff "$work/packages-before" "$work/packages-after" || fail "the machine's packages changed"
step "ok: built, validated, installed, run and purged $pkg $version"
