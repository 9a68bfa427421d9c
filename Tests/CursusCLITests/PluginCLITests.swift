import CursusTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct PluginCLITests {
    static let describe =
        #"{"name": "echo", "summary": "Echoes the request", "extension": "txt", "options": [{"name": "greeting", "type": "string", "default": "hi", "help": "Said first"}]}"#

    /// A workspace with the good dossier and a plug-in script `name` doing `body` when asked to render.
    func workspace(plugin name: String, describe: String = describe, body: String) throws -> Workspace {
        let workspace = try Workspace(["d.yml": goodDossier])
        try workspace.writePlugin("bin/\(name)", describe: describe, body: body)
        return workspace
    }

    func manifest(_ output: String) -> String {
        "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: csv, path: t.csv}\n  - \(output)\n"
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// This process's environment, with the workspace's `bin` first on PATH.
    func environment(withBinOf workspace: Workspace) -> [String: String] {
        var environment = self.environment
        environment["PATH"] = workspace.url.appendingPathComponent("bin").path + ":" + (environment["PATH"] ?? "")
        return environment
    }

    /// The example plug-in renders the Kislyak dossier to the committed bibliography, which a
    /// real BibTeX reader (pybtex) reads back: one entry per source, typed by kind.
    @Test func theExamplePluginRendersTheExample() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        for name in ["plugins/cursus.yml", "plugins/cursus-render-bibtex", "kislyak/kislyak.yml"] {
            try workspace.write(name, try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/" + name)))
        }
        chmod(workspace.url.appendingPathComponent("plugins/cursus-render-bibtex").path, 0o755)
        let result = try workspace.run(["render", "plugins/cursus.yml"])
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["sources.bib", "kislyak.json"] {
            let golden = try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/plugins/out/" + name))
            #expect(try workspace.read("plugins/out/" + name) == golden, "\(name): run `make examples` and review the diff")
        }
        let script = #"""
            import sys
            from pybtex.database import parse_file
            entries = parse_file(sys.argv[1]).entries
            print(" ".join("%s:%s:%s" % (key, entry.type, entry.fields["url"] if "url" in entry.fields else "-") for key, entry in entries.items()))
            print(entries["tpm"].fields["journal"], "|", entries["wikipedia"].fields["annote"].count("post: "))
            """#
        let (status, output) = try python(["-c", script, workspace.url.appendingPathComponent("plugins/out/sources.bib").path])
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(status == 0 && lines.count == 2, "\(lines)")
        #expect(lines.first == "wikipedia:misc:https://en.wikipedia.org/wiki/Sergey_Kislyak tpm:article:-")
        #expect(lines.last == "Talking Points Memo | 11", "every post the source is cited for")
    }

    /// Whatever a dossier says, the bibliography stays well-formed BibTeX: braces, backslashes and
    /// LaTeX's special characters are escaped, a URL keeps its characters but those that would end the field.
    @Test func theExamplePluginEscapesWhatBibTeXGivesMeaningTo() throws {
        let workspace = try Workspace([
            "cursus.yml": "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: ./cursus-render-bibtex, path: s.bib}\n",
            "d.yml": #"""
            cursus: 1
            people: [{id: p, name: P}]
            sources:
              - {id: "odd/id", title: "50% of {braces} & \\macros_#1 ~x^", author: "O'Brien, Ann", url: "https://e.org/a b}c", published: 2017-06-26}
            """#,
        ])
        defer { workspace.remove() }
        try workspace.write(
            "cursus-render-bibtex", try Data(contentsOf: repositoryRoot.appendingPathComponent("Examples/plugins/cursus-render-bibtex")))
        chmod(workspace.url.appendingPathComponent("cursus-render-bibtex").path, 0o755)
        let result = try workspace.run(["render"])
        #expect(result.status == 0, "\(result.stderr)")
        let script = #"""
            import sys
            from pybtex.database import parse_file
            entry = parse_file(sys.argv[1]).entries["odd-id"]
            print(entry.fields["title"]); print(entry.fields["url"]); print(entry.fields["year"], entry.fields["month"])
            """#
        let (status, output) = try python(["-c", script, workspace.url.appendingPathComponent("out/s.bib").path])
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(status == 0, "\(lines)")
        #expect(lines == [##"{50\% of \{braces\} \& \textbackslash{}macros\_\#1 \~{}x\^{}}"##, "https://e.org/a%20b%7Dc", "2017 June"])
    }

    @Test func aPluginOnPathIsFoundByNameAndGetsTheRequest() throws {
        let workspace = try self.workspace(plugin: "cursus-render-echo", body: "cat")
        defer { workspace.remove() }
        try workspace.write("m.yml", manifest("{renderer: echo, path: request.txt, options: {greeting: hello}}"))
        let environment = self.environment(withBinOf: workspace)
        let result = try workspace.run(["render", "m.yml"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let request = try JSONSerialization.jsonObject(with: try workspace.read("out/request.txt")) as! [String: Any]
        #expect(request["protocol"] as? Int == 1)
        #expect(request["as_of"] as? String == "2026-01-01")
        #expect(request["options"] as? [String: String] == ["greeting": "hello"], "Cursus's own timeout is not passed on")
        let dossier = try #require(request["dossier"] as? [String: Any])
        #expect((dossier["tenures"] as? [[String: Any]])?.first?["office"] as? String == "Consul")
        let described = try workspace.run(["renderers", "echo"], environment: environment)
        #expect(described.stdout.hasPrefix("echo: Echoes the request\nplug-in: "), "\(described.stdout)")
    }

    /// Listing renderers names the plug-ins on PATH without running any: a program runs only
    /// when a manifest, or `cursus renderers NAME`, names it.
    @Test func listingRenderersRunsNoPlugin() throws {
        let workspace = try self.workspace(plugin: "cursus-render-spy", body: "cat")
        defer { workspace.remove() }
        let script = workspace.url.appendingPathComponent("bin/cursus-render-spy")
        let body = try String(contentsOf: script, encoding: .utf8)
        try workspace.write(
            "bin/cursus-render-spy",
            body.replacingOccurrences(of: "#!/bin/sh\n", with: "#!/bin/sh\necho \"$@\" >> \"$(dirname \"$0\")/ran.log\"\n"))
        let environment = self.environment(withBinOf: workspace)
        try workspace.write("m.yml", manifest("{renderer: json, path: d.json}"))
        let listed = try workspace.run(["renderers"], environment: environment)
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("\nspy "), "\(listed.stdout)")
        #expect(listed.stdout.contains(" plug-in: \(script.path) (run 'cursus renderers spy' to ask it what it does)"), "\(listed.stdout)")
        #expect(try workspace.run(["render", "m.yml"], environment: environment).status == 0)
        #expect(try workspace.run(["validate", "m.yml"], environment: environment).status == 0)
        #expect(!workspace.exists("bin/ran.log"), "no command that does not name the plug-in runs it")
        #expect(try workspace.run(["renderers", "spy"], environment: environment).status == 0)
        #expect(try workspace.read("bin/ran.log") == Data("--describe\n".utf8))
    }

    @Test func aFailingPluginShowsItsErrorAndLeavesNothing() throws {
        let workspace = try self.workspace(plugin: "fail", body: "echo 'partial output'\necho 'cannot format the dossier' >&2\nexit 3")
        defer { workspace.remove() }
        try workspace.write("m.yml", manifest("{renderer: bin/fail, path: out.txt}"))
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("m.yml:6:5: error: [bin/fail] the plug-in "))
        #expect(result.stderr.contains("failed (exit 3):\ncannot format the dossier"))
        #expect(!workspace.exists("out"), "neither the plug-in's partial output nor the CSV is written")
    }

    /// An interrupt while a plug-in runs stops the plug-in with everything it started (SIGTERM,
    /// then SIGKILL for what ignores it: here the test runner's blocked signals are inherited), and leaves
    /// neither the request, nor its error output, nor the folder made for the outputs.
    @Test func anInterruptStopsTheRunningPluginAndLeavesNothing() throws {
        let workspace = try self.workspace(
            plugin: "slow",
            body: """
                sleep 30 &
                echo $! > "$(dirname "$0")/child"
                wait
                """)
        defer { workspace.remove() }
        let pipe = try workspace.makePipe("bin/child")
        try workspace.write("m.yml", manifest("{renderer: bin/slow, path: out.txt}"))
        let running = try workspace.start(["render", "m.yml"])
        let child = try #require(firstLine(fromPipe: pipe, unless: running.process).flatMap { Int32($0) }, "the plug-in started its child")
        kill(running.process.processIdentifier, SIGINT)
        let result = running.wait()
        #expect(result.status == 130, "\(result.stderr)")
        #expect(try waitForEnd(of: child, seconds: 10), "the plug-in's own child ends")
        // Stopped means gone, or a zombie waiting for whoever adopted it to collect it.
        let state = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?.split(separator: ")").last?.split(separator: " ")
            .first
        #expect(state == nil || state == "Z", "the plug-in's own child was stopped too (state \(state ?? "gone"))")
        #expect(!workspace.exists("out"), "no request, temporary file or new folder is left: \(workspace.allFiles())")
        let scratch = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("cursus-stderr-") }
        #expect(scratch.allSatisfy { !$0.hasPrefix("cursus-stderr-\(running.process.processIdentifier)-") })
    }

    @Test func aHangingPluginIsStopped() throws {
        let workspace = try self.workspace(plugin: "hang", body: "sleep 60")
        defer { workspace.remove() }
        try workspace.write("m.yml", manifest("{renderer: bin/hang, path: out.txt, options: {timeout: 1}}"))
        let started = Date()
        let result = try workspace.run(["render", "m.yml"])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("ran past its timeout of 1 s and was stopped; raise the option 'timeout' if it needs longer"))
        #expect(!workspace.exists("out"))
    }

    @Test(arguments: [
        ("this is not JSON", "printed something that is not a JSON object for --describe ('this is not JSON')"),
        (#"{"name": "x", "extension": "txt"}"#, "printed a descriptor Cursus cannot use: the descriptor has no text 'summary'"),
        (
            #"{"summary": "s", "extension": "txt", "options": [{"name": "n", "type": "float"}]}"#,
            "option 'n' has type 'float'; types are bool, int, list, mapping, string"
        ),
    ])
    func aBadDescriptorIsAClearError(_ describe: String, _ message: String) throws {
        let workspace = try self.workspace(plugin: "odd", describe: describe, body: "cat")
        defer { workspace.remove() }
        try workspace.write("m.yml", manifest("{renderer: bin/odd, path: out.txt}"))
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("m.yml:6:16: error: the plug-in "), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func anUnknownOptionIsRefusedBeforeTheRender() throws {
        let workspace = try self.workspace(plugin: "echo", body: "cat")
        defer { workspace.remove() }
        try workspace.write("m.yml", manifest("{renderer: bin/echo, path: out.txt, options: {greting: hello}}"))
        let result = try workspace.run(["render", "m.yml"])
        #expect(result.status == 65)
        #expect(
            result.stderr.hasPrefix(
                "m.yml:6:60: error: unknown option 'greting' for renderer 'bin/echo' (did you mean 'greeting'?); its options: greeting, timeout"
            ))
    }

    @Test func aMissingPluginSaysWhereCursusLooked() throws {
        let workspace = try Workspace(["d.yml": goodDossier])
        defer { workspace.remove() }
        try workspace.write("m.yml", manifest("{renderer: ./plugins/nothere, path: out.txt}") + "  - {renderer: rss, path: feed.xml}\n")
        let result = try workspace.run(["render", "m.yml"], environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains(
                "error: unknown renderer './plugins/nothere'; it is not built in (csv, chronology, gantt, json, xlsx, html, ics, mermaid, timelinejs, easytimeline, sqlite) and there is no executable file at \(workspace.url.path)/plugins/nothere"
            ))
        #expect(
            result.stderr.contains(
                "error: unknown renderer 'rss'; it is not built in (csv, chronology, gantt, json, xlsx, html, ics, mermaid, timelinejs, easytimeline, sqlite) and there is no program cursus-render-rss on PATH (/usr/bin:/bin)"
            ))
    }
}
