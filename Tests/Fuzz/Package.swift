// swift-tools-version:6.0
// The fuzz harnesses: a package of their own, so that ordinary builds never link libFuzzer.
// Build and run through `scripts/fuzz` (see SECURITY.md, "Fuzzing").
import PackageDescription

let package = Package(
    name: "CursusFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Cursus", path: "../..")],
    targets: [
        .executableTarget(
            name: "cursus-fuzz",
            dependencies: [
                .product(name: "CursusCore", package: "Cursus"),
                .product(name: "CursusImport", package: "Cursus"),
                .product(name: "CursusBuiltIns", package: "Cursus"),
            ]
        )
    ]
)
