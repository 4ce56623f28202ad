import Foundation
import TeamplotterCLI

// A closed pipe (`teamplotter … | head`) should end with an exit code, not a signal.
signal(SIGPIPE, SIG_IGN)
// The process ends right after the command, so what it loaded need not be freed piece by piece.
ExitTeardown.skip()
exit(TeamplotterCLI.run(Array(CommandLine.arguments.dropFirst())).rawValue)
