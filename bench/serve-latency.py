#!/usr/bin/env python3
"""Time from a saved edit to the reload event of `ipobrief serve` (regeneration included).

    bench/serve-latency.py [target/release/ipobrief]

Serves a copy of the example on a free port of 127.0.0.1 from a temporary folder, listens to
the event stream open pages listen to, saves 15 edits of a revenue figure the way editors do
(a new file renamed over the old) and prints the median, least and most milliseconds from each
save to its event. Every read is bounded by a timeout.
"""
import os, re, shutil, socket, statistics, subprocess, sys, tempfile, time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/ipobrief")
folder = tempfile.mkdtemp(prefix="serve-latency-")
input_path = os.path.join(folder, "klarna.toml")
shutil.copy("examples/klarna.toml", input_path)
# Its peers too: without them every regeneration would end on the error page.
shutil.copytree("examples/peers", os.path.join(folder, "peers"))
server = subprocess.Popen([binary, "serve", input_path, "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    host, port = re.search(r"http://([\d.]+):(\d+)/", server.stdout.readline()).groups()
    events = socket.create_connection((host, int(port)), timeout=10)
    # The Host serve answers to: its own address (any other name gets 403).
    events.sendall(f"GET /__ipobrief/events HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
    received = b""

    def next_event():
        global received
        while not re.search(rb"data: \d+\n\n", received):
            received += events.recv(4096)
        match = re.search(rb"data: \d+\n\n", received)
        received = received[match.end():]

    next_event()
    text = open(input_path).read()
    times = []
    for i in range(15):
        time.sleep(0.4)
        with open(input_path + ".saving", "w") as saving:
            saving.write(text.replace("revenue = 2811 ", f"revenue = {2811 + i} ", 1))
        saved = time.monotonic()
        os.rename(input_path + ".saving", input_path)
        next_event()
        times.append((time.monotonic() - saved) * 1000)
    print("save -> reload event: median %.0f ms, min %.0f ms, max %.0f ms (%d saves)"
          % (statistics.median(times), min(times), max(times), len(times)))
finally:
    server.send_signal(2)
    server.wait(10)
    shutil.rmtree(folder, ignore_errors=True)
