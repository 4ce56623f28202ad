// Times the renderers in process on a team file, so that start-up, reading and writing are kept
// apart from the plot (SVG) and the report (HTML). Run with:
//   .build/release/TeamplotterBench --render team.json [--runs 11] [--lang nl|en]
import Foundation
import TeamplotterCore
import TeamplotterFormats
import TeamplotterReport

enum RenderBenchmark {
    /// Runs the render benchmark and exits when `--render FILE` is given; returns otherwise.
    static func runIfRequested(_ arguments: [String] = CommandLine.arguments) {
        guard let path = value("--render", in: arguments) else { return }
        let runs = value("--runs", in: arguments).flatMap { Int($0) } ?? 11
        let language = value("--lang", in: arguments).flatMap(Language.init(rawValue:)) ?? .nl
        do {
            try run(path: path, runs: max(runs, 1), language: language)
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("render benchmark: \(error)\n".utf8))
            exit(1)
        }
    }

    private static func value(_ name: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    private static func run(path: String, runs: Int, language: Language) throws {
        let clock = ContinuousClock()
        var team: Team?
        var analysis: GapAnalysis?
        var bytes = 0
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        // Each step's output feeds the next, and its size goes into the checksum, so none is optimised away.
        let steps: [(String, () throws -> Void)] = [
            ("read (TeamLoader)", { team = try TeamLoader.loadTeam(data, file: path).team }),
            ("analyse", { analysis = GapAnalyser.analyse(team!) }),
            ("plot (SVG)", { bytes &+= TeamPlot(language: language).document(analysis: analysis!).utf8.count }),
            ("report (HTML)", {
                bytes &+= HTMLReport(language: language, date: "3 december 2026")
                    .render(team: team!, analysis: analysis!).utf8.count
            }),
        ]
        print("step                 runs  median ms  min ms")
        for (name, step) in steps {
            var times: [Double] = []
            for _ in 0..<runs {
                let elapsed = try clock.measure(step)
                times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            times.sort()
            print(name.padding(toLength: 19, withPad: " ", startingAt: 0)
                + String(format: "  %4d  %9.2f  %6.2f", runs, times[times.count / 2], times[0]))
        }
        print("(output bytes \(bytes / runs))")
    }
}
