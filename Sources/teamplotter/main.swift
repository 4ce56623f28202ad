import Foundation
import TeamplotterCLI

exit(TeamplotterCLI.run(Array(CommandLine.arguments.dropFirst())).rawValue)
