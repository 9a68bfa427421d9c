// swift-tools-version:6.0
// A program that uses Cursus as a library: it loads a dossier, adds a renderer written in
// Swift beside the built-in ones, and renders a manifest. `make test` builds and runs it.
import PackageDescription

let package = Package(
    name: "CareerSummary",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Cursus", path: "../..")],
    targets: [
        .executableTarget(
            name: "career-summary",
            dependencies: [
                .product(name: "CursusCore", package: "Cursus"),
                .product(name: "CursusBuiltIns", package: "Cursus"),
            ]
        )
    ]
)
