#!/usr/bin/python3
"""Create the lab's VMs in the vCenter simulator and power them on (idempotent).

Run by `tests/lab/vcsim/vcsim up` with the XMS_LAB_VC_* and XMS_LAB_GUEST_* / XMS_LAB_DATA_DISK_VMDK
variables set. Each VM gets disks whose capacity is the image's virtual size; the image's
streamOptimized VMDK is then PUT over the disk's datastore file, so an export hands out the real bytes.
"""
import http.client
import json
import os
import ssl
import subprocess
import sys
import time

from pyVim.connect import SmartConnect, Disconnect
from pyVmomi import vim

STANDARD_NET = "VM Network"
DISTRIBUTED_NET = "DC0_DVPG0"  # a distributed port group: clients must resolve its name from portgroupKey


# What VMware Tools would report (guest.net, guest.ipStack, guest.hostName); the launcher applies it when
# the VM powers on (xms-vcsim/guestinfo.go). NIC 0 is the VM's first NIC. The static guest image
# (tests/lab/guest/build-images, STATIC_*) configures the same host name, address and gateway on ens192:
# change both together.
STATIC_GUEST = {
    "hostName": "lab-debian-static",
    "domainName": "lab.example",
    "dns": ["10.10.0.2", "10.10.0.3"],
    "gateway": "10.10.0.1",
    "nics": [{"addresses": ["10.10.0.200/24", "fe80::250:56ff:fe3a:600/64"]}],
}


def env(name):
    value = os.environ.get(name)
    if not value:
        sys.exit(f"make-lab-vms: {name} is not set (run tests/lab/guest/guest up, then tests/lab/vcsim/vcsim up)")
    return value


def lab_vms():
    bios, uefi, static, data = (env("XMS_LAB_GUEST_BIOS_VMDK"), env("XMS_LAB_GUEST_UEFI_VMDK"),
                                env("XMS_LAB_GUEST_STATIC_VMDK"), env("XMS_LAB_DATA_DISK_VMDK"))
    return [
        dict(name="lab-debian-bios", firmware="bios", cpus=1, mb=2048, disks=[bios], nets=[STANDARD_NET]),
        dict(name="lab-debian-uefi", firmware="efi", cpus=1, mb=2048, disks=[uefi], nets=[STANDARD_NET]),
        dict(name="lab-two-disks", firmware="bios", cpus=2, mb=2048, disks=[bios, data],
             nets=[STANDARD_NET, DISTRIBUTED_NET]),
        # Failure hooks of the launcher (xms-vcsim/export.go, nfc.go), chosen by name.
        dict(name="lab-lease-error", firmware="bios", cpus=1, mb=512, disks=[data], nets=[STANDARD_NET]),
        dict(name="lab-drop-download", firmware="bios", cpus=1, mb=512, disks=[data], nets=[STANDARD_NET]),
        # VMware Tools reports a static address on internal-subnet's range (tests/lab/cloud/fixtures.py) for
        # its NIC: keep-ip's source. Its guest configures that address itself, on ens192: the name Linux
        # gives a vmxnet3 NIC in PCI slot 192, where ESXi puts a VM's first NIC (slotInfo).
        dict(name="lab-debian-static", firmware="bios", cpus=1, mb=1024, disks=[static], nets=[STANDARD_NET],
             pci_slots=[192], guest=STATIC_GUEST),
    ]


def virtual_size(vmdk):
    out = subprocess.run(["qemu-img", "info", "--output=json", vmdk], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["virtual-size"]


def wait(task):
    while task.info.state in (vim.TaskInfo.State.queued, vim.TaskInfo.State.running):
        time.sleep(0.1)
    if task.info.state != vim.TaskInfo.State.success:
        raise RuntimeError(f"task failed: {task.info.error}")
    return task.info.result


def find(content, path):
    """Look up "DC0/vm/NAME"-style inventory paths (one call, also in a 1000-VM inventory)."""
    return content.searchIndex.FindByInventoryPath(f"{env('XMS_LAB_VC_DATACENTER')}/{path}")


def mac_of(index, vm_index):
    return f"00:50:56:3a:{vm_index:02x}:{index:02x}"  # VMware's manual range, unique per lab VM and NIC


def nic_spec(index, vm_index, net, content, pci_slot=None):
    mac = mac_of(index, vm_index)
    obj = find(content, f"network/{net}")
    if isinstance(obj, vim.dvs.DistributedVirtualPortgroup):
        card = vim.vm.device.VirtualE1000()
        card.backing = vim.vm.device.VirtualEthernetCard.DistributedVirtualPortBackingInfo(
            port=vim.dvs.PortConnection(switchUuid=obj.config.distributedVirtualSwitch.uuid, portgroupKey=obj.key))
    else:
        card = vim.vm.device.VirtualVmxnet3()
        card.backing = vim.vm.device.VirtualEthernetCard.NetworkBackingInfo(deviceName=net, network=obj)
    card.key = -200 - index
    # The labels vSphere gives; the simulator would make up "ethernet--7".
    card.deviceInfo = vim.Description(label=f"Network adapter {index + 1}", summary=net)
    card.addressType = "manual"
    card.macAddress = mac
    card.connectable = vim.vm.device.VirtualDevice.ConnectInfo(startConnected=True, connected=True)
    if pci_slot is not None:  # what ESXi records; the guest's NIC name (ens<slot>) follows from it
        card.slotInfo = vim.vm.device.VirtualDevice.PciBusSlotInfo(pciSlotNumber=pci_slot)
    return vim.vm.device.VirtualDeviceSpec(operation="add", device=card)


def config_spec(spec, vm_index, content):
    changes = [vim.vm.device.VirtualDeviceSpec(operation="add", device=vim.vm.device.ParaVirtualSCSIController(
        key=-100, busNumber=0, sharedBus="noSharing"))]
    for unit, vmdk in enumerate(spec["disks"]):
        size = virtual_size(vmdk)
        disk = vim.vm.device.VirtualDisk(
            key=-150 - unit, controllerKey=-100, unitNumber=unit,
            capacityInKB=(size + 1023) // 1024, capacityInBytes=size,
            backing=vim.vm.device.VirtualDisk.FlatVer2BackingInfo(diskMode="persistent", thinProvisioned=True),
            deviceInfo=vim.Description(label=f"Hard disk {unit + 1}", summary=f"{(size + 1023) // 1024:,} KB"))
        changes.append(vim.vm.device.VirtualDeviceSpec(operation="add", fileOperation="create", device=disk))
    slots = spec.get("pci_slots", [])
    for index, net in enumerate(spec["nets"]):
        changes.append(nic_spec(index, vm_index, net, content, slots[index] if index < len(slots) else None))
    extra = []
    if "guest" in spec:
        guest = dict(spec["guest"])
        for i, nic in enumerate(guest["nics"]):
            nic["mac"] = mac_of(i, vm_index)
        extra.append(vim.option.OptionValue(key="xms.lab.guest", value=json.dumps(guest)))
    return vim.vm.ConfigSpec(
        name=spec["name"], guestId="debian12_64Guest", numCPUs=spec["cpus"], memoryMB=spec["mb"],
        firmware=spec["firmware"], files=vim.vm.FileInfo(vmPathName=f"[{os.environ['XMS_LAB_VC_DATASTORE']}]"),
        deviceChange=changes, extraConfig=extra)


def upload(si, ds_path, local):
    """PUT a local file over a datastore file through the simulator's /folder endpoint."""
    ds, rel = ds_path[1:].split("] ", 1)
    url = f"/folder/{rel}?dcPath={os.environ['XMS_LAB_VC_DATACENTER']}&dsName={ds}"
    ctx = ssl.create_default_context(cafile=env("XMS_LAB_VC_CA_FILE"))
    conn = http.client.HTTPSConnection(env("XMS_LAB_VC_HOST"), int(env("XMS_LAB_VC_PORT")), context=ctx,
                                       blocksize=1 << 20)
    with open(local, "rb") as f:
        conn.request("PUT", url, body=f, headers={"Content-Length": str(os.path.getsize(local)),
                                                  "Cookie": si._stub.cookie.split(";")[0]})
        res = conn.getresponse()
        res.read()
    if res.status != 200:
        raise RuntimeError(f"PUT {url}: HTTP {res.status}")


def main():
    ctx = ssl.create_default_context(cafile=env("XMS_LAB_VC_CA_FILE"))
    si = SmartConnect(host=env("XMS_LAB_VC_HOST"), port=int(env("XMS_LAB_VC_PORT")), user=env("XMS_LAB_VC_USER"),
                      pwd=env("XMS_LAB_VC_PASSWORD"), sslContext=ctx)
    try:
        content = si.RetrieveContent()
        dc = content.searchIndex.FindByInventoryPath(env("XMS_LAB_VC_DATACENTER"))
        host = find(content, "host/DC0_H0/DC0_H0")
        if dc is None or host is None:
            sys.exit("make-lab-vms: DC0 / DC0_H0 not in the inventory; start the simulator with -standalone-host 1")
        for vm_index, spec in enumerate(lab_vms(), start=1):
            vm = find(content, f"vm/{spec['name']}")
            if vm is None:
                vm = wait(dc.vmFolder.CreateVM_Task(config=config_spec(spec, vm_index, content),
                                                    pool=host.parent.resourcePool, host=host))
                disks = [d for d in vm.config.hardware.device if isinstance(d, vim.vm.device.VirtualDisk)]
                for disk, vmdk in zip(disks, spec["disks"]):
                    upload(si, disk.backing.fileName, vmdk)
                print(f"make-lab-vms: created {spec['name']} ({vm._moId}) with {len(disks)} disk(s)")
            if vm.runtime.powerState != vim.VirtualMachinePowerState.poweredOn:
                wait(vm.PowerOnVM_Task())
    finally:
        Disconnect(si)


if __name__ == "__main__":
    main()
