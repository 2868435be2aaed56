#!/usr/bin/env bash
# variants: release
# prongsai deploy against real servers on 127.0.0.1, each started once:
# OpenSSH's sshd (internal-sftp, a test user with a key), vsftpd with
# explicit TLS (a self-signed certificate trusted through ca_file), Apache
# mod_dav (basic auth; its site on a small tmpfs) and s3rver (npm) for the
# S3 API.  cron/rebuild builds the mini fixture and deploys it (the config
# switch).  Per target: the site fetched back is public/ byte for byte; a
# second run sends nothing; after one file changed, one added and one
# removed only those travel, assets before pages before index pages,
# deletions last; --dry-run lists them and changes nothing.  Then: a
# deploy killed mid-run resumes and sends nothing twice; a wrong password
# fails naming the target and file and changes nothing; a full remote disk
# fails clearly with the old manifest in place; the configuration's mode
# is checked; no secret reaches any output.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
cd "$TOP" || exit 1
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY PRONGSAI_DEPLOY_CONFIG
export no_proxy=127.0.0.1,localhost
for b in /usr/sbin/sshd /usr/sbin/vsftpd /usr/sbin/apache2 /usr/bin/htpasswd /usr/bin/openssl \
	"$TOP/node_modules/.bin/s3rver"; do
	[ -x "$b" ] || { fail "$b is missing (make deps-test deps-node)"; finish; }
done
if [ "$(id -u)" -ne 0 ]; then
	fail "needs root: sshd and vsftpd log a test user in, the WebDAV site is a tmpfs"
	finish
fi

# Configurations (secrets) must live outside the checkout, and the test
# user must reach the servers' folders: both go to a private /tmp folder.
SEC=$(mktemp -d /tmp/prongsai-deploy.XXXXXX)
chmod 755 "$SEC"
PIDS=()
MOUNTED=""
cleanup() {
	local p
	for p in "${PIDS[@]}"; do kill -TERM -- "-$p" 2>/dev/null || kill "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	ws_stop
	[ -z "$MOUNTED" ] || umount "$MOUNTED" 2>/dev/null
	rm -rf "$SEC"
}
trap cleanup EXIT

U=prongsai-deploy-test
PASS=$(openssl rand -hex 12)
id "$U" >/dev/null 2>&1 || useradd -M -d / -s /bin/sh "$U" || { fail "useradd $U"; finish; }
usermod -d / "$U" # vsftpd enters the home before local_root
echo "$U:$PASS" | chpasswd

# ---- the servers ----
wait_port() { # PORT NAME
	local i
	for i in $(seq 200); do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.05
	done
	fail "$2 did not start on port $1"
	cat "$SEC"/*.log >&2 2>/dev/null
	finish
}
# four free ports at once (one python3 start)
read -r P_S3 P_SSH P_FTP P_DAV < <(python3 -c '
import socket
ss = [socket.socket() for _ in range(4)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')
# s3rver (npm): the bucket "site"; its own keys S3RVER/S3RVER
mkdir -p "$SEC/s3"
setsid node "$TOP/node_modules/.bin/s3rver" -d "$SEC/s3" -a 127.0.0.1 -p "$P_S3" --silent \
	--configure-bucket site >"$SEC/s3rver.log" 2>&1 &
PIDS+=($!)

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
	-keyout "$SEC/tls.key" -out "$SEC/tls.pem" 2>/dev/null

# sshd: host key, the user's key, internal-sftp
mkdir -p "$SEC/sftp-site" /run/sshd
chown "$U" "$SEC/sftp-site"
ssh-keygen -q -t ed25519 -N '' -f "$SEC/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$SEC/user_key"
cp "$SEC/user_key.pub" "$SEC/authorized_keys"
HOSTFP=$(ssh-keygen -l -E sha256 -f "$SEC/host_key.pub" | awk '{print $2}')
cat >"$SEC/sshd_config" <<EOF
Port $P_SSH
ListenAddress 127.0.0.1
HostKey $SEC/host_key
PidFile $SEC/sshd.pid
AuthorizedKeysFile $SEC/authorized_keys
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowUsers $U
Subsystem sftp internal-sftp
EOF
setsid /usr/sbin/sshd -D -e -f "$SEC/sshd_config" >"$SEC/sshd.log" 2>&1 &
PIDS+=($!)

# vsftpd: explicit TLS required, the user chrooted to ftp-site
mkdir -p "$SEC/ftp-site" "$SEC/ftp-empty"
chown "$U" "$SEC/ftp-site"
cat >"$SEC/vsftpd.conf" <<EOF
listen=YES
listen_address=127.0.0.1
listen_port=$P_FTP
background=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
local_root=$SEC/ftp-site
chroot_local_user=YES
allow_writeable_chroot=YES
secure_chroot_dir=$SEC/ftp-empty
ssl_enable=YES
force_local_logins_ssl=YES
force_local_data_ssl=YES
require_ssl_reuse=NO
strict_ssl_read_eof=NO
strict_ssl_write_shutdown=NO
rsa_cert_file=$SEC/tls.pem
rsa_private_key_file=$SEC/tls.key
pasv_enable=YES
pasv_address=127.0.0.1
pam_service_name=vsftpd
userlist_enable=NO
seccomp_sandbox=NO
isolate=NO
isolate_network=NO
delay_failed_login=0
vsftpd_log_file=$SEC/vsftpd.log
EOF
setsid /usr/sbin/vsftpd "$SEC/vsftpd.conf" >"$SEC/vsftpd.out.log" 2>&1 &
PIDS+=($!)

# Apache mod_dav: its own ServerRoot; the site on a 4 MiB tmpfs
mkdir -p "$SEC/dav/site" "$SEC/dav/lock"
mount -t tmpfs -o size=4m,uid=33,gid=33,mode=0755 tmpfs "$SEC/dav/site" || { fail "mount tmpfs"; finish; }
MOUNTED=$SEC/dav/site
chown www-data:www-data "$SEC/dav/lock"
htpasswd -bc "$SEC/dav/htpasswd" "$U" "$PASS" 2>/dev/null
M=/usr/lib/apache2/modules
cat >"$SEC/dav/apache.conf" <<EOF
ServerRoot "$SEC/dav"
DefaultRuntimeDir "$SEC/dav"
PidFile "$SEC/dav/apache.pid"
Listen 127.0.0.1:$P_DAV
ServerName 127.0.0.1:$P_DAV
<IfModule !mpm_event_module>
	LoadModule mpm_event_module $M/mod_mpm_event.so
</IfModule>
<IfModule !unixd_module>
	LoadModule unixd_module $M/mod_unixd.so
</IfModule>
<IfModule !authz_core_module>
	LoadModule authz_core_module $M/mod_authz_core.so
</IfModule>
<IfModule !authn_core_module>
	LoadModule authn_core_module $M/mod_authn_core.so
</IfModule>
<IfModule !authn_file_module>
	LoadModule authn_file_module $M/mod_authn_file.so
</IfModule>
<IfModule !authz_user_module>
	LoadModule authz_user_module $M/mod_authz_user.so
</IfModule>
<IfModule !auth_basic_module>
	LoadModule auth_basic_module $M/mod_auth_basic.so
</IfModule>
<IfModule !mime_module>
	LoadModule mime_module $M/mod_mime.so
</IfModule>
<IfModule !dav_module>
	LoadModule dav_module $M/mod_dav.so
</IfModule>
<IfModule !dav_fs_module>
	LoadModule dav_fs_module $M/mod_dav_fs.so
</IfModule>
User www-data
Group www-data
ErrorLog "$SEC/dav/error.log"
TypesConfig /etc/mime.types
DocumentRoot "$SEC/dav/site"
DavLockDB "$SEC/dav/lock/DavLock"
<Directory "$SEC/dav/site">
	Dav On
	AuthType Basic
	AuthName deploy
	AuthUserFile "$SEC/dav/htpasswd"
	Require valid-user
</Directory>
EOF
setsid /usr/sbin/apache2 -f "$SEC/dav/apache.conf" -DFOREGROUND >"$SEC/apache.log" 2>&1 &
PIDS+=($!)

wait_port "$P_SSH" sshd
wait_port "$P_FTP" vsftpd
wait_port "$P_DAV" apache
wait_port "$P_S3" s3rver

# ---- configurations (0600, outside the checkout) ----
conf() { # NAME: stdin to $SEC/NAME.yaml, mode 600
	cat >"$SEC/$1.yaml"
	chmod 600 "$SEC/$1.yaml"
}
conf sftp <<EOF
type: sftp
url: sftp://127.0.0.1:$P_SSH$SEC/sftp-site/www/
username: $U
private_key: $SEC/user_key
host_key_sha256: "$HOSTFP"
EOF
conf ftps <<EOF
type: ftps
url: ftp://127.0.0.1:$P_FTP/www/
username: $U
password: $PASS
ca_file: $SEC/tls.pem
EOF
conf webdav <<EOF
type: webdav
url: http://127.0.0.1:$P_DAV/www/
username: $U
password: $PASS
EOF
conf s3 <<EOF
type: s3
url: http://127.0.0.1:$P_S3/site/www/
access_key_id: S3RVER
secret_access_key: S3RVER
cache_pages: "public, max-age=60"
EOF
# where each target keeps the files (s3: fetched back over the S3 API)
REMOTE_sftp=$SEC/sftp-site/www
REMOTE_ftps=$SEC/ftp-site/www
REMOTE_webdav=$SEC/dav/site/www
TARGETS="sftp ftps webdav s3"
PUB=$TEST_OUT/public
LOG=$TEST_OUT/logs
mkdir -p "$LOG"

s3get() { # KEY OUTFILE [curl args]: a signed GET from the bucket
	local key=$1 out=$2
	shift 2
	curl -s -f --aws-sigv4 aws:amz:us-east-1:s3 --user S3RVER:S3RVER -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" \
		-o "$out" "$@" "http://127.0.0.1:$P_S3/site/www/$key"
}
# same_site TARGET WHAT: the target holds exactly public/ (plus its manifest)
same_site() {
	local t=$1 f bad=0
	if [ "$t" = s3 ]; then
		# one curl for every file (a process per file is slow on a busy machine)
		rm -rf "$TEST_OUT/s3back"
		(cd "$PUB" && find . -type f | sed 's|^\./||') | while IFS= read -r f; do
			printf 'url = "http://127.0.0.1:%s/site/www/%s"\noutput = "%s/s3back/%s"\n' "$P_S3" "$f" "$TEST_OUT" "$f"
		done >"$TEST_OUT/s3back.curl"
		curl -s -f --create-dirs --aws-sigv4 aws:amz:us-east-1:s3 --user S3RVER:S3RVER \
			-H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -K "$TEST_OUT/s3back.curl" || bad=1
		if [ $bad = 0 ] && diff -r "$PUB" "$TEST_OUT/s3back" >"$LOG/diff-$t" 2>&1; then
			pass "$2"
		else
			fail "$2 (see $LOG/diff-$t)"
		fi
		return
	fi
	local dir
	eval "dir=\$REMOTE_$t"
	if diff -r -x .prongsai-manifest "$PUB" "$dir" >"$LOG/diff-$t" 2>&1; then
		pass "$2"
	else
		fail "$2: $(head -3 "$LOG/diff-$t")"
	fi
}
deploy() { # TARGET ARGS...: prongsai deploy -v, output in $LOG/out, errors in $LOG/err; sets RC
	local t=$1
	shift
	RC=0
	"$PRONGSAI" deploy --config "$SEC/$t.yaml" -o "$PUB" "$@" >"$LOG/out" 2>"$LOG/err" || RC=$?
	cat "$LOG/out" "$LOG/err" >>"$LOG/all"
}

# ---- 1. cron/rebuild builds the mini fixture and deploys it to S3 (the switch) ----
echo "# ${SECONDS}s: step 1"
rc=0
PRONGSAI_HOME=$TOP PRONGSAI_CONTENT=$TOP/tests/fixtures/mini PRONGSAI_OUT=$PUB PRONGSAI_DEPLOY_CONFIG=$SEC/s3.yaml \
	PRONGSAI_LOG=$LOG/rebuild.log cron/rebuild >"$LOG/rebuild.out" 2>&1 || rc=$?
expect_eq "$rc" 0 "cron/rebuild with PRONGSAI_DEPLOY_CONFIG builds and deploys"
expect_grep "ok: deployed $PUB" "$LOG/rebuild.log" "cron/rebuild logs the deploy"
NFILES=$(find "$PUB" -type f | wc -l)
same_site s3 "s3: the site fetched back over the S3 API is public/ byte for byte ($NFILES files)"
s3get index.html /dev/null -D "$TEST_OUT/h-index"
s3get assets/site.css /dev/null -D "$TEST_OUT/h-css" 2>/dev/null ||
	s3get "$(cd "$PUB" && find . -name '*.css' | head -1 | sed 's|^\./||')" /dev/null -D "$TEST_OUT/h-css"
expect_grep "Content-Type: text/html; charset=utf-8" "$TEST_OUT/h-index" "s3: a page is stored as text/html"
expect_grep "Cache-Control: public, max-age=60" "$TEST_OUT/h-index" "s3: a page has cache_pages' Cache-Control"
expect_grep "Content-Type: text/css" "$TEST_OUT/h-css" "s3: a stylesheet is stored as text/css"
expect_grep "Cache-Control: public, max-age=3600" "$TEST_OUT/h-css" "s3: an asset has the assets' Cache-Control"

# ---- 2. a full deploy to the three others ----
echo "# ${SECONDS}s: step 2"
for t in sftp ftps webdav; do
	deploy "$t"
	expect_eq "$RC" 0 "$t: the first deploy succeeds"
	expect_grep "sent $NFILES files" "$LOG/err" "$t: every file is sent once"
	same_site "$t" "$t: the remote tree is public/ byte for byte"
done

# ---- 3. nothing changed: nothing sent ----
echo "# ${SECONDS}s: step 3"
for t in $TARGETS; do
	deploy "$t" -v
	expect_eq "$RC:$(wc -l <"$LOG/out")" "0:0" "$t: a second deploy sends nothing"
	expect_grep "nothing changed" "$LOG/err" "$t: and says so"
done

# ---- 4. one file changed, one added, one removed ----
echo "# ${SECONDS}s: step 4"
PAGE=$(cd "$PUB" && find . -path './*/*/index.html' | sort | head -1 | sed 's|^\./||')
GONE=$(cd "$PUB" && find . -name '*.svg' -o -name '*.png' | sort | head -1 | sed 's|^\./||')
printf '<!-- edited -->\n' >>"$PUB/$PAGE"
mkdir -p "$PUB/media/new"
printf 'new asset\n' >"$PUB/media/new/note.txt"
cp "$PUB/index.html" "$TEST_OUT/index.before"
printf '<!-- home edited -->\n' >>"$PUB/index.html"
rm "$PUB/$GONE"
WANT=$(printf 'put media/new/note.txt\nput %s\nput index.html\ndelete %s' "$PAGE" "$GONE")
deploy webdav --dry-run
expect_eq "$(grep -c '^put \|^delete ' "$LOG/out")" 4 "--dry-run lists the four changes"
expect_grep "would send 3 files" "$LOG/out" "--dry-run sums them up"
if cmp -s "$TEST_OUT/index.before" "$REMOTE_webdav/index.html"; then
	pass "--dry-run changes nothing on the target"
else
	fail "--dry-run changed the target"
fi
for t in $TARGETS; do
	deploy "$t" -v
	expect_eq "$RC" 0 "$t: the deploy after the edit succeeds"
	expect_eq "$(cat "$LOG/out")" "$WANT" \
		"$t: only the changed, new and removed files travel: asset, page, index page, deletion last"
	same_site "$t" "$t: the remote tree is public/ again"
done

# ---- 5. an interrupted deploy resumes and sends nothing twice (sftp) ----
echo "# ${SECONDS}s: step 5"
find "$PUB" -name '*.html' | sort | head -60 | while IFS= read -r f; do printf '<!-- v2 -->\n' >>"$f"; done
cp "$REMOTE_sftp/.prongsai-manifest" "$TEST_OUT/manifest.before"
"$PRONGSAI" deploy -v --config "$SEC/sftp.yaml" -o "$PUB" >"$LOG/run1" 2>"$LOG/run1.err" &
DPID=$!
for _ in $(seq 400); do
	[ "$(grep -c '^put ' "$LOG/run1" 2>/dev/null)" -ge 10 ] && break
	sleep 0.01
done
kill -KILL "$DPID" 2>/dev/null
wait "$DPID" 2>/dev/null
# what arrived is what the journal records (a line printed after it may be lost to the kill)
J=$(ls "$TEST_OUT"/.public-deploy-*.journal 2>/dev/null | head -1)
[ -n "$J" ] && pass "sftp: the journal of the run is kept beside public/" || fail "sftp: no journal beside public/"
N1=$(grep -c '^P ' "$J" 2>/dev/null)
if [ "$N1" -ge 10 ] && [ "$N1" -lt 60 ]; then pass "sftp: the deploy was killed mid-run ($N1 of 60 sent)"; else fail "sftp: kill mid-run: $N1 of 60 sent"; fi
if cmp -s "$TEST_OUT/manifest.before" "$REMOTE_sftp/.prongsai-manifest"; then
	pass "sftp: after the kill the target's manifest is still the old one"
else
	fail "sftp: the manifest changed before the deploy finished"
fi
sed -n 's/^P [0-9a-f]* /put /p' "$J" >"$LOG/run1.arrived"
deploy sftp -v
expect_eq "$RC" 0 "sftp: the run after the kill succeeds"
N2=$(grep -c '^put ' "$LOG/out")
expect_eq "$((N1 + N2))" 60 "sftp: the two runs together sent the 60 changed files"
expect_eq "$(sort "$LOG/run1.arrived" "$LOG/out" | uniq -d)" "" "sftp: nothing that arrived was sent twice"
expect_grep "$N1 already sent" "$LOG/err" "sftp: the second run says what it skipped"
same_site sftp "sftp: after resuming the remote tree is public/"
[ -e "$J" ] && fail "sftp: the journal was left behind" || pass "sftp: the journal is removed once the manifest is sent"

# ---- 6. a wrong password fails clearly and changes nothing ----
echo "# ${SECONDS}s: step 6"
snap() { (cd "$1" && find . -type f -exec sha256sum {} + | sort) }
for t in ftps webdav s3; do
	# (s3rver does not check V4 signatures: for s3 the key id is the wrong one)
	sed "s/^\(password\|access_key_id\): .*/\1: wrong-$PASS/" "$SEC/$t.yaml" | conf "$t-bad"
	if [ "$t" = s3 ]; then s3get .prongsai-manifest "$TEST_OUT/s3-manifest.before"; else before=$(eval "snap \$REMOTE_$t"); fi
	deploy "$t-bad"
	expect_eq "$RC" 1 "$t: a wrong password: exit 1"
	expect_grep "เข้าสู่ระบบไม่ได้" "$LOG/err" "$t: the message says login denied in Thai"
	expect_grep "login denied" "$LOG/err" "$t: and in English"
	expect_grep "/www/: .prongsai-manifest:" "$LOG/err" "$t: it names the target and the file"
	if [ "$t" = s3 ]; then
		s3get .prongsai-manifest "$TEST_OUT/s3-manifest.after"
		cmp -s "$TEST_OUT/s3-manifest.before" "$TEST_OUT/s3-manifest.after" &&
			pass "s3: the manifest on the target is unchanged" || fail "s3: the manifest changed"
	else
		expect_eq "$(eval "snap \$REMOTE_$t")" "$before" "$t: nothing changed on the target"
	fi
done

# a host key that is not the configured one: refused before anything is sent
OTHERFP=$(ssh-keygen -l -E sha256 -f "$SEC/user_key.pub" | awk '{print $2}')
sed "s|^host_key_sha256: .*|host_key_sha256: \"$OTHERFP\"|" "$SEC/sftp.yaml" | conf sftp-badkey
before=$(snap "$REMOTE_sftp")
deploy sftp-badkey
expect_eq "$RC" 1 "sftp: a host key other than host_key_sha256: exit 1"
expect_grep "does not match host_key_sha256" "$LOG/err" "sftp: the message names the host key check"
expect_eq "$(snap "$REMOTE_sftp")" "$before" "sftp: nothing changed on the target"

# ---- 7. a full remote disk (webdav on a tmpfs) ----
echo "# ${SECONDS}s: step 7"
cp "$REMOTE_webdav/.prongsai-manifest" "$TEST_OUT/dav-manifest.before"
cp "$REMOTE_webdav/index.html" "$TEST_OUT/dav-index.before"
head -c 4200000 /dev/urandom >"$PUB/media/big.bin"
printf '<!-- v3 -->\n' >>"$PUB/index.html"
deploy webdav
expect_eq "$RC" 1 "webdav: a full disk: exit 1"
expect_grep "พื้นที่บนเครื่องปลายทางเต็ม" "$LOG/err" "webdav: the message says the disk is full in Thai"
expect_grep "the target's disk is full" "$LOG/err" "webdav: and in English"
expect_grep "media/big.bin" "$LOG/err" "webdav: it names the file"
if cmp -s "$TEST_OUT/dav-manifest.before" "$REMOTE_webdav/.prongsai-manifest" &&
	cmp -s "$TEST_OUT/dav-index.before" "$REMOTE_webdav/index.html"; then
	pass "webdav: the old manifest and the old home page are in place"
else
	fail "webdav: the full disk left the site changed"
fi
rm "$PUB/media/big.bin"
deploy webdav
expect_eq "$RC" 0 "webdav: with room again the deploy completes"
same_site webdav "webdav: the remote tree is public/ after the full disk"

# ---- 8. the configuration's place and mode; secrets nowhere ----
echo "# ${SECONDS}s: step 8"
chmod 644 "$SEC/s3.yaml"
deploy s3
expect_eq "$RC" 2 "a configuration readable by others is refused (exit 2)"
expect_grep "chmod 600" "$LOG/err" "the refusal says chmod 600"
expect_no_grep "$PASS" "$LOG" "the password appears in no output"
expect_no_grep "$PASS" "$TEST_OUT" "the password is nowhere under the test's folder"
finish
