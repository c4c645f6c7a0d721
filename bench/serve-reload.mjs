// Checks in a real browser that a page open on `ipobrief serve` updates itself after an edit,
// shows the error page on a bad edit and the brief again on the fix, and measures the time from
// a save to the page showing the new figure (nine edits, and their median).
//
//   node --experimental-websocket bench/serve-reload.mjs [target/release/ipobrief]
//
// Starts `serve --port 0` on a copy of the example in a temporary folder, opens the page in
// headless Chromium (--remote-debugging-port on a free port), and drives it over the DevTools
// protocol. Everything runs on 127.0.0.1; every wait is bounded.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";

const binary = process.argv[2] ?? "target/debug/ipobrief";
const dir = mkdtempSync(join(tmpdir(), "serve-reload-"));
const input = join(dir, "klarna.toml");
writeFileSync(input, readFileSync("examples/klarna.toml"));
// Its peers too: without them every regeneration would end on the error page.
cpSync("examples/peers", join(dir, "peers"), { recursive: true });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
async function until(what, test, ms = 15000, every = 20) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await test();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(every);
  }
}
function save(from, to) {
  const text = readFileSync(input, "utf8");
  if (!text.includes(from)) throw new Error(`no ${from}`);
  writeFileSync(input + ".saving", text.replace(from, to));
  renameSync(input + ".saving", input);
  return Date.now();
}

const server = spawn(binary, ["serve", input, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
let stderr = "";
server.stderr.on("data", (d) => (stderr += d));
const url = await until("the URL", async () => {
  const line = server.stdout.read()?.toString() ?? "";
  return line.match(/http:\/\/\S+/)?.[0];
});
const port = await freePort();
const chromium = spawn(
  "chromium",
  ["--headless", "--no-sandbox", "--disable-gpu", `--remote-debugging-port=${port}`,
   `--user-data-dir=${join(dir, "profile")}`, url],
  { stdio: "ignore" },
);
let socket;
try {
  const target = await until("the page in Chromium", async () => {
    try {
      const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      return list.find((t) => t.type === "page" && t.url.startsWith(url));
    } catch { return undefined; }
  });
  socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((r) => (socket.onopen = r));
  let id = 0;
  const pending = new Map();
  socket.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (pending.has(msg.id)) { pending.get(msg.id)(msg.result); pending.delete(msg.id); }
  };
  const evaluate = (expression) =>
    new Promise((resolve) => {
      pending.set(++id, (r) => resolve(r?.result?.value));
      socket.send(JSON.stringify({ id, method: "Runtime.evaluate", params: { expression } }));
    });
  const cells = () => evaluate("document.body ? document.body.innerText : ''");
  await until("the brief", async () => (await cells()).includes("2,811"));
  // A mark on this page: a reload drops it, an update in place keeps it.
  await evaluate("window.notReloaded = true");
  await evaluate("window.scrollTo(0, 1500)");
  const scrolled = await evaluate("window.scrollY");
  // Edits one after another, each timed from the save to the open page showing the new
  // figure (polled every 2 ms).
  const times = [];
  let figure = "2811";
  for (const next of ["2999", "3001", "2999", "3001", "2999", "3001", "2999", "3001", "2999"]) {
    const saved = save(`revenue = ${figure} `, `revenue = ${next} `);
    const shown = next.replace(/(\d)(\d{3})$/, "$1,$2");
    await until(`the edit to ${shown}`, async () => (await cells()).includes(shown), 15000, 2);
    times.push(Date.now() - saved);
    figure = next;
    await sleep(150);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const inPlace = await evaluate("window.notReloaded === true");
  const scroll = await evaluate("window.scrollY");
  console.log(
    `edit: the open page showed each new figure after ${times.join(", ")} ms ` +
      `(median ${sorted[sorted.length >> 1]} ms), ` +
      (inPlace ? "updated in place" : "by reloading") +
      `, scrolled to ${scroll} px (${scrolled} before)`,
  );

  await evaluate("window.notReloaded = true");
  let saved = save("revenue = 2999 ", 'revenue = "ten" ');
  const error = await until("the error page", async () => {
    const text = await cells();
    return text.includes("could not be made") && text;
  });
  console.log(`bad edit: the open page shows the error after ${Date.now() - saved} ms:`);
  console.log(error.split("\n").filter((l) => l.includes("|") || l.includes("-->")).join("\n"));

  saved = save('revenue = "ten" ', "revenue = 3000 ");
  await until("the fixed brief", async () => (await cells()).includes("3,000"));
  console.log(`fix: the brief is back after ${Date.now() - saved} ms`);
  console.log("OK: the open page updated on every save");
} catch (e) {
  console.error(`FAILED: ${e.message}\n${stderr}`);
  process.exitCode = 1;
} finally {
  socket?.close();
  chromium.kill();
  server.kill("SIGINT");
  await sleep(500);
  rmSync(dir, { recursive: true, force: true });
}
