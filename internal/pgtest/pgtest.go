// Package pgtest gives tests a PostgreSQL database: the server named by
// CLAIMTRAIL_TEST_POSTGRES (a DSN; .ci/run starts one and sets it), or a
// throwaway server started from the PostgreSQL binaries on the machine
// (initdb into a temporary folder, loopback port, fsync off). Tests skip
// when neither is available.
//
// When the tests run as root, the throwaway server runs as the "postgres"
// (or "nobody") system user, since PostgreSQL refuses to run as root.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// EnvDSN names the variable holding the DSN of a server to use.
const EnvDSN = "CLAIMTRAIL_TEST_POSTGRES"

var (
	shared     *Server
	sharedErr  error
	sharedOnce sync.Once
)

// DB returns the DSN of a new empty database for this test, dropped when
// the test ends; the test skips when no server is available.
func DB(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvDSN)
	if base == "" {
		sharedOnce.Do(func() { shared, sharedErr = Start(context.Background()) })
		if sharedErr != nil {
			if errors.Is(sharedErr, ErrNoBinaries) {
				t.Skipf("no PostgreSQL: %v (set %s or install PostgreSQL)", sharedErr, EnvDSN)
			}
			t.Fatalf("start PostgreSQL: %v", sharedErr)
		}
		base = shared.DSN("postgres")
	}
	return CreateDB(t, base)
}

// CreateDB creates a database with a random name on the server of base,
// drops it at the end of the test, and returns its DSN.
func CreateDB(t testing.TB, base string) string {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to test PostgreSQL: %v", err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 6)
	rand.Read(b)
	name := "claimtrail_test_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(ctx, base)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("bad DSN %q: %v", base, err)
	}
	u.Path = "/" + name
	return u.String()
}

// Main runs the tests and stops the throwaway server, if one was started;
// call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Stop()
	}
	os.Exit(code)
}

// ErrNoBinaries is returned by Start when PostgreSQL is not installed.
var ErrNoBinaries = errors.New("PostgreSQL binaries not found")

// Server is a throwaway PostgreSQL server.
type Server struct {
	bin, dir, data string
	port           int
	uid, gid       uint32
	asOther        bool
	cmd            *exec.Cmd
	done           chan struct{}
}

// BinDir finds the folder holding initdb and postgres: $CLAIMTRAIL_PG_BIN,
// the newest /usr/lib/postgresql/*/bin, or the PATH.
func BinDir() (string, error) {
	if d := os.Getenv("CLAIMTRAIL_PG_BIN"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	slices.SortFunc(dirs, func(a, b string) int {
		va, _ := strconv.Atoi(filepath.Base(filepath.Dir(a)))
		vb, _ := strconv.Atoi(filepath.Base(filepath.Dir(b)))
		return va - vb
	})
	for i := len(dirs) - 1; i >= 0; i-- {
		if _, err := os.Stat(filepath.Join(dirs[i], "initdb")); err == nil {
			return dirs[i], nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", ErrNoBinaries
}

// Start initialises a cluster in a temporary folder and starts a server
// on a free loopback port.
func Start(ctx context.Context) (*Server, error) {
	bin, err := BinDir()
	if err != nil {
		return nil, err
	}
	s := &Server{bin: bin}
	if os.Geteuid() == 0 {
		var u *user.User
		for _, name := range []string{"postgres", "nobody"} {
			if u, err = user.Lookup(name); err == nil {
				break
			}
		}
		if u == nil {
			return nil, fmt.Errorf("running as root and no postgres or nobody user to run PostgreSQL as")
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		s.uid, s.gid, s.asOther = uint32(uid), uint32(gid), true
	}
	if s.dir, err = os.MkdirTemp("", "claimtrail-pg-"); err != nil {
		return nil, err
	}
	s.data = filepath.Join(s.dir, "data")
	if s.asOther {
		if err := os.Chown(s.dir, int(s.uid), int(s.gid)); err != nil {
			return nil, fmt.Errorf("chown %s: %w", s.dir, err)
		}
	}
	init := s.command(ctx, "initdb", "-D", s.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync")
	if out, err := init.CombinedOutput(); err != nil {
		os.RemoveAll(s.dir)
		return nil, fmt.Errorf("initdb: %w: %s", err, out)
	}
	if s.port, err = freePort(); err != nil {
		return nil, err
	}
	if err := s.Restart(ctx); err != nil {
		s.Stop()
		return nil, err
	}
	return s, nil
}

func (s *Server) command(ctx context.Context, name string, arg ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, filepath.Join(s.bin, name), arg...)
	cmd.Dir = s.dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if s.asOther {
		cmd.SysProcAttr.Credential = &syscall.Credential{Uid: s.uid, Gid: s.gid}
	}
	return cmd
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// DSN is the address of database db on this server.
func (s *Server) DSN(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", s.port, db)
}

// Restart starts the server (again) on the same port and waits until it
// accepts connections.
func (s *Server) Restart(ctx context.Context) error {
	if s.cmd != nil {
		return fmt.Errorf("server already running")
	}
	cmd := s.command(context.Background(), "postgres", "-D", s.data, "-p", strconv.Itoa(s.port),
		"-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="+s.dir,
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=200", "-c", "shared_buffers=64MB")
	logf, err := os.OpenFile(filepath.Join(s.dir, "server.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		logf.Close()
		return fmt.Errorf("start postgres: %w", err)
	}
	s.cmd, s.done = cmd, make(chan struct{})
	go func() { cmd.Wait(); logf.Close(); close(s.done) }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		c, err := pgx.Connect(ctx, s.DSN("postgres"))
		if err == nil {
			c.Close(ctx)
			return nil
		}
		select {
		case <-s.done:
			log, _ := os.ReadFile(filepath.Join(s.dir, "server.log"))
			s.cmd = nil
			return fmt.Errorf("postgres exited: %s", log)
		default:
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres did not accept connections in 30s: %w", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Halt stops the server (fast shutdown: sessions are cut off) and waits
// for it to exit; Restart brings it back.
func (s *Server) Halt() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-s.done:
	case <-time.After(20 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
	s.cmd = nil
}

// Stop halts the server and removes its files.
func (s *Server) Stop() {
	s.Halt()
	os.RemoveAll(s.dir)
}
