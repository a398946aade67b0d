import Foundation
import Testing
import _StrataTestSupport

/// The real OPA (`../shared/tools/opa-oracle/opa_oracle.py --batch`): one Python process answers a
/// whole batch of programs over JSON Lines.
struct OracleProcess: Sendable {
    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case failed(String)
        var description: String {
            switch self {
            case .missing(let m), .failed(let m): m
            }
        }
    }

    let script: URL
    let library: String

    /// `OPA_ORACLE_LIB`, defaulting to `<repo>/.cache/opa-bridge` (what `scripts/install-opa-oracle.sh` fills).
    static func locate() throws(Failure) -> OracleProcess {
        let env = ProcessInfo.processInfo.environment
        let library = env["OPA_ORACLE_LIB"] ?? RepoPaths.root().appendingPathComponent(".cache/opa-bridge").path
        let script = RepoPaths.shared("tools/opa-oracle/opa_oracle.py")
        guard FileManager.default.fileExists(atPath: script.path) else {
            throw .missing("OPA oracle script not found at \(script.path) (../shared/tools/opa-oracle)")
        }
        guard FileManager.default.fileExists(atPath: library + "/opa_bindings/libopabridge.so") else {
            throw .missing("OPA oracle library missing under \(library): run scripts/install-opa-oracle.sh (or set OPA_ORACLE_LIB)")
        }
        return OracleProcess(script: script, library: library)
    }

    /// The oracle, or nil after recording a test issue that says how to install it.
    static func locateOrRecord() -> OracleProcess? {
        do {
            return try locate()
        } catch {
            Issue.record("\(error)")
            return nil
        }
    }

    /// One output line per program, in order. The batch is split over `processes` oracle processes
    /// running at once: OPA compiling each program dominates the run, and the processes are independent.
    func run(_ programs: [FuzzProgram], processes: Int) throws(Failure) -> [String] {
        let chunk = max(1, (programs.count + processes - 1) / processes)
        let slices = stride(from: 0, to: programs.count, by: chunk).map { Array(programs[$0..<min(programs.count, $0 + chunk)]) }
        let results = Results(count: slices.count)
        DispatchQueue.concurrentPerform(iterations: slices.count) { i in
            do throws(Failure) { results.set(i, .success(try run(slices[i]))) } catch { results.set(i, .failure(error)) }
        }
        var lines: [String] = []
        for r in results.all { lines += try r.get() }
        return lines
    }

    /// One output line per program, in order (one process).
    func run(_ programs: [FuzzProgram]) throws(Failure) -> [String] {
        let stdin = programs.map(\.oracleRequest).joined(separator: "\n") + "\n"
        var environment = ProcessInfo.processInfo.environment
        environment["OPA_ORACLE_LIB"] = library
        let result: ProcessResult
        do {
            result = try ProcessRunner.run("/usr/bin/env", ["python3", script.path, "--batch"],
                                           environment: environment, stdin: Data(stdin.utf8))
        } catch {
            throw .failed("could not start the oracle: \(error)")
        }
        let lines = result.stdout.split(separator: "\n").map(String.init)
        guard result.status <= 1, lines.count == programs.count else {
            throw .failed("oracle exited \(result.status) with \(lines.count) of \(programs.count) answers: \(result.stderr.suffix(2000))")
        }
        return lines
    }
}

/// Per-slice results written from `concurrentPerform` workers.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<[String], OracleProcess.Failure>]

    init(count: Int) { slots = Array(repeating: .success([]), count: count) }

    func set(_ i: Int, _ r: Result<[String], OracleProcess.Failure>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    var all: [Result<[String], OracleProcess.Failure>] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
