#!/usr/bin/python3
"""Smoke test of the lab's vCenter simulator, with pyVmomi as a real vSphere client.

Run: eval "$(tests/lab/vcsim/vcsim env)"; /usr/bin/python3 tests/lab/smoke/test_vcsim.py
Exit status 0 only when every check passed. Leaves the lab VMs powered on, as `vcsim up` made them.
"""
import hashlib
import http.client
import json
import os
import ssl
import subprocess
import sys
import time

from pyVim.connect import SmartConnect, Disconnect
from pyVmomi import SoapAdapter, vim

ENV = ["XMS_LAB_VC_URL", "XMS_LAB_VC_HOST", "XMS_LAB_VC_PORT", "XMS_LAB_VC_USER", "XMS_LAB_VC_PASSWORD",
       "XMS_LAB_VC_THUMBPRINT", "XMS_LAB_VC_THUMBPRINT_SHA256", "XMS_LAB_VC_CA_FILE", "XMS_LAB_VC_DATACENTER",
       "XMS_LAB_VC_DATASTORE", "XMS_LAB_VC_DATASTORE_DIR"]
# name -> (firmware, number of disks, port group of each NIC)
LAB_VMS = {
    "lab-debian-bios": ("bios", 1, ["VM Network"]),
    "lab-debian-uefi": ("efi", 1, ["VM Network"]),
    "lab-two-disks": ("bios", 2, ["VM Network", "DC0_DVPG0"]),
    "lab-lease-error": ("bios", 1, ["VM Network"]),
    "lab-drop-download": ("bios", 1, ["VM Network"]),
    "lab-debian-static": ("bios", 1, ["VM Network"]),
}


class Failed(Exception):
    pass


def check(ok, what):
    if not ok:
        raise Failed(what)
    print(f"ok: {what}")


def connect(**kw):
    args = dict(host=E["XMS_LAB_VC_HOST"], port=int(E["XMS_LAB_VC_PORT"]), user=E["XMS_LAB_VC_USER"],
                pwd=E["XMS_LAB_VC_PASSWORD"], sslContext=ssl.create_default_context(cafile=E["XMS_LAB_VC_CA_FILE"]))
    args.update(kw)
    return SmartConnect(**args)


def unverified():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def datastore_file(ds_path):
    ds, rel = ds_path[1:].split("] ", 1)
    if ds != E["XMS_LAB_VC_DATASTORE"]:
        raise Failed(f"{ds_path} is not on {E['XMS_LAB_VC_DATASTORE']}")
    return os.path.join(E["XMS_LAB_VC_DATASTORE_DIR"], rel)


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def nfc(method, url, cookie, headers=None):
    """One request to a lease URL; "*" stands for the vCenter's host:port, as govmomi substitutes it."""
    assert url.startswith("https://*/"), url
    conn = http.client.HTTPSConnection(E["XMS_LAB_VC_HOST"], int(E["XMS_LAB_VC_PORT"]),
                                       context=ssl.create_default_context(cafile=E["XMS_LAB_VC_CA_FILE"]))
    hdrs = dict(headers or {})
    if cookie:
        hdrs["Cookie"] = cookie
    conn.request(method, url[len("https://*"):], headers=hdrs)
    return conn, conn.getresponse()


def download(url, cookie, thumbprint):
    conn, res = nfc("GET", url, cookie)
    der = conn.sock.getpeercert(True)
    sha1 = ":".join(f"{b:02X}" for b in hashlib.sha1(der).digest())
    check(sha1 == thumbprint, f"NFC server certificate matches the lease's sslThumbprint {thumbprint[:14]}...")
    check(res.status == 200, f"GET {url} -> {res.status}")
    h, n = hashlib.sha256(), 0
    for block in iter(lambda: res.read(1 << 20), b""):
        h.update(block)
        n += len(block)
    conn.close()
    return h.hexdigest(), n


def wait_task(task):
    while task.info.state in ("queued", "running"):
        time.sleep(0.05)
    if task.info.state != "success":
        raise Failed(f"task failed: {task.info.error}")


def set_power(vm, on):
    state = vm.runtime.powerState
    if on and state != "poweredOn":
        wait_task(vm.PowerOnVM_Task())
    elif not on and state != "poweredOff":
        wait_task(vm.PowerOffVM_Task())


def wait_lease(lease):
    deadline = time.time() + 30
    while lease.state == "initializing":
        if time.time() > deadline:
            raise Failed("lease still initializing after 30 s")
        time.sleep(0.05)
    return lease.state


def nic_network(nic, pg_names):
    b = nic.backing
    if isinstance(b, vim.vm.device.VirtualEthernetCard.DistributedVirtualPortBackingInfo):
        return pg_names[b.port.portgroupKey]
    return b.deviceName


def check_inventory(si):
    content = si.RetrieveContent()
    dc = E["XMS_LAB_VC_DATACENTER"]
    view = content.viewManager.CreateContainerView(content.rootFolder, [vim.dvs.DistributedVirtualPortgroup], True)
    pg_names = {pg.key: pg.name for pg in view.view}
    view.Destroy()
    vms, macs = {}, []
    for name, (firmware, ndisks, nets) in LAB_VMS.items():
        vm = content.searchIndex.FindByInventoryPath(f"{dc}/vm/{name}")
        check(vm is not None, f"{name} exists in {dc}")
        vms[name] = vm
        devices = vm.config.hardware.device
        disks = [d for d in devices if isinstance(d, vim.vm.device.VirtualDisk)]
        nics = [d for d in devices if isinstance(d, vim.vm.device.VirtualEthernetCard)]
        check(vm.config.firmware == firmware and len(disks) == ndisks,
              f"{name}: firmware {firmware}, {ndisks} disk(s), {vm.config.hardware.numCPU} vCPU, "
              f"{vm.config.hardware.memoryMB} MB, guest {vm.config.guestId}, {vm.runtime.powerState}")
        for d in disks:
            local = datastore_file(d.backing.fileName)
            info = json.loads(subprocess.run(["qemu-img", "info", "--output=json", local], check=True,
                                             capture_output=True, text=True).stdout)
            check(info["format"] == "vmdk" and d.capacityInKB * 1024 == info["virtual-size"],
                  f"{name}: {d.backing.fileName} is a VMDK whose virtual size is the disk capacity "
                  f"({d.capacityInKB} KB)")
        got = [nic_network(n, pg_names) for n in nics]
        check(got == nets, f"{name}: NICs on {got} with MACs {[n.macAddress for n in nics]}")
        labels = [d.deviceInfo.label for d in disks + nics]
        check(labels == [f"Hard disk {i + 1}" for i in range(len(disks))]
              + [f"Network adapter {i + 1}" for i in range(len(nics))], f"{name}: device labels {labels}")
        macs += [n.macAddress for n in nics]
    check(len(macs) == len(set(macs)), f"{len(macs)} lab MAC addresses are distinct")
    # VMware Tools' network facts as pyVmomi reads them (the launcher's guestinfo.go).
    guest = vms["lab-debian-static"].guest
    addrs = [(a.ipAddress, a.prefixLength) for a in guest.net[0].ipConfig.ipAddress]
    route = guest.ipStack[0].ipRouteConfig.ipRoute[0]
    check(guest.hostName == "lab-debian-static" and guest.toolsRunningStatus == "guestToolsRunning"
          and guest.net[0].macAddress == "00:50:56:3a:06:00" and ("10.10.0.200", 24) in addrs
          and route.gateway.ipAddress == "10.10.0.1" and list(guest.ipStack[0].dnsConfig.ipAddress) == [
              "10.10.0.2", "10.10.0.3"],
          f"lab-debian-static: Tools report {guest.hostName}, {addrs}, gateway {route.gateway.ipAddress}")
    # The PCI slot ESXi gives a first NIC (make-lab-vms.py sets it; its guest names the NIC ens192 after it).
    slots = [d.slotInfo.pciSlotNumber if isinstance(d.slotInfo, vim.vm.device.VirtualDevice.PciBusSlotInfo) else None
             for d in vms["lab-debian-static"].config.hardware.device
             if isinstance(d, vim.vm.device.VirtualEthernetCard)]
    check(slots == [192], f"lab-debian-static: its NIC's slotInfo.pciSlotNumber is {slots}")
    return vms


def check_export(si, vm):
    cookie = si._stub.cookie.split(";")[0]
    disks = [d for d in vm.config.hardware.device if isinstance(d, vim.vm.device.VirtualDisk)]
    try:
        vm.ExportVm()
        raise Failed("ExportVm of a powered-on VM succeeded")
    except vim.fault.InvalidPowerState as e:
        check(e.existingState == "poweredOn", "ExportVm of a powered-on VM raises InvalidPowerState")
    set_power(vm, False)
    before = {d.backing.fileName: sha256_file(datastore_file(d.backing.fileName)) for d in disks}
    lease = vm.ExportVm()
    check(wait_lease(lease) == "ready", f"export lease {lease._moId} is ready")
    info = lease.info
    urls = info.deviceUrl
    check(len(urls) == len(disks) and info.leaseTimeout == 300 and info.entity == vm and
          info.totalDiskCapacityInKB == sum(d.capacityInKB for d in disks),
          f"lease info: {len(urls)} device URLs, leaseTimeout 300, {info.totalDiskCapacityInKB} KB in all")
    for u in urls:
        check(u.disk and u.sslThumbprint == E["XMS_LAB_VC_THUMBPRINT"], f"{u.key} -> {u.url} ({u.fileSize} bytes)")
    _, res = nfc("GET", urls[0].url, None)
    check(res.status == 401, f"GET without the session cookie is refused ({res.status})")
    _, res = nfc("HEAD", urls[0].url, cookie)
    check(res.status == 200 and res.getheader("Content-Length") == str(urls[0].fileSize),
          f"HEAD {urls[0].url} -> {res.status}, Content-Length {res.getheader('Content-Length')}")
    _, res = nfc("GET", urls[0].url, cookie, {"Range": "bytes=100-199"})
    part = res.read()
    with open(datastore_file(disks[0].backing.fileName), "rb") as f:
        f.seek(100)
        check(res.status == 206 and part == f.read(100), "Range request returns 206 with the right 100 bytes")
    for u, d in zip(urls, disks):
        digest, n = download(u.url, cookie, u.sslThumbprint)
        check(digest == before[d.backing.fileName] and n == u.fileSize,
              f"downloaded {n} bytes of {d.backing.fileName}, sha256 {digest[:16]}... equals the datastore file")
        lease.HttpNfcLeaseProgress(int(100 * (urls.index(u) + 1) / len(urls)))
    manifest = lease.HttpNfcLeaseGetManifest()
    check([m.key for m in manifest] == [u.key for u in urls], f"manifest lists {len(manifest)} disk(s)")
    lease.HttpNfcLeaseComplete()
    check(lease.state == "done", "HttpNfcLeaseComplete -> state done")
    _, res = nfc("GET", urls[0].url, cookie)
    check(res.status == 404, f"GET after complete -> {res.status}")
    after = {p: sha256_file(datastore_file(p)) for p in before}
    check(after == before, "datastore files unchanged by the export")


def check_hooks(si, vms):
    cookie = si._stub.cookie.split(";")[0]
    vm = vms["lab-lease-error"]
    set_power(vm, False)
    try:
        lease = vm.ExportVm()
        check(wait_lease(lease) == "error" and "simulated" in lease.error.msg,
              f"lab-lease-error: lease goes to error: {type(lease.error).__name__}: {lease.error.msg}")
    finally:
        set_power(vm, True)
    vm = vms["lab-drop-download"]
    set_power(vm, False)
    try:
        lease = vm.ExportVm()
        wait_lease(lease)
        url = lease.info.deviceUrl[0]
        data, requests = b"", 0
        while len(data) < url.fileSize and requests < 100:  # resume with Range after each drop
            requests += 1
            _, res = nfc("GET", url.url, cookie, {"Range": f"bytes={len(data)}-"} if data else {})
            try:
                data += res.read()
            except http.client.IncompleteRead as e:
                check(0 < len(e.partial) < url.fileSize - len(data),
                      f"lab-drop-download: connection dropped after {len(e.partial)} more bytes")
                data += e.partial
        disk = next(d for d in vm.config.hardware.device if isinstance(d, vim.vm.device.VirtualDisk))
        local = datastore_file(disk.backing.fileName)
        check(requests > 1 and hashlib.sha256(data).hexdigest() == sha256_file(local),
              f"lab-drop-download: resuming with Range got all {len(data)} bytes in {requests} requests")
        lease.HttpNfcLeaseAbort()
        check(lease.state == "error", "HttpNfcLeaseAbort -> state error")
    finally:
        set_power(vm, True)


def check_auth():
    try:
        Disconnect(connect(pwd=E["XMS_LAB_VC_PASSWORD"] + "-wrong"))
        raise Failed("a wrong password logged in")
    except vim.fault.InvalidLogin:
        check(True, "a wrong password is refused with InvalidLogin")
    Disconnect(connect(sslContext=unverified(), thumbprint=E["XMS_LAB_VC_THUMBPRINT"]))
    check(True, "a connection pinned to the right SHA-1 thumbprint logs in")
    try:
        Disconnect(connect(sslContext=unverified(), thumbprint="00:" * 19 + "00"))
        raise Failed("a connection pinned to a wrong thumbprint logged in")
    except (SoapAdapter.ThumbprintMismatchException, vim.fault.HostConnectFault) as e:
        check("thumbprint" in str(e), "a connection pinned to a wrong thumbprint is refused")


def main():
    missing = [v for v in ENV if not os.environ.get(v)]
    if missing:
        print(f"FAIL: lab env vars missing: {' '.join(missing)}\n"
              "      run tests/lab/vcsim/vcsim up, then: eval \"$(tests/lab/vcsim/vcsim env)\"", file=sys.stderr)
        return 1
    si = connect()
    print(f"ok: logged in to {E['XMS_LAB_VC_URL']} with TLS verified against {E['XMS_LAB_VC_CA_FILE']}")
    vms = {}
    try:
        vms = check_inventory(si)
        check_export(si, vms["lab-two-disks"])
        check_hooks(si, vms)
        check_auth()
    except Failed as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    finally:
        for vm in vms.values():  # leave the lab as `vcsim up` made it
            set_power(vm, True)
        Disconnect(si)
    print("PASS: vcsim smoke test")
    return 0


if __name__ == "__main__":
    E = os.environ
    sys.exit(main())
