import CursusTestSupport
import Foundation
import Testing

/// `cursus render --watch`, driven as a person would: it renders, a file changes (written in
/// place, or saved by renaming a new file over it, as editors do), it renders again; a broken
/// file prints its diagnostics and the watch goes on; Ctrl-C ends it with nothing half-written.
@Suite struct WatchTests {
    @Test func rendersAgainWhenAFileChangesAndStopsCleanly() throws {
        let workspace = try Workspace([
            "cursus.yml": "cursus: 1\ninputs: [d.yml]\nas_of: 2026-01-01\noutputs:\n  - {renderer: csv, path: t.csv}\n",
            "d.yml": "cursus: 1\npeople: [{id: p, name: P}]\ntenures: [{id: t, person: p, office: Consul, start: 2001}]\n",
        ])
        defer { workspace.remove() }
        let watch = try StreamingCLI(["render", "--watch"], in: workspace.url)
        #expect(watch.line(containing: "out/t.csv") != nil)
        #expect(watch.line(containing: "watching 2 files") != nil)

        // Written in place.
        try workspace.write("d.yml", "cursus: 1\npeople: [{id: p, name: P}]\ntenures: [{id: t, person: p, office: Praetor, start: 2001}]\n")
        #expect(watch.line(containing: "changed: d.yml") != nil)
        #expect(watch.line(containing: "out/t.csv") != nil)
        #expect(String(decoding: try workspace.read("out/t.csv"), as: UTF8.self).contains("Praetor"))
        #expect(watch.line(containing: "watching") != nil)

        // Broken: its diagnostics, and the watch goes on; the last good output stays.
        try workspace.write(
            "d.yml", "cursus: 1\npeople: [{id: p, name: P}]\ntenures: [{id: t, person: p, office: Consul, start: 2001-13}]\n")
        #expect(watch.line(containing: "changed: d.yml") != nil)
        #expect(watch.line(containing: "watching") != nil)
        let errors = String(decoding: try workspace.read("stderr"), as: UTF8.self)
        #expect(errors.contains("d.yml:3:"), "\(errors)")
        #expect(String(decoding: try workspace.read("out/t.csv"), as: UTF8.self).contains("Praetor"))

        // Saved by writing a new file and renaming it over the old, as editors do.
        try workspace.write(
            "d.yml.new", "cursus: 1\npeople: [{id: p, name: P}]\ntenures: [{id: t, person: p, office: Censor, start: 2001}]\n")
        #expect(rename(workspace.url.appendingPathComponent("d.yml.new").path, workspace.url.appendingPathComponent("d.yml").path) == 0)
        #expect(watch.line(containing: "changed: d.yml") != nil)
        #expect(watch.line(containing: "out/t.csv") != nil)
        #expect(String(decoding: try workspace.read("out/t.csv"), as: UTF8.self).contains("Censor"))
        #expect(watch.line(containing: "watching") != nil)

        #expect(watch.stop() == 130, "Ctrl-C ends the watch")
        #expect(workspace.allFiles().filter { $0.hasPrefix("out/") } == ["out/t.csv"], "nothing half-written: \(workspace.allFiles())")
    }
}
