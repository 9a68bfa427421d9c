import Foundation

// `cursus-fuzz TARGET [libFuzzer options] [CORPUS…]`: runs libFuzzer on one target.

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

// libFuzzer's -fork mode starts this program again with its own arguments: the target travels
// to those children in the environment.
var arguments = CommandLine.arguments
if arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) {
    arguments.remove(at: 1)
    setenv("CURSUS_FUZZ_TARGET", target.rawValue, 1)
}
guard let name = ProcessInfo.processInfo.environment["CURSUS_FUZZ_TARGET"], let target = FuzzTarget(rawValue: name) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: cursus-fuzz TARGET [libFuzzer options] [CORPUS…]\ntargets: \(names)\n".utf8))
    exit(64)
}
FuzzTarget.selected = target

var argc = Int32(arguments.count)
var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
let status = cArguments.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return runFuzzerDriver(&argc, &argv) { data, size in
        FuzzTarget.selected.run(data.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }
}
exit(status)
