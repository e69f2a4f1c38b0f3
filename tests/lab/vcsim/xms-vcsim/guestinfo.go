package main

import (
	"bytes"
	"encoding/json"
	"log"
	"net"
	"strconv"
	"strings"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

// guestFactsKey is the extraConfig key make-lab-vms.py gives a lab VM whose guest "runs VMware Tools":
// JSON with what Tools would report. 0.24.2's simulator only knows SET.guest.ipAddress (one address, no
// prefix, gateway or DNS), so the launcher fills guest.net, guest.ipStack and guest.hostName itself
// when the VM powers on, as Tools does once the guest is up. The facts stay after a power-off.
const guestFactsKey = "xms.lab.guest"

type guestFacts struct {
	HostName   string   `json:"hostName"`
	DomainName string   `json:"domainName"`
	DNS        []string `json:"dns"`
	Gateway    string   `json:"gateway"` // the IPv4 default route, through the first NIC
	Nics       []struct {
		Mac       string   `json:"mac"`
		Addresses []string `json:"addresses"` // with prefix: "10.10.0.50/24"
	} `json:"nics"`
}

// applyGuestFactsAfter looks at a SOAP request the simulator has just served: after PowerOnVM_Task of a
// VM with guest facts, Tools "reports" them.
func applyGuestFactsAfter(body []byte) {
	if !bytes.Contains(body, []byte("PowerOnVM_Task")) {
		return
	}
	m, err := simulator.UnmarshalBody(types.TypeFunc(), body)
	if err != nil || m.Name != "PowerOnVM_Task" {
		return
	}
	if vm, ok := simulator.Map.Get(m.This).(*simulator.VirtualMachine); ok {
		applyGuestFacts(vm)
	}
}

func applyGuestFacts(vm *simulator.VirtualMachine) {
	simulator.Map.WithLock(vm, func() {
		var facts guestFacts
		found := false
		for _, o := range vm.Config.ExtraConfig {
			v := o.GetOptionValue()
			if s, ok := v.Value.(string); ok && v.Key == guestFactsKey {
				if err := json.Unmarshal([]byte(s), &facts); err != nil {
					log.Printf("%s: bad %s: %v", vm.Name, guestFactsKey, err)
					return
				}
				found = true
			}
		}
		if !found {
			return
		}
		dns := &types.NetDnsConfigInfo{HostName: facts.HostName, DomainName: facts.DomainName, IpAddress: facts.DNS}
		nics := append([]types.GuestNicInfo(nil), vm.Guest.Net...)
		first := ""
		for i := range nics {
			for _, f := range facts.Nics {
				if !strings.EqualFold(f.Mac, nics[i].MacAddress) {
					continue
				}
				nics[i].IpAddress = nil
				nics[i].IpConfig = &types.NetIpConfigInfo{}
				for _, a := range f.Addresses {
					ip, ipnet, err := net.ParseCIDR(a)
					if err != nil {
						log.Printf("%s: bad address %q: %v", vm.Name, a, err)
						continue
					}
					prefix, _ := ipnet.Mask.Size()
					nics[i].IpAddress = append(nics[i].IpAddress, ip.String())
					nics[i].IpConfig.IpAddress = append(nics[i].IpConfig.IpAddress, types.NetIpConfigInfoIpAddress{
						IpAddress: ip.String(), PrefixLength: int32(prefix), Origin: "manual", State: "preferred"})
					if first == "" && ip.To4() != nil {
						first = ip.String()
					}
				}
				nics[i].DnsConfig = dns
				nics[i].Connected = true
			}
		}
		stack := []types.GuestStackInfo{{DnsConfig: dns}}
		if facts.Gateway != "" {
			stack[0].IpRouteConfig = &types.NetIpRouteConfigInfo{IpRoute: []types.NetIpRouteConfigInfoIpRoute{{
				Network: "0.0.0.0", PrefixLength: 0,
				Gateway: types.NetIpRouteConfigInfoGateway{IpAddress: facts.Gateway, Device: strconv.Itoa(0)}}}}
		}
		running := string(types.VirtualMachineToolsRunningStatusGuestToolsRunning)
		simulator.Map.Update(vm, []types.PropertyChange{
			{Name: "guest.net", Val: nics},
			{Name: "guest.ipStack", Val: stack},
			{Name: "guest.hostName", Val: facts.HostName},
			{Name: "guest.ipAddress", Val: first},
			{Name: "guest.toolsRunningStatus", Val: running},
			{Name: "guest.toolsStatus", Val: types.VirtualMachineToolsStatusToolsOk},
			{Name: "summary.guest.hostName", Val: facts.HostName},
			{Name: "summary.guest.ipAddress", Val: first},
			{Name: "summary.guest.toolsRunningStatus", Val: running},
		})
		log.Printf("%s: VMware Tools reports %s, %s", vm.Name, facts.HostName, first)
	})
}
