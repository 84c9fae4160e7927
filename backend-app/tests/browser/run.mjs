// Drive the dictation page in headless Chromium (Debian's, via playwright-core) and report as JSON.
//
// Input (JSON on stdin): pageUrl, email, password, query, expect ("rendered" | "cors-blocked"),
// executablePath, timeoutMs. Output (stdout): one JSON report. Exit 0 when the page behaved as
// expected: "rendered" needs the draft on the page and no console error, page error, failed or
// refused request; "cors-blocked" needs the browser to refuse the API call for CORS and nothing
// rendered. Exit 1 otherwise, 2 on a harness failure. Only loopback is ever contacted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { chromium } from "playwright-core";

const LOOPBACK = /^https?:\/\/127\.0\.0\.1(:\d+)?\//;

function readStdin() {
  return fs.readFileSync(0, "utf-8");
}

async function drive(config, report) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "radpair-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: config.executablePath,
      headless: true,
      timeout: config.timeoutMs,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-proxy-server",
        // No name resolves but 127.0.0.1: a request to anything else cannot leave.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      ],
    });
    // Only loopback may be reached; any other request is reported (never intercepted: routing
    // would make Playwright answer CORS preflights itself and hide what the API answers).
    context.on("request", (request) => {
      const url = request.url();
      if (!LOOPBACK.test(url) && !url.startsWith("data:")) {
        report.foreignRequests.push(url);
      }
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      if (message.type() === "error") {
        report.consoleErrors.push(message.text());
      }
    });
    page.on("pageerror", (error) => report.pageErrors.push(String(error)));
    page.on("requestfailed", (request) => {
      report.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) {
        report.httpErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      }
    });

    await page.goto(config.pageUrl, { waitUntil: "load", timeout: config.timeoutMs });
    await page.fill("#email", config.email);
    await page.fill("#password", config.password);
    await page.fill("#query", config.query);
    await page.click("#send");
    await page.waitForFunction(
      () => ["done", "failed"].includes(document.getElementById("state").textContent),
      null,
      { timeout: config.timeoutMs },
    );
    if (config.expect === "cors-blocked") {
      // The browser logs its reason a moment after the request fails; wait for it (bounded).
      const until = Date.now() + 5000;
      while (!report.consoleErrors.some((text) => text.includes("CORS")) && Date.now() < until) {
        await page.waitForTimeout(100);
      }
    }
    const text = (selector) => page.textContent(selector);
    report.state = await text("#state");
    report.error = await text("#error");
    report.rendered = {
      query: await text("#query-out"),
      chatgpt_response: await text("#chatgpt_response"),
      timestamp: await text("#timestamp"),
    };
  } finally {
    if (context) {
      await context.close();
    }
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

function verdict(config, report) {
  const clean =
    report.pageErrors.length === 0 && report.foreignRequests.length === 0;
  report.corsBlocked = report.consoleErrors.some((text) => text.includes("CORS policy"));
  if (config.expect === "rendered") {
    return (
      clean &&
      report.state === "done" &&
      report.rendered.chatgpt_response.length > 0 &&
      report.consoleErrors.length === 0 &&
      report.failedRequests.length === 0 &&
      report.httpErrors.length === 0
    );
  }
  return (
    clean &&
    report.state === "failed" &&
    report.corsBlocked &&
    report.rendered.chatgpt_response === "" &&
    report.failedRequests.length > 0
  );
}

async function main() {
  const config = JSON.parse(readStdin());
  const report = {
    expect: config.expect,
    state: null,
    error: null,
    rendered: null,
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    httpErrors: [],
    foreignRequests: [],
  };
  // A hard stop: the harness never outlives its budget even if Chromium hangs.
  const watchdog = setTimeout(() => {
    report.harnessError = "watchdog: the run took too long";
    process.stdout.write(JSON.stringify(report) + "\n");
    process.exit(2);
  }, config.timeoutMs * 3);
  try {
    await drive(config, report);
  } catch (error) {
    report.harnessError = String(error && error.stack ? error.stack : error);
    process.stdout.write(JSON.stringify(report) + "\n");
    process.exit(2);
  }
  clearTimeout(watchdog);
  const ok = verdict(config, report);
  report.ok = ok;
  process.stdout.write(JSON.stringify(report) + "\n");
  process.exit(ok ? 0 : 1);
}

main();
