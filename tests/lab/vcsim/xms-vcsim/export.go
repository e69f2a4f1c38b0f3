package main

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"path"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
	"github.com/vmware/govmomi/vim25/xml"
)

// Test hooks, chosen by VM name so tests need no side channel.
const (
	leaseErrorPrefix = "lab-lease-error" // the export lease goes to state "error" instead of "ready"
	dropPrefix       = "lab-drop-"       // every disk download is cut short (see nfc.go)
)

type exporter struct {
	svc        *simulator.Service
	thumbprint string        // SHA-1 of the served certificate, for deviceUrl[].sslThumbprint
	leaseInit  time.Duration // time a lease spends "initializing", as on a real host
	dropAfter  int64
	count      int64    // lease ids
	leases     sync.Map // lease id -> *exportLease
}

// exportLease is an HttpNfcLease over one VM's disks. The simulator's dispatcher calls its
// HttpNfcLease* methods and its PropertyCollector serves the embedded mo.HttpNfcLease.
type exportLease struct {
	mo.HttpNfcLease
	files    []string // local file behind disk-K.vmdk
	capacity []int64  // bytes, per disk
	drop     bool
}

// maybeExportVM answers the SOAP request if it is ExportVm; otherwise it leaves it to the simulator.
func (x *exporter) maybeExportVM(w http.ResponseWriter, r *http.Request) bool {
	body, err := io.ReadAll(r.Body)
	_ = r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err != nil || !bytes.Contains(body, []byte("ExportVm")) {
		return false
	}
	m, err := simulator.UnmarshalBody(types.TypeFunc(), body)
	if err != nil || m.Name != "ExportVm" {
		return false
	}
	if !x.validSession(r) {
		writeFault(w, "The session is not authenticated.",
			&types.NotAuthenticated{NoPermission: types.NoPermission{Object: m.This, PrivilegeId: "VApp.Export"}})
		return true
	}
	vm, ok := simulator.Map.Get(m.This).(*simulator.VirtualMachine)
	if !ok {
		writeFault(w, "managed object not found: "+m.This.String(), &types.ManagedObjectNotFound{Obj: m.This})
		return true
	}
	lease, fault := x.newLease(vm)
	if fault != nil {
		writeFault(w, fault.msg, fault.fault)
		return true
	}
	writeSOAP(w, http.StatusOK, fmt.Sprintf(`<ExportVmResponse xmlns="urn:vim25">`+
		`<returnval type="HttpNfcLease">%s</returnval></ExportVmResponse>`, lease.Self.Value))
	return true
}

type methodFault struct {
	msg   string
	fault types.BaseMethodFault
}

func (x *exporter) newLease(vm *simulator.VirtualMachine) (*exportLease, *methodFault) {
	id := fmt.Sprintf("lease-%d", atomic.AddInt64(&x.count, 1))
	ref := types.ManagedObjectReference{Type: "HttpNfcLease", Value: id}
	info := &types.HttpNfcLeaseInfo{Lease: ref, Entity: vm.Self, LeaseTimeout: 300}
	lease := &exportLease{HttpNfcLease: mo.HttpNfcLease{Self: ref, Mode: "pushOrGet", Info: info,
		State: types.HttpNfcLeaseStateInitializing}}
	var name string
	var fault *methodFault
	simulator.Map.WithLock(vm, func() {
		name = vm.Name
		if state := vm.Runtime.PowerState; state != types.VirtualMachinePowerStatePoweredOff {
			fault = &methodFault{"The attempted operation cannot be performed in the current state (Powered on).",
				&types.InvalidPowerState{RequestedState: types.VirtualMachinePowerStatePoweredOff, ExistingState: state}}
			return
		}
		devices := object.VirtualDeviceList(vm.Config.Hardware.Device)
		for _, d := range devices.SelectByType((*types.VirtualDisk)(nil)) {
			disk := d.(*types.VirtualDisk)
			backing, _ := disk.Backing.(types.BaseVirtualDeviceFileBackingInfo)
			if backing == nil {
				continue
			}
			dsPath := backing.GetVirtualDeviceFileBackingInfo().FileName
			file, err := datastoreFile(vm, dsPath)
			var st os.FileInfo
			if err == nil {
				st, err = os.Stat(file)
			}
			if err != nil {
				fault = &methodFault{err.Error(), &types.FileNotFound{FileFault: types.FileFault{File: dsPath}}}
				return
			}
			info.DeviceUrl = append(info.DeviceUrl, types.HttpNfcLeaseDeviceUrl{
				Key:           deviceKey(vm.Self, devices, disk),
				Url:           fmt.Sprintf("https://*/nfc/%s/disk-%d.vmdk", id, len(lease.files)),
				SslThumbprint: x.thumbprint,
				Disk:          types.NewBool(true),
				TargetId:      fmt.Sprintf("disk-%d.vmdk", len(lease.files)),
				FileSize:      st.Size(),
			})
			info.TotalDiskCapacityInKB += disk.CapacityInKB
			lease.files = append(lease.files, file)
			lease.capacity = append(lease.capacity, disk.CapacityInKB*1024)
		}
	})
	if fault != nil {
		return nil, fault
	}
	lease.drop = strings.HasPrefix(name, dropPrefix)
	simulator.Map.Put(lease)
	x.leases.Store(id, lease)
	log.Printf("ExportVm %s (%s): %s with %d disk(s)", name, vm.Self.Value, id, len(lease.files))

	fail := strings.HasPrefix(name, leaseErrorPrefix)
	time.AfterFunc(x.leaseInit, func() {
		simulator.Map.WithLock(lease, func() {
			if lease.State != types.HttpNfcLeaseStateInitializing {
				return // aborted meanwhile
			}
			if fail {
				msg := fmt.Sprintf("xms-lab: simulated export failure for VM %s", name)
				setState(lease, types.HttpNfcLeaseStateError, localizedFault(msg, &types.SystemError{Reason: msg}))
				return
			}
			simulator.Map.Update(lease, []types.PropertyChange{{Name: "initializeProgress", Val: int32(100)}})
			setState(lease, types.HttpNfcLeaseStateReady, nil)
		})
	})
	return lease, nil
}

// datastoreFile maps "[ds] dir/file.vmdk" to the simulator's local file.
func datastoreFile(vm *simulator.VirtualMachine, dsPath string) (string, error) {
	var p object.DatastorePath
	if !p.FromString(dsPath) {
		return "", fmt.Errorf("not a datastore path: %q", dsPath)
	}
	ds, ok := simulator.Map.FindByName(p.Datastore, vm.Datastore).(*simulator.Datastore)
	if !ok {
		return "", fmt.Errorf("datastore %q not found for %q", p.Datastore, dsPath)
	}
	return path.Join(ds.Info.GetDatastoreInfo().Url, p.Path), nil
}

// deviceKey names a disk as vSphere's export leases do, e.g. "/vm-42/VirtualLsiLogicController0:0".
func deviceKey(vm types.ManagedObjectReference, devices object.VirtualDeviceList, disk *types.VirtualDisk) string {
	unit := int32(0)
	if disk.UnitNumber != nil {
		unit = *disk.UnitNumber
	}
	ctrl, ok := devices.FindByKey(disk.ControllerKey).(types.BaseVirtualController)
	if !ok {
		return fmt.Sprintf("/%s/%d", vm.Value, disk.Key)
	}
	kind := reflect.TypeOf(ctrl).Elem().Name()
	return fmt.Sprintf("/%s/%s%d:%d", vm.Value, kind, ctrl.GetVirtualController().BusNumber, unit)
}

func localizedFault(msg string, f types.BaseMethodFault) *types.LocalizedMethodFault {
	return &types.LocalizedMethodFault{Fault: f, LocalizedMessage: msg}
}

// setState changes the lease so that PropertyCollector filters and WaitForUpdates see it.
func setState(l *exportLease, state types.HttpNfcLeaseState, fault *types.LocalizedMethodFault) {
	changes := []types.PropertyChange{{Name: "state", Val: state}}
	if fault != nil {
		changes = append(changes, types.PropertyChange{Name: "error", Val: fault})
	}
	simulator.Map.Update(l, changes)
}

func notReady(l *exportLease) *soap.Fault {
	return simulator.Fault(fmt.Sprintf("lease %s is %s", l.Self.Value, l.State), &types.InvalidState{})
}

func (l *exportLease) HttpNfcLeaseProgress(_ *simulator.Context, req *types.HttpNfcLeaseProgress) soap.HasFault {
	if l.State != types.HttpNfcLeaseStateReady {
		return &methods.HttpNfcLeaseProgressBody{Fault_: notReady(l)}
	}
	simulator.Map.Update(l, []types.PropertyChange{{Name: "transferProgress", Val: req.Percent}})
	return &methods.HttpNfcLeaseProgressBody{Res: new(types.HttpNfcLeaseProgressResponse)}
}

func (l *exportLease) HttpNfcLeaseComplete(_ *simulator.Context, _ *types.HttpNfcLeaseComplete) soap.HasFault {
	if l.State != types.HttpNfcLeaseStateReady {
		return &methods.HttpNfcLeaseCompleteBody{Fault_: notReady(l)}
	}
	setState(l, types.HttpNfcLeaseStateDone, nil)
	return &methods.HttpNfcLeaseCompleteBody{Res: new(types.HttpNfcLeaseCompleteResponse)}
}

func (l *exportLease) HttpNfcLeaseAbort(_ *simulator.Context, req *types.HttpNfcLeaseAbort) soap.HasFault {
	if l.State != types.HttpNfcLeaseStateReady && l.State != types.HttpNfcLeaseStateInitializing {
		return &methods.HttpNfcLeaseAbortBody{Fault_: notReady(l)}
	}
	fault := req.Fault
	if fault == nil {
		fault = localizedFault("The operation was canceled by the client.", &types.RequestCanceled{})
	}
	setState(l, types.HttpNfcLeaseStateError, fault)
	return &methods.HttpNfcLeaseAbortBody{Res: new(types.HttpNfcLeaseAbortResponse)}
}

func (l *exportLease) HttpNfcLeaseGetManifest(_ *simulator.Context, _ *types.HttpNfcLeaseGetManifest) soap.HasFault {
	if l.State != types.HttpNfcLeaseStateReady {
		return &methods.HttpNfcLeaseGetManifestBody{Fault_: notReady(l)}
	}
	res := new(types.HttpNfcLeaseGetManifestResponse)
	for i, file := range l.files {
		sum, size, err := sha1File(file)
		if err != nil {
			return &methods.HttpNfcLeaseGetManifestBody{Fault_: simulator.Fault(err.Error(), &types.FileNotFound{})}
		}
		res.Returnval = append(res.Returnval, types.HttpNfcLeaseManifestEntry{Key: l.Info.DeviceUrl[i].Key,
			Sha1: sum, Size: size, Disk: true, Capacity: l.capacity[i], PopulatedSize: size})
	}
	return &methods.HttpNfcLeaseGetManifestBody{Res: res}
}

func sha1File(name string) (string, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha1.New()
	n, err := io.Copy(h, f)
	return hex.EncodeToString(h.Sum(nil)), n, err
}

func writeSOAP(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `%s<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" `+
		`xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`+
		`<soapenv:Body>%s</soapenv:Body></soapenv:Envelope>`, xml.Header, body)
}

// writeFault sends a vSphere-style fault: <detail><XFault xsi:type="X">fields</XFault></detail>.
func writeFault(w http.ResponseWriter, msg string, fault types.BaseMethodFault) {
	kind := reflect.TypeOf(fault).Elem().Name()
	var detail, text bytes.Buffer
	start := xml.StartElement{Name: xml.Name{Local: kind + "Fault"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "xmlns"}, Value: "urn:vim25"}, {Name: xml.Name{Local: "xsi:type"}, Value: kind}}}
	if err := xml.NewEncoder(&detail).EncodeElement(fault, start); err != nil {
		log.Printf("encoding %s: %v", kind, err)
	}
	_ = xml.EscapeText(&text, []byte(msg))
	writeSOAP(w, http.StatusInternalServerError, fmt.Sprintf(`<soapenv:Fault><faultcode>ServerFaultCode</faultcode>`+
		`<faultstring>%s</faultstring><detail>%s</detail></soapenv:Fault>`, text.String(), detail.String()))
}
