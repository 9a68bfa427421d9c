import Foundation

// `cursus-fuzz TARGET [libFuzzer options] [CORPUS…]`: runs libFuzzer on one target.

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
    let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: cursus-fuzz TARGET [libFuzzer options] [CORPUS…]\ntargets: \(names)\n".utf8))
    exit(64)
}
arguments.remove(at: 1)
FuzzTarget.selected = target

var argc = Int32(arguments.count)
var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
let status = cArguments.withUnsafeMutableBufferPointer { buffer -> Int32 in
    var argv = buffer.baseAddress
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        FuzzTarget.selected.run(data.map { Data(bytes: $0, count: size) } ?? Data())
        return 0
    }
}
exit(status)
