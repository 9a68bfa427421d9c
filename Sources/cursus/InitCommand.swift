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
            let files = [("cursus.yml", StarterFiles.manifest), ("dossier.yml", StarterFiles.dossier)]
                .map { (path: Console.relative(folder + "/" + $0.0), text: $0.1) }
            for path in try OutputTransaction.write(files, whenExists: "'cursus init' never overwrites a file") {
                print(Console.relative(path))
            }
        }
    }
}

/// The files `cursus init` writes: small, valid, and showing each kind of record.
enum StarterFiles {
    static let manifest = """
        # Cursus manifest: which renderers run over which dossiers, and where the files go.
        cursus: 1
        title: Jane Doe — career
        inputs: [dossier.yml]
        as_of: 2026-01-01          # the day "present" stands for; keeps output reproducible
        output_dir: out
        outputs:
          - {renderer: csv, path: tenures.csv, options: {table: tenures}}
          - {renderer: csv, path: events.csv, options: {table: events}}

        """

    static let dossier = """
        # Cursus dossier: people, the posts they held (tenures), dated events, and sources.
        # Dates are EDTF: 2008-07-26, 2008-07, 2008, 2016-23 (autumn 2016), 2004~ (about 2004), 2017? (uncertain).
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
