// Times the gap analysis on generated organisations, in process, so that only the analysis is
// measured (import and output have their own benchmarks in bench/). Run with:
//   swift run -c release TeamplotterBench [--sizes 1000,10000,100000,1000000] [--roles 24,200]
//       [--runs 11] [--flush-caches]
import Foundation
import TeamplotterCore

// `--render FILE` times the renderers instead (RenderBenchmark.swift).
RenderBenchmark.runIfRequested()

/// A deterministic generator (SplitMix64), so every run analyses the same organisation.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func organisation(functions count: Int, roles roleCount: Int) -> Team {
    var random = SplitMix64(state: UInt64(count * 1000 + roleCount))
    let catalogue: CatalogueCustomization? = roleCount == 24 ? nil : CatalogueCustomization(
        mode: .replace,
        categories: stride(from: 0, to: roleCount, by: 25).map { start in
            RoleCategory(id: "c\(start)", name: "Categorie \(start)", roles: (start..<min(start + 25, roleCount)).map {
                Role(id: "r\($0)", name: "Rol \($0)")
            })
        })
    let ids = catalogue.map { $0.categories.flatMap(\.roles).map(\.id) } ?? Catalogue.builtIn.roles.map(\.id)
    let functions = (0..<count).map { index in
        let vacancy = Int.random(in: 0..<100, using: &random) < 3
        return TeamFunction(
            title: "Functie \(index % 500)",
            holder: vacancy ? nil : "Medewerker \(index)",
            isVacancy: vacancy,
            workload: .hoursPerWeek([36, 32, 24, 18][Int.random(in: 0..<4, using: &random)]),
            roles: (0..<Int.random(in: 1...4, using: &random)).map { _ in
                RoleAssignment(roleId: ids[Int.random(in: 0..<ids.count, using: &random)], sharePercent: nil)
            })
    }
    let needs = ids.map { id in
        RoleNeed(roleId: id, priority: Priority.allCases[Int.random(in: 0..<4, using: &random)],
                 desiredFte: Bool.random(using: &random) ? Double(Int.random(in: 1...50, using: &random)) : nil,
                 minPeople: Bool.random(using: &random) ? Int.random(in: 1...5, using: &random) : nil)
    }
    return Team(name: "Organisatie", functions: functions, needs: Needs(roles: needs), customCatalogue: catalogue)
}

func argument(_ name: String, default fallback: [Int]) -> [Int] {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1].split(separator: ",").compactMap { Int($0) }
}

let sizes = argument("--sizes", default: [1_000, 10_000, 100_000, 1_000_000])
let roleCounts = argument("--roles", default: [24, 200])
let clock = ContinuousClock()
let runs = argument("--runs", default: [11]).first ?? 11
/// Page faults so far: memory the kernel had to hand over (and clear) while a run took it.
func minorFaults() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_minflt
}

/// `--flush-caches`: before each run, write and read a buffer larger than the caches, so that
/// every size starts from memory. Without it a team that fits the caches (100k functions, some
/// 25 MB) is still there from its last run, and one that does not (1M) is not, which the ratio
/// between them then measures along with the analysis.
let flushesCaches = CommandLine.arguments.contains("--flush-caches")
let cacheFlusher = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: flushesCaches ? 1 << 30 : 0)
cacheFlusher.initialize(repeating: 1)
func flushCaches(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    var sum = 0
    for index in stride(from: 0, to: buffer.count, by: 64) {
        buffer[index] &+= 1
        sum &+= Int(buffer[index])
    }
    return sum
}

/// Only reads what the analysis must read of every function (its vacancy, hours, role ids and
/// shares, holder), and sums it: the floor the memory system sets for a team of that size, to
/// tell how much of a ratio between sizes is the analysis's own.
func readPass(_ team: Team) -> Int {
    team.functions.withUnsafeBufferPointer { functions in
        guard let first = functions.baseAddress else { return 0 }
        var sum = 0
        for index in 0..<functions.count {
            let function = first + index
            sum &+= function.pointee.isVacancy ? 1 : 0
            sum &+= function.pointee.workload == nil ? 0 : 2
            for position in 0..<function.pointee.roles.count {
                sum &+= function.pointee.roles[position].roleId.utf8.count
                sum &+= function.pointee.roles[position].sharePercent == nil ? 0 : 1
            }
            sum &+= function.pointee.holder?.utf8.withContiguousStorageIfAvailable { Int($0.last ?? 0) } ?? 0
        }
        return sum
    }
}

print("functions  roles  runs  median ms  min ms  faults/run  ratio to 10× fewer  read pass ms  its ratio"
      + (flushesCaches ? "  [caches flushed before each run]" : ""))
for roles in roleCounts {
    let teams = sizes.map { organisation(functions: $0, roles: roles) }
    // Round-robin: each round analyses every size once, so that a slow spell of a shared machine
    // falls on all sizes alike and the ratios compare runs made side by side.
    var times = [[Double]](repeating: [], count: sizes.count)
    var readTimes = [[Double]](repeating: [], count: sizes.count)
    var faults = [Int](repeating: 0, count: sizes.count)
    var checksum = 0
    func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000
    }
    for _ in 0..<runs {
        for (index, team) in teams.enumerated() {
            if flushesCaches { checksum &+= flushCaches(cacheFlusher) }
            let faultsBefore = minorFaults()
            let elapsed = clock.measure { checksum &+= GapAnalyser.analyse(team).count(.covered) }
            faults[index] += minorFaults() - faultsBefore
            times[index].append(milliseconds(elapsed))
            if flushesCaches { checksum &+= flushCaches(cacheFlusher) }
            readTimes[index].append(milliseconds(clock.measure { checksum &+= readPass(team) }))
        }
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    func ratio(_ times: [[Double]], _ index: Int) -> String {
        index == 0 ? "-" : String(format: "%.2f", median(zip(times[index], times[index - 1]).map { $0 / $1 }))
    }
    for (index, size) in sizes.enumerated() {
        print(String(format: "%9d  %5d  %4d  %9.2f  %6.2f  %10d  %18@  %12.2f  %9@", size, roles, runs, median(times[index]),
                     times[index].min()!, faults[index] / runs, ratio(times, index), median(readTimes[index]), ratio(readTimes, index)),
              "(check \(checksum % 10))")
    }
}
