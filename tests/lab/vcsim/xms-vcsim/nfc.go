package main

import (
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/soap"
	"github.com/vmware/govmomi/vim25/types"
)

// maybeServeDisk serves GET/HEAD /nfc/<lease>/disk-K.vmdk for export leases; other /nfc/ paths
// (the simulator's import leases) are left to the simulator.
func (x *exporter) maybeServeDisk(w http.ResponseWriter, r *http.Request) bool {
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/nfc/"), "/")
	if len(parts) != 2 {
		return false
	}
	v, ok := x.leases.Load(parts[0])
	if !ok {
		return false
	}
	lease := v.(*exportLease)
	log.Printf("nfc %s %s range=%q", r.Method, r.URL.Path, r.Header.Get("Range"))
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "only GET and HEAD", http.StatusMethodNotAllowed)
		return true
	}
	// Real hosts want the vCenter session cookie on NFC transfers too.
	if !x.validSession(r) {
		http.Error(w, "a valid "+soap.SessionCookieName+" cookie is required", http.StatusUnauthorized)
		return true
	}
	k, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(parts[1], "disk-"), ".vmdk"))
	if err != nil || parts[1] != fmt.Sprintf("disk-%d.vmdk", k) || k < 0 || k >= len(lease.files) {
		http.NotFound(w, r)
		return true
	}
	var state types.HttpNfcLeaseState
	simulator.Map.WithLock(lease, func() { state = lease.State })
	if state != types.HttpNfcLeaseStateReady { // done, aborted, failed or not yet ready
		http.NotFound(w, r)
		return true
	}
	f, err := os.Open(lease.files[k])
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return true
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return true
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	out := w
	if lease.drop {
		out = &cutWriter{ResponseWriter: w, max: x.dropAfter, ranged: r.Header.Get("Range") != ""}
	}
	http.ServeContent(out, r, parts[1], st.ModTime(), f) // handles HEAD and Range
	return true
}

// cutWriter drops the connection part-way through a response body: after max bytes, or half way
// through a whole-file GET that is shorter. A Range request of at most max bytes is served in full,
// so a client that resumes with Range gets the file; one that does not resume always fails.
type cutWriter struct {
	http.ResponseWriter
	max    int64
	ranged bool
	left   int64 // bytes still to send before the cut; -1: no cut
	init   bool
}

func (c *cutWriter) Write(p []byte) (int, error) {
	if !c.init {
		c.init = true
		n, _ := strconv.ParseInt(c.Header().Get("Content-Length"), 10, 64)
		switch {
		case n > c.max:
			c.left = c.max
		case !c.ranged && n >= 2:
			c.left = n / 2
		default:
			c.left = -1
		}
	}
	if c.left < 0 || int64(len(p)) < c.left {
		if c.left > 0 {
			c.left -= int64(len(p))
		}
		return c.ResponseWriter.Write(p)
	}
	_, _ = c.ResponseWriter.Write(p[:c.left])
	c.ResponseWriter.(http.Flusher).Flush()
	log.Printf("nfc: dropping the connection (lab-drop-* test hook)")
	panic(http.ErrAbortHandler) // net/http closes the connection without logging a stack
}

const currentSessionQuery = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>` +
	`<RetrieveProperties xmlns="urn:vim25"><_this type="PropertyCollector">propertyCollector</_this>` +
	`<specSet><propSet><type>SessionManager</type><pathSet>currentSession</pathSet></propSet>` +
	`<objectSet><obj type="SessionManager">SessionManager</obj></objectSet></specSet>` +
	`</RetrieveProperties></soapenv:Body></soapenv:Envelope>`

// validSession asks the simulator itself (in process) whether r's session cookie names a live session.
func (x *exporter) validSession(r *http.Request) bool {
	cookie, err := r.Cookie(soap.SessionCookieName)
	if err != nil {
		return false
	}
	q := httptest.NewRequest(http.MethodPost, "/sdk", strings.NewReader(currentSessionQuery))
	q.RemoteAddr = r.RemoteAddr // the simulator records these on the session
	q.Header.Set("User-Agent", r.UserAgent())
	q.AddCookie(cookie)
	res := httptest.NewRecorder()
	x.svc.ServeSDK(res, q)
	return res.Code == http.StatusOK && strings.Contains(res.Body.String(), "<name>currentSession</name>")
}
