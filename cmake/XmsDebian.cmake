# The Debian package, by CPack's DEB generator from this build tree (`cpack -G DEB`, or
# packaging/build-deb.sh). dpkg-shlibdeps computes the shared-library Depends (Qt 6, QtKeychain,
# libguestfs, libcurl …) from the installed binaries; the programs XMS runs or loads at run time are
# named here, since no linker sees them.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME xms-desktop)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR Xloud)
set(CPACK_PACKAGE_CONTACT "XMS maintainers <maintainers@users.noreply.r-seed-ef585a64.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # xms-desktop_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${XMS_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded or run at run time: the keychain library QtKeychain opens by name, Qt's SQLite driver and
# display plugins, virt-v2v-in-place with the nbdkit and nbdcopy it does not declare, qemu-img, and QEMU
# for the boot verification.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libsecret-1-0, libqt6sql6-sqlite, qt6-qpa-plugins, virt-v2v (>= 2.2), nbdkit, libnbd-bin, qemu-utils, qemu-system-x86")
# A keychain service for the passwords (GNOME Keyring or KWallet); UEFI guests, XFS guests, Qt's own German.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | libkf5wallet-bin, ovmf, libguestfs-xfs, qt6-translations-l10n")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "cold-migrate VMware vSphere VMs into Xloud")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "XMS moves virtual machines from VMware vSphere (vCenter or ESXi) into
Xloud, an OpenStack cloud. It powers the source VM off, streams its disks
over the vSphere API, makes the guest boot on VirtIO with virt-v2v-in-place
and verifies the boot, writes the disks into Cinder volumes and boots a Nova
instance from them. The source VM is never written to or deleted.

This package holds the xms-desktop wizard, the xms command line and a
systemd user unit for a headless worker; passwords are kept in the system
keychain.")
include(CPack)
