import Foundation
import TeamplotterCLI

// A closed pipe (`teamplotter … | head`) should end with an exit code, not a signal.
signal(SIGPIPE, SIG_IGN)
exit(TeamplotterCLI.run(Array(CommandLine.arguments.dropFirst())).rawValue)
