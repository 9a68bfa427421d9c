#!/usr/bin/env python3
"""Opens a page in real headless Chromium, through the DevTools protocol over a pipe (no
network, no extra packages), and reports what a reader of the page would meet, as JSON:

    page.py [--no-scripts] PAGE.html FOLDER

- console: messages of level warning or error, and uncaught exceptions (CSP refusals included);
- requests: every URL the page asked for besides itself;
- bars, marks, entries, years, notes: what the DOM holds once the scripts ran;
- tooltip: the text shown when the first bar takes keyboard focus (Tab), and its role;
- selected: the chronology entries lit after the first bar is clicked, and its tenure;
- filtered: what stays visible after unticking the first category;
- screenshot: FOLDER/page.png; pdf: FOLDER/a4.pdf and FOLDER/letter.pdf, printed by Chromium
  (Page.printToPDF), and FOLDER/cli.pdf from `chromium --headless --print-to-pdf`;
- chartWords: the words the chart's texts hold, to find on the printed pages;
- with --no-scripts the page is read as a browser with scripts off would show it, and the
  steps that need scripts (tooltip, selected, filtered) are left out;
- printed: for each PDF, its page sizes and, per page, the words pdftotext reads and any word
  that lies outside the page.
"""
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="cursus-page-")
        to_chrome_read, to_chrome_write = os.pipe()
        from_chrome_read, from_chrome_write = os.pipe()

        def pipes():  # Chromium reads commands on fd 3 and answers on fd 4.
            inbound, outbound = os.dup(to_chrome_read), os.dup(from_chrome_write)
            os.dup2(inbound, 3)
            os.dup2(outbound, 4)

        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe",
             "--no-first-run", "--user-data-dir=" + self.profile, "about:blank"],
            preexec_fn=pipes, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_read)
        os.close(from_chrome_write)
        self.commands = os.fdopen(to_chrome_write, "wb")
        self.answers = from_chrome_read
        self.buffer = b""
        self.serial = 0
        self.events = []

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.answers, 1 << 16)
            if not chunk:
                raise SystemExit("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=None, **params):
        self.serial += 1
        message = {"id": self.serial, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.commands.write(json.dumps(message).encode() + b"\0")
        self.commands.flush()
        while True:
            answer = self.receive()
            if answer.get("id") == self.serial:
                if "error" in answer:
                    raise SystemExit(f"{method}: {answer['error']}")
                return answer["result"]
            self.events.append(answer)

    def wait_for(self, method):
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        while True:
            event = self.receive()
            if event.get("method") == method:
                return event
            self.events.append(event)

    def close(self):
        try:
            self.call("Browser.close")
        except SystemExit:
            pass
        self.process.wait(timeout=30)
        shutil.rmtree(self.profile, ignore_errors=True)


def evaluate(browser, session, expression):
    result = browser.call("Runtime.evaluate", session, expression=expression, returnByValue=True, awaitPromise=True)
    if "exceptionDetails" in result:
        raise SystemExit(f"evaluating {expression!r}: {result['exceptionDetails']}")
    return result["result"].get("value")


def key(browser, session, name, code, keycode, shift=False):
    modifiers = 8 if shift else 0
    for kind in ("keyDown", "keyUp"):
        browser.call("Input.dispatchKeyEvent", session, type=kind, key=name, code=code,
                     windowsVirtualKeyCode=keycode, modifiers=modifiers)


def printed(path):
    """Page sizes, and per page the words pdftotext reads with any that fall outside the page."""
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    import xml.etree.ElementTree as tree
    root = tree.fromstring(html.replace("<!DOCTYPE", "<!-- ").replace("\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">", "-->"))
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        width, height = float(page.get("width")), float(page.get("height"))
        words, outside = [], []
        for word in page.findall("x:word", namespace):
            box = [float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
            words.append(word.text or "")
            if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
                outside.append(word.text or "")
        pages.append({"width": width, "height": height, "words": words, "outside": outside})
    return pages


def main():
    arguments = sys.argv[1:]
    scripts = "--no-scripts" not in arguments
    arguments = [a for a in arguments if a != "--no-scripts"]
    page, folder = pathlib.Path(arguments[0]).resolve(), pathlib.Path(arguments[1])
    folder.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    try:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.call(f"{domain}.enable", session)
        browser.call("Emulation.setDeviceMetricsOverride", session, width=1280, height=900, deviceScaleFactor=1, mobile=False)
        if not scripts:
            browser.call("Emulation.setScriptExecutionDisabled", session, value=True)
        url = page.as_uri()
        browser.call("Page.navigate", session, url=url)
        browser.wait_for("Page.loadEventFired")

        report = {"url": url}
        events = browser.events
        report["requests"] = sorted({e["params"]["request"]["url"] for e in events
                                     if e.get("method") == "Network.requestWillBeSent"
                                     and e["params"]["request"]["url"] != url})
        console = [e["params"]["entry"]["text"] for e in events
                   if e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] in ("warning", "error")]
        console += [" ".join(str(a.get("value", a.get("description", ""))) for a in e["params"]["args"]) for e in events
                    if e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("warning", "error", "assert")]
        console += [e["params"]["exceptionDetails"]["text"] for e in events if e.get("method") == "Runtime.exceptionThrown"]
        report["console"] = console

        report.update(evaluate(browser, session, """({
            bars: document.querySelectorAll("svg.chart .bar").length,
            barLinks: Array.from(document.querySelectorAll("svg.chart a.bar")).map(a => a.getAttribute("href")),
            marks: document.querySelectorAll("svg.chart [data-tooltip]").length,
            titlesLeft: document.querySelectorAll("svg.chart [data-tooltip] > title").length,
            entries: document.querySelectorAll("#chronology .entry").length,
            years: document.querySelectorAll("#chronology h3").length,
            notes: document.querySelectorAll("#sources li").length,
            posts: document.querySelectorAll("#career tbody tr").length,
            svgRole: document.querySelector("svg.chart") && document.querySelector("svg.chart").getAttribute("role"),
            svgName: document.querySelector("svg.chart title") && document.querySelector("svg.chart title").textContent,
            svgDescription: document.querySelector("svg.chart desc") && document.querySelector("svg.chart desc").textContent,
            filtersShown: !!document.querySelector(".filters") && !document.querySelector(".filters").hidden,
            categories: Array.from(document.querySelectorAll(".filters input")).map(i => i.value),
            links: Array.from(document.querySelectorAll("a[href]")).map(a => a.getAttribute("href")).filter(h => !h.startsWith("#")),
            chartWords: Array.from(document.querySelectorAll("svg.chart text > tspan, svg.chart text:not(:has(tspan))")).flatMap(t => t.textContent.split(/\\s+/)).filter(w => w),
        })"""))

        shot = browser.call("Page.captureScreenshot", session, format="png", captureBeyondViewport=True,
                            clip={"x": 0, "y": 0, "width": 1280, "height": 900, "scale": 1})
        (folder / "page.png").write_bytes(base64.b64decode(shot["data"]))
        report["screenshot"] = str(folder / "page.png")

        if scripts:
            interact(browser, session, report)
        print_pages(browser, session, folder, report)
    finally:
        browser.close()
    json.dump(report, sys.stdout, ensure_ascii=False)


def interact(browser, session, report):
    """What a reader does with scripts on: the keyboard, a click on a bar, a filter."""
    # Keyboard: Tab until the focus is on the first bar; its tooltip shows.
    for _ in range(60):
        key(browser, session, "Tab", "Tab", 9)
        if evaluate(browser, session, "!!document.activeElement.closest && !!document.activeElement.closest('svg.chart .bar')"):
            break
    report["tooltip"] = evaluate(browser, session, """(() => {
        const tip = document.getElementById("chart-tooltip");
        const focused = document.activeElement;
        return {focused: focused.getAttribute("data-tenure"), shown: !!tip && !tip.hidden,
                text: tip ? tip.textContent : null, role: tip ? tip.getAttribute("role") : null,
                describedBy: focused.getAttribute("aria-describedby")};
    })()""")

    # A bar's link lights its chronology entries.
    report["selected"] = evaluate(browser, session, """(() => {
        const bar = document.querySelector("svg.chart a.bar");
        if (!bar) return null;
        bar.dispatchEvent(new MouseEvent("click", {bubbles: true, cancelable: true}));
        return {tenure: bar.getAttribute("data-tenure"), hash: location.hash,
                entries: Array.from(document.querySelectorAll(".entry.selected")).map(e => e.getAttribute("data-tenure"))};
    })()""")

    # Untick the first category: its bars and entries go, the others stay.
    report["filtered"] = evaluate(browser, session, """(() => {
        const box = document.querySelector(".filters input");
        if (!box) return null;
        const visible = s => Array.from(document.querySelectorAll(s)).filter(e => getComputedStyle(e).display !== "none");
        box.click();
        const result = {category: box.value,
            bars: visible("svg.chart .bar").map(b => b.getAttribute("data-category")),
            entries: visible("#chronology .entry").map(e => e.getAttribute("data-category")),
            years: visible("#chronology .year").length};
        box.click();
        result.barsAfterTickingAgain = visible("svg.chart .bar").length;
        return result;
    })()""")


def print_pages(browser, session, folder, report):
    """Prints the page on A4 and on US Letter, as Chromium's print to PDF does."""
    report["pdf"], report["printed"] = {}, {}
    for name, (width, height) in {"a4": (8.27, 11.69), "letter": (8.5, 11)}.items():
        data = browser.call("Page.printToPDF", session, paperWidth=width, paperHeight=height,
                            preferCSSPageSize=False, printBackground=True)["data"]
        path = folder / f"{name}.pdf"
        path.write_bytes(base64.b64decode(data))
        report["pdf"][name] = str(path)
        report["printed"][name] = printed(path)
    # And as the command line prints it (chromium --headless --print-to-pdf, on its default paper).
    path = folder / "cli.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--user-data-dir=" + tempfile.mkdtemp(prefix="cursus-page-"), "--print-to-pdf=" + str(path),
                    report["url"]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120, check=True)
    report["pdf"]["cli"] = str(path)
    report["printed"]["cli"] = printed(path)


if __name__ == "__main__":
    main()
