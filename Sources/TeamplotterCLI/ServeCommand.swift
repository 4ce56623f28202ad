import Foundation
import TeamplotterCore
import TeamplotterWeb

/// `teamplotter serve [--host 127.0.0.1] [--port 8080] [--db PATH]`: the web app.
struct ServeCommand: Command {
    static let names = ["serve"]

    let host: String
    let port: Int
    let database: String
    let language: Language

    static func summary(_ language: Language) -> String {
        language.pick("de webapp: teams invullen en analyseren in de browser", "the web app: fill in and analyse teams in the browser")
    }

    static func help(_ language: Language) -> String {
        language.pick(
            """
            Gebruik: teamplotter serve [--host 127.0.0.1] [--port 8080] [--db BESTAND]

            Start de webapp. Open daarna http://127.0.0.1:8080 in de browser.
            De teams staan in één SQLite-bestand; een nieuw bestand begint met het
            voorbeeldteam.
            Ctrl-C (of SIGTERM) stopt de server netjes.

              --host ADRES   het IP-adres om op te luisteren (standaard 127.0.0.1:
                             alleen deze computer). Er zijn nog geen accounts: op een
                             ander adres kan iedereen die de server bereikt de gegevens
                             lezen en wijzigen.
              --port POORT   standaard 8080; 0 kiest een vrije poort
              --db BESTAND   standaard teamplotter.sqlite

            """,
            """
            Usage: teamplotter serve [--host 127.0.0.1] [--port 8080] [--db FILE]

            Starts the web app. Then open http://127.0.0.1:8080 in a browser.
            Teams are kept in one SQLite file; a new file starts with the example team.
            Ctrl-C (or SIGTERM) stops the server cleanly.

              --host ADDRESS the IP address to listen on (default 127.0.0.1: this
                             computer only). There are no accounts yet: on any other
                             address, anyone who can reach the server can read and
                             change the data.
              --port PORT    default 8080; 0 picks a free port
              --db FILE      default teamplotter.sqlite

            """)
    }

    init(arguments: [String], console: Console) throws(CLIError) {
        let parsed = try Arguments(arguments, valued: ["--host", "--port", "--db", "--lang"], flags: [])
        language = try parsed.language(environment: console.environment)
        try parsed.allowPositionals(0, language, takes: language.pick("serve neemt geen bestanden; gebruik --db", "serve takes no files; use --db"))
        host = parsed.value("--host") ?? "127.0.0.1"
        let portText = parsed.value("--port") ?? "8080"
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw .usage(language.pick("--port: \"\(portText)\" is geen poortnummer (0–65535)", "--port: \"\(portText)\" is not a port number (0–65535)"))
        }
        self.port = port
        database = parsed.value("--db") ?? "teamplotter.sqlite"
    }

    /// Why the server could not start, in the user's language.
    static func describe(_ error: HTTPServer.StartError, _ language: Language) -> String {
        switch error {
        case .invalidHost(let host):
            language.pick(
                "--host: \"\(host)\" is geen IP-adres (bijvoorbeeld 127.0.0.1, ::1 of 0.0.0.0)",
                "--host: \"\(host)\" is not an IP address (for example 127.0.0.1, ::1 or 0.0.0.0)")
        case .cannotListen(let host, let port):
            language.pick(
                "kan niet luisteren op \(host) poort \(port); is die al in gebruik? Kies een andere met --port",
                "cannot listen on \(host) port \(port); is it in use already? Choose another with --port")
        }
    }

    /// The database file and the files SQLite keeps beside it.
    private static func remove(database: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }

    func run(console: Console) throws(CLIError) {
        // Taken over before the address is printed, so that a signal sent as soon as the
        // server is up is never lost.
        let stopSignal = StopSignal()
        // A database made for a server that then cannot start is left behind as nobody's file.
        let databaseExisted = FileManager.default.fileExists(atPath: database)
        let config = WebConfig(
            host: host, port: port, databasePath: database,
            log: { message in console.writeError(message + "\n") })
        let application: Application
        do {
            application = try buildApplication(config)
        } catch {
            throw .failed(language.pick("\(database): de database kan niet worden geopend: \(error)", "\(database): cannot open the database: \(error)"))
        }
        let server: HTTPServer
        do {
            server = try application.start()
        } catch {
            if !databaseExisted { Self.remove(database: database) }
            if let error = error as? HTTPServer.StartError { throw .failed(Self.describe(error, language)) }
            throw .failed("\(error)")
        }

        let shownHost = host.contains(":") ? "[\(host)]" : host
        console.write(language.pick(
            "Teamplotter draait op http://\(shownHost):\(server.port)/ met database \(database). Stoppen: Ctrl-C.\n",
            "Teamplotter is running at http://\(shownHost):\(server.port)/ with database \(database). Stop: Ctrl-C.\n"))
        if !Application.isLoopback(host) {
            console.writeError(language.pick(
                "LET OP: de server luistert op \(host), niet alleen op deze computer. Er zijn nog geen accounts: iedereen die deze server kan bereiken, kan alle teams lezen en wijzigen.\n",
                "WARNING: the server listens on \(host), not only on this computer. There are no accounts yet: anyone who can reach this server can read and change every team.\n"))
        }

        stopSignal.wait()
        server.stop()
        console.write(language.pick("Teamplotter is gestopt.\n", "Teamplotter has stopped.\n"))
    }

}

/// Waits for SIGINT (Ctrl-C) or SIGTERM, so that the server can stop in order: running requests
/// finish, the database closes. The signals are blocked before any thread is started (threads
/// inherit the mask), so one that comes early stays pending until `wait` takes it: never lost,
/// and never ending the process halfway. (A Dispatch signal source was registered only some time
/// after it was resumed; a SIGTERM in between was ignored, and the server did not stop.)
private final class StopSignal {
    private var signals = sigset_t()

    init() {
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }

    func wait() {
        var received: Int32 = 0
        while sigwait(&signals, &received) != 0 {}
    }
}
