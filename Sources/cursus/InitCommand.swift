import ArgumentParser
import CursusCore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter manifest (cursus.yml) and dossier (dossier.yml) into a folder.",
        discussion: "Refuses to overwrite either file. Then run 'cursus render' in that folder.")

    @Option(name: .shortAndLong, help: "The folder to write into.", completion: .directory)
    var directory = "."

    func run() throws {
        try Console.run {
            let folder = URL(fileURLWithPath: directory).standardizedFileURL.path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let today = CalendarDay.today()
            let graphviz = StarterFiles.graphvizInstalled()
            let files = [("cursus.yml", StarterFiles.manifest(asOf: today, chartImages: graphviz)), ("dossier.yml", StarterFiles.dossier)]
                .map { (path: Console.relative(folder + "/" + $0.0), text: $0.1) }
            for path in try OutputTransaction.write(files, whenExists: "'cursus init' never overwrites a file") {
                print(Console.relative(path))
            }
            var notes = [
                Diagnostic(
                    .note,
                    "as_of is today, \(today.iso): \"present\" in every output means this day until you change it in cursus.yml")
            ]
            if !graphviz {
                notes.append(
                    Diagnostic(
                        .note,
                        "Graphviz is not installed, so the chart is written as DOT only; install the Debian package graphviz and add 'formats: [svg, png]' to its options"
                    ))
            }
            Console.report(notes)
        }
    }
}

/// The files `cursus init` writes: small, valid, showing each kind of record and of date, and
/// rendered by every built-in renderer.
enum StarterFiles {
    /// The starter manifest: every built-in renderer, "present" being `asOf`; the chart's images
    /// only when Graphviz is there to draw them.
    static func manifest(asOf: CalendarDay, chartImages: Bool) -> String {
        """
        # Cursus manifest: which renderers run over which dossiers, and where the files go.
        # 'cursus renderers NAME' lists a renderer's options.
        cursus: 1
        title: Jane Doe — career
        inputs: [dossier.yml]
        as_of: \(asOf.iso)        # the day "present" stands for; keeps output reproducible
        output_dir: out
        outputs:
          - {renderer: csv, path: tenures.csv, options: {table: tenures}}
          - {renderer: csv, path: events.csv, options: {table: events}}
          - {renderer: xlsx, path: career.xlsx}
          - {renderer: chronology, path: chronology.txt}
          - {renderer: chronology, path: chronology.md}
          - {renderer: gantt, path: career.dot\(chartImages ? ", options: {formats: [svg, png]}" : "")}
          - {renderer: html, path: career.html}
          - {renderer: json, path: dossier.json}
          - {renderer: ics, path: career.ics}
          - {renderer: mermaid, path: career-mermaid.md}
          - {renderer: timelinejs, path: timeline.json}
          - {renderer: easytimeline, path: career-easytimeline.txt}
          - {renderer: sqlite, path: career.sqlite}

        """
    }

    /// True when Graphviz's `neato` is on PATH.
    static func graphvizInstalled() -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/neato") }
    }

    static let dossier = """
        # Cursus dossier: people, the posts they held (tenures), dated events, and sources.
        # Dates are EDTF: 2008-07-26 (a day), 2008-07 (a month), 2008 (a year), 2016-23 (autumn 2016),
        # 2004~ (about 2004), 2017? (uncertain); an ongoing post says ongoing: true and has no end.
        cursus: 1
        person: {id: doe, name: Jane Doe, born: 1960-03-14}
        sources:
          - {id: cv, title: Official biography, kind: biography}
        tenures:
          - id: consul
            office: Consul General in Lyon
            role: Consul General
            place: Lyon
            category: posting-abroad
            start: 1999-09
            end: 2003
            sources: [cv]
          - id: director
            office: Director of Protocol
            role: Director
            category: headquarters
            start: 2003-10-01
            ongoing: true
            milestones:
              - {date: 2004-02-10, title: Confirmed in post}
            sources: [cv]
        events:
          - {id: award, date: 2010~, title: Received the service medal, sources: [cv]}

        """
}
