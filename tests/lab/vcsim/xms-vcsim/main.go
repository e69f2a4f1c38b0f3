// Command xms-vcsim runs govmomi's vCenter simulator (Debian's govmomi 0.24.2) for the XMS lab:
// a VPX inventory served over TLS on a loopback address with the lab's own certificate,
// fixed credentials, and ExportVm/HttpNfcLease support (export.go, nfc.go) that 0.24.2 lacks, and
// VMware Tools network facts for lab VMs that carry them (guestinfo.go).
package main

import (
	"bytes"
	"context"
	"crypto/sha1"
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:18443", "loopback address:port to serve on")
	certFile := flag.String("cert", "", "PEM certificate to serve (required)")
	keyFile := flag.String("key", "", "PEM private key of -cert (required)")
	username := flag.String("username", "user", "the only user name that may log in")
	password := flag.String("password", "pass", "the password of -username")
	vms := flag.Int("vm", 2, "simulator VMs per resource pool (VPX has 2 pools: standalone host and cluster)")
	hosts := flag.Int("host", 3, "hosts per cluster")
	clusters := flag.Int("cluster", 1, "clusters per datacenter")
	standalone := flag.Int("standalone-host", 1, "standalone hosts per datacenter")
	leaseInit := flag.Duration("lease-init", 200*time.Millisecond, "how long an export lease stays 'initializing'")
	dropAfter := flag.Int64("drop-after", 1<<20, "bytes after which a lab-drop-* disk download is cut")
	trace := flag.Bool("trace", false, "log SOAP traffic to stderr")
	flag.Parse()
	if *certFile == "" || *keyFile == "" {
		log.Fatal("-cert and -key are required")
	}
	host, _, err := net.SplitHostPort(*listen)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		log.Fatalf("-listen %q: must be a loopback IP:port", *listen)
	}
	cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
	if err != nil {
		log.Fatalf("loading certificate: %v", err)
	}
	ln, err := net.Listen("tcp", *listen) // before building the inventory: a busy port fails fast
	if err != nil {
		log.Fatalf("listen: %v", err)
	}
	simulator.Trace = *trace
	// 0.24.2 only knows guest ids up to Debian 8; the lab's guests are Debian 10-12.
	simulator.GuestID = append(simulator.GuestID, "debian10_64Guest", "debian11_64Guest", "debian12_64Guest")

	model := simulator.VPX()
	model.Machine, model.ClusterHost, model.Cluster, model.Host = *vms, *hosts, *clusters, *standalone
	if err := model.Create(); err != nil {
		log.Fatalf("creating inventory: %v", err)
	}
	defer model.Remove() // deletes the datastore directories

	svc := model.Service
	svc.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	svc.Listen = &url.URL{Scheme: "https", Host: *listen, Path: "/sdk", User: url.UserPassword(*username, *password)}
	mux := registerHandlers(svc, *listen)

	ex := &exporter{svc: svc, thumbprint: thumbprint(cert.Certificate[0]), leaseInit: *leaseInit, dropAfter: *dropAfter}
	srv := &http.Server{Handler: &labHandler{mux: mux, ex: ex}, TLSConfig: svc.TLS}
	go func() {
		if err := srv.ServeTLS(ln, "", ""); err != http.ErrServerClosed {
			log.Fatalf("serve: %v", err)
		}
	}()

	// Machine-readable lines for tests/lab/vcsim/vcsim.
	for _, ds := range simulator.Map.All("Datastore") {
		fmt.Printf("XMS_VCSIM_DATASTORE %s %s\n", ds.Entity().Name, ds.(*simulator.Datastore).Info.GetDatastoreInfo().Url)
	}
	fmt.Printf("XMS_VCSIM_THUMBPRINT %s\n", ex.thumbprint)
	fmt.Printf("XMS_VCSIM_URL https://%s/sdk\n", *listen)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	log.Printf("stopping on %v", <-stop)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	if srv.Shutdown(ctx) != nil {
		_ = srv.Close() // a download still running must not keep the lab up
	}
}

// registerHandlers does what simulator.Service.NewServer does for the endpoints the lab uses,
// so that the lab owns the http.Server and can put labHandler in front of the simulator's mux.
func registerHandlers(svc *simulator.Service, hostPort string) *http.ServeMux {
	svc.RegisterSDK(simulator.Map) // creates svc.ServeMux with /sdk
	mux := svc.ServeMux
	mux.HandleFunc("/sdk/vimServiceVersions.xml", svc.ServiceVersions)
	mux.HandleFunc("/folder/", svc.ServeDatastore)
	mux.HandleFunc("/nfc/", simulator.ServeNFC) // the simulator's own import leases
	mux.HandleFunc("/about", svc.About)
	simulator.Map.SessionManager().ServiceHostName = hostPort
	return mux
}

// labHandler sends ExportVm and export-lease downloads to the exporter, all else to the simulator; after a
// power-on it lets VMware Tools "report" a lab VM's guest facts (guestinfo.go).
type labHandler struct {
	mux *http.ServeMux
	ex  *exporter
}

func (h *labHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/sdk":
		if h.ex.maybeExportVM(w, r) {
			return
		}
		body, _ := io.ReadAll(r.Body) // maybeExportVM read it once and put it back
		r.Body = io.NopCloser(bytes.NewReader(body))
		h.mux.ServeHTTP(w, r)
		applyGuestFactsAfter(body) // guestinfo.go
		return
	case strings.HasPrefix(r.URL.Path, "/nfc/"):
		if h.ex.maybeServeDisk(w, r) {
			return
		}
	}
	h.mux.ServeHTTP(w, r)
}

// thumbprint is the certificate's SHA-1 as vSphere shows it: upper-case hex pairs joined by colons.
func thumbprint(der []byte) string {
	sum := sha1.Sum(der)
	hex := make([]string, len(sum))
	for i, b := range sum {
		hex[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(hex, ":")
}
