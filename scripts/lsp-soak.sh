#!/usr/bin/env bash
# Memory of the language server over thousands of edits (docs/testing.md, "The language server
# under a misbehaving client"): starts the packaged server as an editor does (LSP over stdio),
# opens examples/quickstart/quickstart.bnn in a workspace with the library it imports, warms up,
# then sends EDITS seeded random edits (didChange with increasing versions: insertions of the
# example's own fragments and of odd characters, deletions) with a request every 10 edits
# (hover, completion, definition, symbols, semantic tokens, code lens, inlay hints, formatting,
# at random positions), and at the end puts the original text back. Before (after opening and
# warm-up) and after (after the edits), it forces a full GC (jcmd GC.run) and prints the
# process's resident set (VmRSS) and the Java heap in use (jcmd GC.heap_info).
#   scripts/lsp-soak.sh [EDITS]     EDITS: number of random edits (default 5000)
# The client is Python 3 (standard library only). Needs jcmd (JDK) and
# org.bnn.dsl.ide/target/bnn-language-server.jar, which it builds only when missing (or set
# BNN_LANGUAGE_SERVER_JAR). BNN_SOAK_SEED (default 1) picks the edits; the server's stderr is
# summarized (lines, warnings, stack frames).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EDITS="${1:-5000}"
JAR="${BNN_LANGUAGE_SERVER_JAR:-$ROOT/org.bnn.dsl.ide/target/bnn-language-server.jar}"

[[ "$EDITS" =~ ^[0-9]+$ ]] || { echo "lsp-soak: EDITS must be a number of edits, not '$EDITS'" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "lsp-soak: python3 is missing" >&2; exit 2; }
command -v jcmd >/dev/null 2>&1 || { echo "lsp-soak: jcmd is missing (it comes with a JDK)" >&2; exit 2; }
if [ ! -f "$JAR" ]; then
  echo "lsp-soak: $JAR is missing; building it" >&2
  (cd "$ROOT" && ./mvnw -B -q --no-transfer-progress -P'!eclipse' -DskipTests -pl org.bnn.dsl.ide -am package)
fi

WORKSPACE="$(mktemp -d)"
trap 'rm -rf "$WORKSPACE"' EXIT
cp "$ROOT/examples/quickstart/quickstart.bnn" "$ROOT/examples/lib/illustrative-hw.bnn" "$WORKSPACE/"

python3 - "$JAR" "$WORKSPACE" "$EDITS" "${BNN_SOAK_SEED:-1}" <<'PY'
import json, os, random, re, subprocess, sys, threading, time

jar, workspace, edits, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
TIMEOUT = 120
log_path = os.path.join(workspace, "server.log")
server = subprocess.Popen(["java", "-jar", jar], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=open(log_path, "w"), cwd=workspace)
pid = server.pid
answers, answered, lock = {}, threading.Condition(), threading.Lock()
next_id = [0]


def send(message):
    body = json.dumps(dict(message, jsonrpc="2.0")).encode("utf-8")
    with lock:
        server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        server.stdin.flush()


def read_messages():
    """Answers by id; the server's own requests (registrations, configuration) get a null result."""
    out = server.stdout
    while True:
        length = None
        while True:
            line = out.readline()
            if not line:
                return
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        message = json.loads(out.read(length))
        if "method" in message and "id" in message:
            send({"id": message["id"], "result": None})
        elif "id" in message:
            with answered:
                answers[message["id"]] = message
                answered.notify_all()


threading.Thread(target=read_messages, daemon=True).start()


def request(method, params):
    next_id[0] += 1
    rid = next_id[0]
    send({"id": rid, "method": method, "params": params})
    deadline = time.time() + TIMEOUT
    with answered:
        while rid not in answers:
            if time.time() > deadline or server.poll() is not None:
                sys.exit("lsp-soak: no answer to %s within %d s (server %s)" % (method, TIMEOUT,
                         "exited" if server.poll() is not None else "running"))
            answered.wait(1)
        return answers.pop(rid)


def notify(method, params):
    send({"method": method, "params": params})


def uri(name):
    return "file://" + os.path.join(workspace, name)


def position(text, offset):
    """LSP position of an offset (the text has LF line ends and only BMP characters)."""
    line = text.count("\n", 0, offset)
    return {"line": line, "character": offset - (text.rfind("\n", 0, offset) + 1)}


def jcmd(command):
    return subprocess.run(["jcmd", str(pid), command], capture_output=True, text=True, check=True).stdout


def measure():
    """Full GC, then resident set (MiB) and Java heap in use (MiB), once the server is idle."""
    request("textDocument/documentSymbol", {"textDocument": {"uri": doc}})
    time.sleep(2)
    jcmd("GC.run")
    time.sleep(1)
    with open("/proc/%d/status" % pid) as status:
        rss = int(re.search(r"VmRSS:\s+(\d+) kB", status.read()).group(1)) / 1024
    heap_info = jcmd("GC.heap_info")
    # The heap's lines (one per generation or one for G1) come before Metaspace's.
    heap = heap_info.split("Metaspace")[0]
    used = sum(int(k) for k in re.findall(r"used (\d+)K", heap)) / 1024
    committed = sum(int(k) for k in re.findall(r"total (\d+)K", heap)) / 1024
    metaspace = int(re.search(r"Metaspace\s+used (\d+)K", heap_info).group(1)) / 1024
    code = sum(int(k) for k in re.findall(r"used=(\d+)Kb", jcmd("Compiler.codecache"))) / 1024
    return rss, used, committed, metaspace, code


rng = random.Random(seed)
original = open(os.path.join(workspace, "quickstart.bnn")).read()
text, version = original, 1
doc = uri("quickstart.bnn")
ODD = ["{", "}", "\"", "//", "/*", "*/", ":", "x", " ", "\n", "0", "1e999", "-", "..", "import ", "network ", "dense ", "on "]

request("initialize", {"processId": os.getpid(), "rootUri": "file://" + workspace,
                       "workspaceFolders": [{"uri": "file://" + workspace, "name": "soak"}],
                       "capabilities": {"textDocument": {"documentSymbol": {"hierarchicalDocumentSymbolSupport": True}}}})
notify("initialized", {})
notify("textDocument/didOpen", {"textDocument": {"uri": doc, "languageId": "bnn", "version": version, "text": text}})


def edit():
    """A random change, kept within half to twice the example's length so every build does similar work."""
    global text, version
    start = rng.randrange(len(text) + 1)
    if len(text) > 2 * len(original) or len(text) > len(original) // 2 and rng.random() < 0.4:
        end = min(len(text), start + rng.randrange(1, 40))
        inserted = ""
    else:
        end = start
        if rng.random() < 0.5:
            inserted = "".join(rng.choice(ODD) for _ in range(rng.randrange(1, 4)))
        else:
            i = rng.randrange(len(original))
            inserted = original[i:i + rng.randrange(1, 60)]
    change = {"range": {"start": position(text, start), "end": position(text, end)}, "text": inserted}
    text = text[:start] + inserted + text[end:]
    version += 1
    notify("textDocument/didChange", {"textDocument": {"uri": doc, "version": version}, "contentChanges": [change]})


def some_request():
    where = position(text, rng.randrange(len(text) + 1))
    document = {"uri": doc}
    whole = {"start": {"line": 0, "character": 0}, "end": position(text, len(text))}
    method, params = rng.choice([
        ("textDocument/hover", {"textDocument": document, "position": where}),
        ("textDocument/completion", {"textDocument": document, "position": where}),
        ("textDocument/definition", {"textDocument": document, "position": where}),
        ("textDocument/documentSymbol", {"textDocument": document}),
        ("textDocument/semanticTokens/full", {"textDocument": document}),
        ("textDocument/codeLens", {"textDocument": document}),
        ("textDocument/inlayHint", {"textDocument": document, "range": whole}),
        ("textDocument/formatting", {"textDocument": document, "options": {"tabSize": 4, "insertSpaces": True}}),
    ])
    answer = request(method, params)
    if "error" in answer:
        errors.append("%s: %s" % (method, answer["error"]))


def restore():
    global text, version
    text, version = original, version + 1
    notify("textDocument/didChange", {"textDocument": {"uri": doc, "version": version}, "contentChanges": [{"text": text}]})


errors = []
for i in range(200):  # warm-up: the JIT and Xtext's caches see every kind of work once
    edit()
    if i % 10 == 0:
        some_request()
restore()
before = measure()

started = time.time()
for i in range(edits):
    edit()
    if i % 10 == 9:
        some_request()
restore()
seconds = time.time() - started
after = measure()

request("shutdown", None)
notify("exit", None)
server.wait(30)
log = open(log_path).read().splitlines()
print("lsp-soak: %d edits and %d requests in %.0f s (seed %d), %d error answers"
      % (edits, edits // 10, seconds, seed, len(errors)))
print("(MiB, after a full GC)  RSS  heap used  heap committed  metaspace  JIT code")
for name, figures in (("before (warm-up)", before), ("after the edits", after),
                      ("growth", [a - b for a, b in zip(after, before)])):
    print("%-16s %9.1f %10.1f %15.1f %10.1f %9.1f" % ((name,) + tuple(figures)))
print("server stderr: %d lines, %d warnings, %d severe, %d stack frames" % (
    len(log), sum("WARNING" in l for l in log), sum("SEVERE" in l for l in log),
    sum(l.lstrip().startswith("at ") for l in log)))
for e in errors[:5]:
    print("error answer: " + e)
sys.exit(1 if errors else 0)
PY
